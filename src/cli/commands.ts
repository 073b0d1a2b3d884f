// Every CLI command, in the order help lists them.
import { breakdownCommand } from "../commands/breakdown.ts";
import { handoffCommand } from "../commands/handoff.ts";
import { demoCommand } from "../commands/demo.ts";
import { usageCommand } from "../commands/usage.ts";
import { proxyCommand } from "../commands/proxy.ts";
import { importMitmCommand } from "../commands/import-mitm.ts";
import type { Command } from "./command.ts";

export const COMMANDS: readonly Command[] = [usageCommand, breakdownCommand, handoffCommand, demoCommand, proxyCommand, importMitmCommand];
