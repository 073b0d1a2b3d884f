// `npm run plugin`: after `npm run build`, puts the plugin's files of the build into plugin/dist (and nothing
// else there) and writes plugin/hooks/hooks.json, so the committed plugin runs what the source says.
// Build-time only.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PLUGIN_DIR, PLUGIN_DIST, pluginHooksJson, runtimeFiles } from "./plugin-files.ts";

const files = runtimeFiles("dist");
mkdirSync(PLUGIN_DIST, { recursive: true });
for (const name of readdirSync(PLUGIN_DIST)) if (!files.has(name)) rmSync(join(PLUGIN_DIST, name));
for (const [name, bytes] of files) writeFileSync(join(PLUGIN_DIST, name), bytes, { mode: 0o755 });
mkdirSync(join(PLUGIN_DIR, "hooks"), { recursive: true });
writeFileSync(join(PLUGIN_DIR, "hooks", "hooks.json"), pluginHooksJson());
process.stdout.write(`${PLUGIN_DIST}: ${files.size} files from dist/; ${PLUGIN_DIR}/hooks/hooks.json written\n`);
