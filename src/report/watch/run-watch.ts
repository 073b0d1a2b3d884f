// `ctx-monitor watch`: follows a session live. On a terminal it redraws one screen in place (the
// alternate screen, so the shell's scrollback is left as it was) on every append and resize, and
// exits on q or Ctrl-C; otherwise it appends plain lines. Loaded only by the watch command, so
// chokidar never weighs on the MCP server's start-up.
import { locateTranscript, type LocateRequest } from "../../transcript/locate.ts";
import type { Runtime } from "../../runtime.ts";
import { terminalText } from "../../present/safe-text.ts";
import { styleFor } from "../../present/terminal.ts";
import { paint } from "./colors.ts";
import { TranscriptFollower } from "./follow.ts";
import { renderFrame } from "./frame.ts";
import { plainLines } from "./plain-lines.ts";
import type { WatchView } from "./view.ts";
import { SerialRunner } from "./serial-runner.ts";
import { WatchSession } from "./watch-session.ts";

export interface WatchTerminal {
  isTTY: boolean;
  size(): { columns: number; rows: number };
  write(text: string): void;
  error(text: string): void;
  /** Each returns a function that stops listening. */
  onResize(listener: () => void): () => void;
  /** Key presses, raw; only on a terminal. */
  onKey(listener: (key: string) => void): () => void;
  onSignal(listener: () => void): () => void;
}

const ENTER_SCREEN = "\x1b[?1049h\x1b[?25l";
const LEAVE_SCREEN = "\x1b[?25h\x1b[?1049l";
/** Appends come in bursts (a response is several lines): one redraw per burst. */
const SETTLE_MS = 40;

/**
 * Resolves on q, Ctrl-C or a signal; a resize (a burst of events) redraws once it settles. Listening
 * starts before the first frame, so a q or Ctrl-C is never missed.
 */
function untilQuit(terminal: WatchTerminal, redraw: () => void): { quit: Promise<void>; stop(): void } {
  const stops: Array<() => void> = [];
  let resizeTimer: NodeJS.Timeout | null = null;
  const quit = new Promise<void>((resolve) => {
    stops.push(terminal.onSignal(resolve));
    stops.push(terminal.onKey((key) => (key === "q" || key === "Q" || key === "\x03" ? resolve() : undefined)));
    stops.push(
      terminal.onResize(() => {
        if (resizeTimer) clearTimeout(resizeTimer);
        resizeTimer = setTimeout(() => {
          resizeTimer = null;
          redraw();
        }, SETTLE_MS);
      }),
    );
  });
  return {
    quit,
    stop() {
      for (const stop of stops) stop();
      if (resizeTimer) clearTimeout(resizeTimer);
    },
  };
}

export async function runWatch(request: LocateRequest, runtime: Runtime, terminal: WatchTerminal): Promise<number> {
  const located = locateTranscript(request, runtime);
  const session = new WatchSession(runtime, request.projectDir);
  const color = styleFor({
    env: runtime.env,
    isTTY: terminal.isTTY,
    columns: undefined,
  }).color;
  const colors = paint(color);
  let printed: WatchView | null = null;

  const draw = () => {
    const view = session.view;
    if (!view) return;
    if (terminal.isTTY) {
      // Each line is cleaned before the frame's own cursor codes join them: paths and commands are data.
      const lines = renderFrame(view, terminal.size(), colors).map((line) => terminalText(line, { color }));
      terminal.write(`\x1b[H${lines.join("\x1b[K\r\n")}\x1b[K\x1b[J`);
    } else {
      const lines = plainLines(printed, view).map((line) => terminalText(line));
      if (lines.length) terminal.write(`${lines.join("\n")}\n`);
    }
    printed = view;
  };
  const refresh = new SerialRunner(async () => {
    try {
      await session.refresh(follower.path);
      draw();
    } catch (error) {
      terminal.error(
        // Goes through the CLI's output edge, which cleans it.
        `ctx-monitor watch: could not read ${follower.path}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }, SETTLE_MS);
  const follower = new TranscriptFollower(located.path, located.source === "transcript-path", {
    changed: () => refresh.soon(),
    switched: () => refresh.soon(),
  });
  const keys = untilQuit(terminal, () => {
    if (terminal.isTTY) terminal.write("\x1b[2J");
    draw();
  });
  if (terminal.isTTY) terminal.write(ENTER_SCREEN);
  try {
    await follower.start();
    await refresh.now();
    await keys.quit;
  } finally {
    keys.stop();
    refresh.stop();
    await follower.close();
    if (terminal.isTTY) {
      terminal.write(LEAVE_SCREEN);
      const usage = session.view?.usage;
      if (usage) terminal.write(`${terminalText(usage.summary)}\n`);
    }
  }
  return 0;
}
