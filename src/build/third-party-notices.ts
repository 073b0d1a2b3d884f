// Build-time only (never bundled): dist/ carries the MCP SDK, zod and what they
// import, bundled so the server starts without resolving hundreds of files and an install
// installs one package. Their licenses ask that their notices travel with them; this renders those
// notices for the packages esbuild actually put into the bundle (write-third-party-notices.ts writes them).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface BundledPackage {
  name: string;
  version: string;
  license: string;
  licenseText: string;
}

/** Names of the packages whose files are inputs of an esbuild metafile (the innermost node_modules wins). */
export function bundledPackageDirs(metafileInputs: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const input of metafileInputs) {
    const at = input.lastIndexOf("node_modules/");
    if (at < 0) continue;
    const rest = input.slice(at + "node_modules/".length).split("/");
    const depth = rest[0]?.startsWith("@") ? 2 : 1;
    if (rest.length <= depth) continue;
    dirs.add(input.slice(0, at + "node_modules/".length) + rest.slice(0, depth).join("/"));
  }
  return [...dirs].sort();
}

export function renderNotices(packages: readonly BundledPackage[]): string {
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    "# Third-party notices",
    "",
    "ctx-monitor's dist/ bundles the following packages. Each is used under its own license, reproduced below.",
    "",
    ...sorted.map((p) => `- ${p.name} ${p.version} (${p.license})`),
  ];
  for (const p of sorted) lines.push("", `## ${p.name} ${p.version}`, "", "```", p.licenseText.trim(), "```");
  return lines.join("\n") + "\n";
}

export function readBundledPackage(dir: string): BundledPackage {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    name?: string;
    version?: string;
    license?: string;
  };
  const licenseFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)([.-]|$)/i.test(f));
  if (!licenseFile || !manifest.name) {
    throw new Error(`${dir}: bundled package has no license file or name; add its notice by hand before publishing`);
  }
  return {
    name: manifest.name,
    version: manifest.version ?? "?",
    license: manifest.license ?? "see text",
    licenseText: readFileSync(join(dir, licenseFile), "utf8"),
  };
}
