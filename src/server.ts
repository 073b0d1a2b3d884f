// createServer builds the MCP server and registers the tools; it starts nothing, so tests can
// connect it in-process and the stdio entry (commands/serve.ts) stays a few lines.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type {
  JsonSchemaType,
  JsonSchemaValidator,
  jsonSchemaValidator,
} from "@modelcontextprotocol/sdk/validation/types.js";
import type { Runtime } from "./base/runtime.ts";
import type { BreakdownDeps } from "./context/breakdown/read-breakdown.ts";
import type { UsageDeps } from "./context/read-usage.ts";
import type { HandoffDeps } from "./handoff/write-handoff.ts";
import { registerGetContextBreakdown } from "./tools/get-context-breakdown.ts";
import { registerGetContextUsage } from "./tools/get-context-usage.ts";
import { registerHandoffResources } from "./tools/handoff-resources.ts";
import { registerWriteHandoff } from "./tools/write-handoff.ts";
import { PACKAGE } from "./version.ts";

/** What the tools need; built by createEntryDeps (src/deps.ts). */
export interface ServerDeps {
  runtime: Runtime;
  usage: UsageDeps;
  breakdown: BreakdownDeps;
  handoff: HandoffDeps;
}

export function createServer(deps: ServerDeps): McpServer {
  const server = new McpServer(
    { name: PACKAGE.name, version: PACKAGE.version },
    {
      instructions:
        "ctx-monitor reports this session's context window usage. Check get_context_usage before large reads and " +
        "long tasks; when it says warn or critical, call write_handoff before auto-compaction loses detail.",
      jsonSchemaValidator: lazySchemaValidator(),
    },
  );
  registerGetContextUsage(server, deps.usage);
  registerGetContextBreakdown(server, deps.breakdown);
  registerWriteHandoff(server, deps.handoff);
  registerHandoffResources(server, deps.handoff);
  return server;
}

/**
 * The SDK's own schema validator, built on first use: the server needs it only for elicitation, which
 * ctx-monitor does not do, and building it would cost every start.
 */
function lazySchemaValidator(): jsonSchemaValidator {
  let validator: AjvJsonSchemaValidator | undefined;
  return {
    getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
      validator ??= new AjvJsonSchemaValidator();
      return validator.getValidator<T>(schema);
    },
  };
}
