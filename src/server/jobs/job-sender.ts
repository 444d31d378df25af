import "server-only";
import PgBoss from "pg-boss";
import { db, type Tx } from "../db";

// Queues a pg-boss job from the web process without starting pg-boss there: pg-boss writes its
// own insert (send with a db adapter) and Prisma runs it, inside the caller's transaction when
// one is given, so the job exists exactly when the change that asks for it committed. The
// worker (scripts/worker.ts) owns the queues and runs the jobs. Where pg-boss is not installed
// in the database (a test database no worker ever started on), nothing is queued.

type Sql = { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };

const refuse: Sql = {
  executeSql: () => Promise.reject(new Error("job-sender: every send names its own connection")),
};
let sender: PgBoss | undefined;
let installed = false;

const adapter = (client: Tx | ReturnType<typeof db>): Sql => ({
  executeSql: async (text, values) => ({
    // pg-boss sends the payload as an object for node-postgres to serialize; Prisma wants text
    rows: await client.$queryRawUnsafe<unknown[]>(
      text,
      ...values.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v)),
    ),
  }),
});

async function pgBossInstalled(client: Tx | ReturnType<typeof db>): Promise<boolean> {
  if (installed) return true;
  const [row] = await client.$queryRaw<[{ found: boolean }]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS found`;
  installed = row.found;
  return installed;
}

/**
 * Queues `data` on `queue` (a queue the worker created; on a queue not yet created the job is
 * dropped, as pg-boss's insert joins the queue). Returns the job id, or null when nothing was
 * queued (a singleton already waiting, pg-boss absent).
 */
export async function sendJob(
  queue: string,
  data: Record<string, unknown>,
  options: Omit<PgBoss.SendOptions, "db"> = {},
  tx?: Tx,
): Promise<string | null> {
  const client = tx ?? db();
  if (!(await pgBossInstalled(client))) return null;
  sender ??= new PgBoss({ db: refuse, schema: "pgboss" });
  return sender.send(queue, data, { ...options, db: adapter(client) });
}
