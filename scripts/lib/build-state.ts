import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** A build is stale when any source, the schema or the config changed after it. */
export function needsBuild(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const inputs = [
    newestMtime(path.join(root, "src")),
    ...["next.config.ts", "package-lock.json", "prisma/schema.prisma", "postcss.config.mjs"]
      .filter((f) => existsSync(path.join(root, f)))
      .map((f) => statSync(path.join(root, f)).mtimeMs),
  ];
  return Math.max(...inputs) > built;
}
