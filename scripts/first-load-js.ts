// `npm run build:js`: the JavaScript each page makes a browser download before it works (its
// first load), per route, gzip -9, from the production build's own manifests (next build no
// longer prints it). What a route loads: the build's root files (React, the router, the
// runtime) and the entry chunks of its layouts, boundaries and page, from the route's client
// reference manifest. Reads the build in NEXT_DIST_DIR (default .next); prints a table and,
// with --check, exits 1 when a route named in LIMITS_KB is over its limit.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const dist = process.env.NEXT_DIST_DIR || ".next";
/** Budgets (kB gzip) the build is held to with --check. */
const LIMITS_KB: Record<string, number> = { "/incidents/[id]": 120 };

if (!existsSync(path.join(dist, "build-manifest.json"))) {
  console.error(`No production build in ${dist}: run npm run build first.`);
  process.exit(2);
}
const buildManifest = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
};

const sizes = new Map<string, number>();
const gzipped = (file: string) => {
  let size = sizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
    sizes.set(file, size);
  }
  return size;
};

function manifests(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...manifests(full));
    else if (name === "page_client-reference-manifest.js") found.push(full);
  }
  return found;
}

/** "/(staff)/incidents/[id]/page" → "/incidents/[id]" (route groups are not in the URL). */
const routeOf = (key: string) =>
  key
    .replace(/\/page$/, "")
    .split("/")
    .filter((part) => !/^\(.*\)$/.test(part))
    .join("/") || "/";

const rows: Array<{ route: string; own: number; total: number }> = [];
const root = buildManifest.rootMainFiles.reduce((sum, f) => sum + gzipped(f), 0);
for (const file of manifests(path.join(dist, "server", "app"))) {
  const sandbox = {
    globalThis: {} as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> },
  };
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  for (const [key, manifest] of Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})) {
    const files = new Set<string>();
    for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
    for (const f of buildManifest.rootMainFiles) files.delete(f);
    const own = [...files].reduce((sum, f) => sum + gzipped(f), 0);
    rows.push({ route: routeOf(key), own, total: root + own });
  }
}
rows.sort((a, b) => a.route.localeCompare(b.route));
const kB = (n: number) => (n / 1024).toFixed(1);
console.log(`First-load JavaScript per route, gzip -9 (${dist}); every route loads the root files: ${kB(root)} kB\n`);
console.log("| Route | its own kB | first load kB |\n|---|---:|---:|");
for (const r of rows) console.log(`| ${r.route} | ${kB(r.own)} | ${kB(r.total)} |`);
if (process.argv.includes("--check")) {
  const limitOf = (route: string) => LIMITS_KB[route] ?? Infinity;
  const over = rows.filter((r) => r.total / 1024 > limitOf(r.route));
  for (const r of over) console.error(`${r.route}: ${kB(r.total)} kB, over its ${limitOf(r.route)} kB`);
  process.exit(over.length ? 1 : 0);
}
