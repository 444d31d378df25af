import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ACTIONS, HTTP_METHODS, PAGES, ROUTES, type EntryAccess } from "@/domain/access/access-registry";
import { PERMISSIONS } from "@/domain/access/permissions";

// The registry must list every way in, exactly: what is found in the source tree is compared
// with what is listed, both ways, and the permission each file asks for with the listed one.

const root = path.resolve(import.meta.dirname, "../..");
const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

const source = (file: string) => readFileSync(path.join(root, file), "utf8");

/** Exported names of a module: `export async function x`, `export const x`, `export { a as x }`. */
function exportedNames(text: string): string[] {
  const names = [...text.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let)\s+([A-Za-z0-9_$]+)/gm)].map(
    (m) => m[1]!,
  );
  for (const block of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of block[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

/** Files whose first statement is "use server": every export is a server action. */
const actionFiles = walk(path.join(root, "src/server/actions"))
  .filter((f) => f.endsWith(".ts") && /^\s*["']use server["'];/.test(readFileSync(f, "utf8")))
  .map(rel)
  .sort();
const routeFiles = walk(path.join(root, "src/app"))
  .filter((f) => f.endsWith(`${path.sep}route.ts`))
  .map(rel)
  .sort();
const pageFiles = walk(path.join(root, "src/app"))
  .filter((f) => f.endsWith(`${path.sep}page.tsx`))
  .map(rel)
  .sort();

const valueExports = (text: string) => exportedNames(text).filter((n) => !/^(type|interface)$/.test(n));

describe("access registry: every entry point is listed, nothing listed is gone", () => {
  it("lists every server action export", () => {
    const found = actionFiles.flatMap((f) => valueExports(source(f)).map((n) => `${f}#${n}`)).sort();
    const listed = Object.entries(ACTIONS)
      .flatMap(([f, entries]) => Object.keys(entries).map((n) => `${f}#${n}`))
      .sort();
    expect(found.length).toBeGreaterThan(30);
    expect(listed).toEqual(found);
  });

  it("lists every route handler method", () => {
    const found = routeFiles
      .flatMap((f) =>
        valueExports(source(f))
          .filter((n) => (HTTP_METHODS as readonly string[]).includes(n))
          .map((m) => `${f}#${m}`),
      )
      .sort();
    const listed = Object.entries(ROUTES)
      .flatMap(([f, methods]) => Object.keys(methods).map((m) => `${f}#${m}`))
      .sort();
    expect(found.length).toBeGreaterThan(5);
    expect(listed).toEqual(found);
  });

  it("lists every page", () => {
    expect(pageFiles.length).toBeGreaterThan(10);
    expect(Object.keys(PAGES).sort()).toEqual(pageFiles);
  });
});

describe("access registry: the listed permission is the one the source asks for", () => {
  const gates = (entries: Record<string, EntryAccess>) => new Set(Object.values(entries).map((e) => e.gate));

  it("every listed gate is a known permission or one of the session gates", () => {
    const all = [
      ...Object.values(ACTIONS).flatMap((e) => Object.values(e)),
      ...Object.values(ROUTES).flatMap((e) => Object.values(e)),
      ...Object.values(PAGES),
    ];
    for (const entry of all)
      expect([...PERMISSIONS, "public", "signed-in", "session-in-progress"]).toContain(entry.gate);
  });

  it.each(Object.keys(ACTIONS))("%s: runAction's permission matches", (file) => {
    const text = source(file);
    const inSource = [...text.matchAll(/permission:\s*"([^"]+)"/g)].map((m) => m[1]!);
    const listed = [...gates(ACTIONS[file]!)];
    const permissionGates = listed.filter((g) => (PERMISSIONS as readonly string[]).includes(g));
    // a file either goes through runAction with a permission for each action, or through the session gate only
    expect(new Set(inSource)).toEqual(new Set(permissionGates));
    if (permissionGates.length) expect(text).toContain("runAction(");
    else expect(text).not.toContain("runAction(");
    // one runAction permission per action export that declares one
    expect(inSource.length).toBe(
      Object.values(ACTIONS[file]!).filter((e) => (PERMISSIONS as readonly string[]).includes(e.gate)).length,
    );
    for (const [name, entry] of Object.entries(ACTIONS[file]!)) {
      if (entry.gate === "public") expect(text, name).not.toMatch(/sessionFor\(|authorize\(/);
      if (entry.gate === "signed-in")
        expect(text, name).toMatch(/sessionFor\(\[\s*"complete"\s*\]\)|getSessionGate\(\)/);
    }
  });

  it.each(Object.keys(ROUTES))("%s: authorize's permission matches", (file) => {
    const inSource = [...source(file).matchAll(/authorize\(\s*"([^"]+)"/g)].map((m) => m[1]!);
    const listed = [...gates(ROUTES[file]!)].filter((g) => (PERMISSIONS as readonly string[]).includes(g));
    expect(new Set(inSource)).toEqual(new Set(listed));
  });

  it.each(Object.keys(PAGES))("%s: requireViewer's permission matches", (file) => {
    const text = source(file);
    const inSource = [...text.matchAll(/requireViewer\(\s*"([^"]+)"/g)].map((m) => m[1]!);
    const gate = PAGES[file]!.gate;
    if ((PERMISSIONS as readonly string[]).includes(gate)) expect(inSource).toEqual([gate]);
    else expect(inSource).toEqual([]);
    if (gate === "signed-in") expect(text).toContain("requireSignedIn(");
    const loader = PAGES[file]!.loader;
    if (loader) expect(text).toMatch(new RegExp(`\\b${loader}\\(`));
  });
});
