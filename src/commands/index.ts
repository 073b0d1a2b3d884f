// Every CLI command, in the order help lists them.
import { breakdownCommand } from "./breakdown.ts";
import { handoffCommand } from "./handoff.ts";
import { demoCommand } from "./demo.ts";
import { hookCommand } from "./hook.ts";
import { installCommand } from "./install.ts";
import { sessionsCommand } from "./sessions.ts";
import { statuslineCommand } from "./statusline.ts";
import { uninstallCommand } from "./uninstall.ts";
import { usageCommand } from "./usage.ts";
import { watchCommand } from "./watch.ts";
import { reportCommand } from "./report.ts";
import { proxyCommand } from "./proxy.ts";
import { importMitmCommand } from "./import-mitm.ts";
import { compareCommand } from "./compare.ts";
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
