// The one kind of failure a person can act on: its message says what happened and what to do, and
import { fileSystemFailure } from "./fs-failure.ts";
// the CLI and the MCP tools print it as it is, never with a stack trace.
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The message of a failure a person can act on (a refusal, a file-system failure), or null for a fault to report. */
export function actionableMessage(error: unknown): string | null {
  return error instanceof UserError ? error.message : fileSystemFailure(error);
}
