// What the arguments Claude Code was started with say about the model it runs: `--model <id>` names
// it as Claude Code will use it, and `-p` with `--resume`/`--continue` and no `--model` is how
// 2.1.197 drops its default's 1M window (it ran `claude-opus-4-8` at 200,000, seen). Pure.

export interface LaunchArgs {
  /** The `--model` value, or null when none was given. */
  model: string | null;
  /** `-p`/`--print`: the non-interactive mode. */
  print: boolean;
  /** `--resume`/`-r`/`--continue`/`-c`: a session picked up again. */
  resumed: boolean;
}

export function parseLaunchArgs(args: readonly string[]): LaunchArgs {
  let model: string | null = null;
  let print = false;
  let resumed = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--") break;
    if (arg === "--model") model = args[index + 1] ?? null;
    else if (arg.startsWith("--model=")) model = arg.slice("--model=".length);
    else if (arg === "-p" || arg === "--print") print = true;
    else if (["--resume", "-r", "--continue", "-c"].includes(arg) || arg.startsWith("--resume=")) resumed = true;
  }
  return { model: model || null, print, resumed };
}
