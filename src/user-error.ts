// The one kind of failure a person can act on: its message says what happened and what to do, and
// the CLI and the MCP tools print it as it is, never with a stack trace.
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
