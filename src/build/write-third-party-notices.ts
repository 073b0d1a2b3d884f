// Run by tsup's onSuccess after every build: dist/metafile-esm.json (what esbuild bundled) becomes
// dist/THIRD_PARTY_NOTICES.md, and the metafile, which is of no use to anyone installing, is removed.
// A concurrent build may have taken the metafile already; its notices then stand.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundledPackageDirs, readBundledPackage, renderNotices } from "./third-party-notices.ts";

const outDir = process.argv[2] ?? "dist";
const metafilePath = join(outDir, "metafile-esm.json");
const noticesPath = join(outDir, "THIRD_PARTY_NOTICES.md");
let metafileText: string | undefined;
try {
  metafileText = readFileSync(metafilePath, "utf8");
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !existsSync(noticesPath)) {
    throw new Error(`${metafilePath} could not be read (tsup must run with metafile: true): ${String(error)}`);
  }
}
if (metafileText !== undefined) {
  const metafile = JSON.parse(metafileText) as { inputs: Record<string, unknown> };
  const packages = bundledPackageDirs(Object.keys(metafile.inputs)).map(readBundledPackage);
  writeFileSync(noticesPath, renderNotices(packages));
  rmSync(metafilePath, { force: true });
}
