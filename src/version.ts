// The package's own name and version, read from package.json beside src/ or dist/.
import { readFileSync } from "node:fs";

function readPackage(): { name: string; version: string } {
  try {
    const raw = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as Record<
      string,
      unknown
    >;
    return { name: String(raw.name ?? "ctx-monitor"), version: String(raw.version ?? "0.0.0") };
  } catch {
    return { name: "ctx-monitor", version: "0.0.0" };
  }
}

export const PACKAGE = readPackage();
