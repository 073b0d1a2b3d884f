// The published package has no runtime dependencies: dist/ bundles the MCP SDK and zod, so everything
// the built CLI loads must be a Node built-in or one of its own chunks, and every bundled package's
// license must be in dist/THIRD_PARTY_NOTICES.md.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledPackageDirs, renderNotices } from "../../src/build/third-party-notices.ts";
import { CLI_PATH } from "../support/built-server.ts";

const DIST = dirname(CLI_PATH);
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|__require\(\s*)"([^"]+)"/g;

/** The files the built CLI can load, following its static and dynamic imports from dist/cli.js. */
function reachableFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const queue = ["cli.js"];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (files.has(name)) continue;
    const text = readFileSync(join(DIST, name), "utf8");
    files.set(name, text);
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      if (specifier?.startsWith("./")) queue.push(specifier.slice(2));
    }
  }
  return files;
}

describe("the built bundle", () => {
  const files = reachableFiles();

  it("loads nothing but Node built-ins and its own chunks", () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const outside = new Set<string>();
    for (const text of files.values()) {
      for (const [, specifier] of text.matchAll(SPECIFIER)) {
        if (specifier && !specifier.startsWith("./") && !builtins.has(specifier)) outside.add(specifier);
      }
    }
    expect(files.size).toBeGreaterThan(3); // cli, its chunks, the lazily loaded server and demo client
    expect([...outside]).toEqual([]);
  });

  it("declares no runtime dependencies, since nothing outside dist is loaded", () => {
    const manifest = JSON.parse(readFileSync(join(DIST, "..", "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.files).toContain("dist");
  });

  it("carries the license of every package esbuild put into it", () => {
    const notices = readFileSync(join(DIST, "THIRD_PARTY_NOTICES.md"), "utf8");
    const bundled = new Set<string>();
    for (const text of files.values()) {
      for (const [, path] of text.matchAll(/^\/\/ (node_modules\/\S+)$/gm)) if (path) bundled.add(path);
    }
    const packages = bundledPackageDirs([...bundled]).map((dir) => dir.replace(/^node_modules\//, ""));
    expect(packages).toEqual(expect.arrayContaining(["@modelcontextprotocol/sdk", "zod"]));
    for (const name of packages) {
      const manifest = JSON.parse(readFileSync(join(DIST, "..", "node_modules", name, "package.json"), "utf8")) as {
        version: string;
      };
      expect(notices).toContain(`## ${name} ${manifest.version}\n`);
    }
    expect(notices).toContain("Copyright (c) 2024 Anthropic, PBC");
  });
});

/** Files loaded before any dynamic import runs: `start` and what it imports statically, transitively. */
function staticClosure(start: string): Map<string, string> {
  const files = new Map<string, string>();
  const queue = [start];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (files.has(name)) continue;
    const text = readFileSync(join(DIST, name), "utf8");
    files.set(name, text);
    for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*)"(\.\/[^"]+)"/g))
      queue.push(specifier!.slice(2));
  }
  return files;
}

/** Every chunk a file can load, through static and dynamic imports. */
function reachableFrom(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const text = readFileSync(join(DIST, name), "utf8");
    for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"(\.\/[^"]+)"/g))
      queue.push(specifier!.slice(2));
  }
  return seen;
}

describe("the MCP server's start-up", () => {
  // Chunks imported lazily somewhere below the entry, found by the name esbuild gives them (dist/ may
  // still hold chunks of earlier builds: only those this build's files import count).
  const reachable = reachableFrom("cli.js");
  const lazy = (pattern: RegExp) => [...reachable].find((name) => pattern.test(name));

  it("loads neither chokidar nor playwright: the watch is imported only when the command runs", () => {
    const serve = lazy(/^serve-[\w-]+\.js$/);
    expect(serve).toBeDefined();
    const loaded = new Map([...staticClosure("cli.js"), ...staticClosure(serve!)]);
    const bundledPackages = [...loaded.values()].flatMap((text) =>
      [...text.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]),
    );
    expect(bundledPackages).toContain("@modelcontextprotocol/sdk");
    expect(bundledPackages).not.toContain("chokidar");
    expect(bundledPackages).not.toContain("readdirp");
    expect(bundledPackages.filter((name) => name!.startsWith("playwright"))).toEqual([]);
    const watch = lazy(/^run-watch-[\w-]+\.js$/);
    expect(watch).toBeDefined();
    expect([...staticClosure(watch!).values()].some((text) => text.includes("// node_modules/chokidar/"))).toBe(true);
  });
});

describe("bundledPackageDirs", () => {
  it("names scoped and nested packages by their innermost node_modules folder", () => {
    expect(
      bundledPackageDirs([
        "src/cli.ts",
        "node_modules/zod/v4/core/core.js",
        "node_modules/zod/v4/classic/schemas.js",
        "node_modules/@modelcontextprotocol/sdk/dist/esm/types.js",
        "node_modules/a/node_modules/b/index.js",
        "node_modules/@scope",
      ]),
    ).toEqual(["node_modules/@modelcontextprotocol/sdk", "node_modules/a/node_modules/b", "node_modules/zod"]);
  });

  it("renders a list and each license verbatim, sorted by name", () => {
    const text = renderNotices([
      { name: "zed", version: "2.0.0", license: "ISC", licenseText: "ISC text\n" },
      { name: "alpha", version: "1.0.0", license: "MIT", licenseText: "MIT text" },
    ]);
    expect(text.indexOf("- alpha 1.0.0 (MIT)")).toBeLessThan(text.indexOf("- zed 2.0.0 (ISC)"));
    expect(text).toContain("## alpha 1.0.0\n\n```\nMIT text\n```");
    expect(text).toContain("## zed 2.0.0\n\n```\nISC text\n```");
  });
});
