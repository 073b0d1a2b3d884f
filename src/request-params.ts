// Whether a request's params have the shape its method needs, as one line a client can act on. The SDK
// checks them inside its handlers and answers a mismatch (tools/call with `arguments: "x"`) with -32603,
// an internal error carrying a zod dump; the stdio transport asks here first and answers -32602.
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  GetPromptRequestSchema,
  InitializeRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";

const SCHEMAS = {
  initialize: InitializeRequestSchema,
  "tools/list": ListToolsRequestSchema,
  "tools/call": CallToolRequestSchema,
  "resources/list": ListResourcesRequestSchema,
  "resources/templates/list": ListResourceTemplatesRequestSchema,
  "resources/read": ReadResourceRequestSchema,
  "prompts/list": ListPromptsRequestSchema,
  "prompts/get": GetPromptRequestSchema,
  "completion/complete": CompleteRequestSchema,
} as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/** What is wrong with `params` for `method`, in one line; null when they fit (or the method is not checked here). */
export function paramsProblem(method: string, params: unknown): string | null {
  if (params !== undefined && !isObject(params))
    return `${method}: params must be a JSON object, not ${kindOf(params)}`;
  if (method === "tools/call" && params?.arguments !== undefined && !isObject(params.arguments))
    return `tools/call: arguments must be a JSON object, not ${kindOf(params.arguments)}`;
  const schema = Object.hasOwn(SCHEMAS, method) ? SCHEMAS[method as keyof typeof SCHEMAS] : undefined;
  if (!schema) return null;
  const parsed = schema.safeParse({ method, ...(params === undefined ? {} : { params }) });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.map(String).join(".") : "params";
  return `${method}: invalid ${where}: ${(issue?.message ?? "does not fit the method").split("\n")[0]}`;
}
