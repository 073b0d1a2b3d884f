// Every CLI command, in the order help lists them.
import { breakdownCommand } from "../commands/breakdown.ts";
import { handoffCommand } from "../commands/handoff.ts";
import { demoCommand } from "../commands/demo.ts";
import { hookCommand } from "../commands/hook.ts";
import { installCommand } from "../commands/install.ts";
import { sessionsCommand } from "../commands/sessions.ts";
import { statuslineCommand } from "../commands/statusline.ts";
import { uninstallCommand } from "../commands/uninstall.ts";
import { usageCommand } from "../commands/usage.ts";
import { watchCommand } from "../commands/watch.ts";
import { reportCommand } from "../commands/report.ts";
import { proxyCommand } from "../commands/proxy.ts";
import { importMitmCommand } from "../commands/import-mitm.ts";
import { compareCommand } from "../commands/compare.ts";
import type { Command } from "./command.ts";

export const COMMANDS: readonly Command[] = [
  usageCommand,
  breakdownCommand,
  handoffCommand,
  sessionsCommand,
  watchCommand,
  reportCommand,
  demoCommand,
  installCommand,
  uninstallCommand,
  statuslineCommand,
  hookCommand,
  proxyCommand,
  importMitmCommand,
  compareCommand,
];
