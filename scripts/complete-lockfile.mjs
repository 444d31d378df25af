// The npm registry mirror our machines reach serves only the Linux builds of packages that ship
// per-platform binaries (SWC, Tailwind's oxide…), so `npm install` here leaves the other
// platforms' optional packages out of package-lock.json, and `npm ci` then refuses the lock
// file as out of sync (on any machine). This adds the missing entries, with the os/cpu/libc
// their names declare, so npm skips them where they do not apply and fetches them where they do.
// Run after changing dependencies: `npm run lockfile:complete`.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;

function platformOf(name) {
  const base = name.split("/").pop();
  const os = ["darwin", "linux", "win32", "freebsd", "android", "openbsd", "sunos", "aix", "netbsd"].find((o) =>
    base.includes(o),
  );
  const cpu = ["arm64", "x64", "ia32", "arm", "riscv64", "ppc64", "s390x", "loong64", "wasm32", "mips64el"].find((c) =>
    new RegExp(`(^|-)${c}(-|$)`).test(base),
  );
  const libc = /musl/.test(base) ? "musl" : /gnu/.test(base) ? "glibc" : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && cpu !== "wasm32") continue; // not a platform package: leave it to npm
    const entry = { version, optional: true };
    if (meta.dev) entry.dev = true;
    if (cpu) entry.cpu = [cpu];
    if (libc) entry.libc = [libc];
    if (os) entry.os = [os];
    packages[`node_modules/${dep}`] = entry;
    added += 1;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(added ? `package-lock.json: added ${added} platform package entries.` : "package-lock.json: complete.");
