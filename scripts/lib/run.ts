import { spawn, type SpawnOptions } from "node:child_process";

/** Runs a command, inheriting stdio; rejects with a message naming it if it fails. */
export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32", ...opts });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Local binaries (prisma, next, tsx…) from node_modules/.bin. */
export function bin(name: string): string {
  return `node_modules/.bin/${name}${process.platform === "win32" ? ".cmd" : ""}`;
}
