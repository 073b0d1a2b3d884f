// Every CLI command, in the order help lists them.
import { breakdownCommand } from "./breakdown.ts";
import type { Command } from "./command.ts";
import { compareCommand } from "./compare.ts";
import { demoCommand } from "./demo.ts";
import { handoffCommand } from "./handoff.ts";
import { hookCommand } from "./hook.ts";
import { importMitmCommand } from "./import-mitm.ts";
import { installCommand } from "./install.ts";
import { proxyCommand } from "./proxy.ts";
import { reportCommand } from "./report.ts";
import { sessionsCommand } from "./sessions.ts";
import { statuslineCommand } from "./statusline.ts";
import { uninstallCommand } from "./uninstall.ts";
import { usageCommand } from "./usage.ts";
import { watchCommand } from "./watch.ts";

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
