// Each tool's answer is declared once, as the core's TypeScript interface (the core never loads zod:
// the statusline and hooks start without it). The zod output schema beside each tool is checked
// against that interface at compile time: a field added to, dropped from, or typed differently in
// one of the two fails tsc, naming the fields.
import type { z } from "zod";

/** Interfaces and intersections spelt out as plain object types, so that equal structures compare equal. */
type Plain<T> = T extends object ? { [K in keyof T]: Plain<T[K]> } : T;

/** True only when A and B are the same type, optional and nullable fields included; `any` matches nothing else. */
type Exact<A, B> = (<X>() => X extends Plain<A> ? 1 : 2) extends <X>() => X extends Plain<B> ? 1 : 2 ? true : false;

/** The fields the interface and the schema disagree on: in one only, or typed differently. */
type Disagreeing<T, Out> = {
  [K in keyof T | keyof Out]: K extends keyof T
    ? K extends keyof Out
      ? Exact<Pick<T, K>, Pick<Out, K>> extends true
        ? never
        : K
      : K
    : K;
}[keyof T | keyof Out];

/** Nothing more to ask when they agree; else a property no shape has, whose type names the fields in tsc's message. */
type Agreeing<T, Shape extends z.ZodRawShape> =
  Disagreeing<T, z.output<z.ZodObject<Shape>>> extends infer Fields
    ? [Fields] extends [never]
      ? unknown
      : { "fields that differ from the interface": `${Fields & string}` }
    : never;

/** `outputShapeOf<ContextUsage>()({...})`: the shape as written, once its output type is exactly the interface. */
export function outputShapeOf<T>() {
  return <Shape extends z.ZodRawShape>(shape: Shape & Agreeing<T, Shape>): Shape => shape;
}
