// Diagnostics go to stderr, never stdout: stdout carries the MCP protocol.
export function log(message: string): void {
  process.stderr.write(`ctx-monitor: ${message}\n`);
}
