// `npm run keys:rotate`: re-wraps every incident's data key under the first master key in
// WARDEN_MASTER_KEYS (and seals any text stored before encryption), while the app keeps serving.
//   1. Put the new key first in WARDEN_MASTER_KEYS and keep the old one after it, on every app
//      process and the worker (restart them), e.g. WARDEN_MASTER_KEYS="k2:<new>,k1:<old>".
//   2. Run this. It says when no data key is wrapped by the old key any more.
//   3. Remove the old key from WARDEN_MASTER_KEYS (and restart).
// `--organization <slug>` limits it to one organization's data (the browser test rotates only its own).
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const { databaseEnv, masterKeysEnv } = await import("../src/server/env");
try {
  databaseEnv();
  masterKeysEnv();
} catch (error) {
  console.error(`keys:rotate: ${(error as Error).message}`);
  process.exit(2);
}
const { db } = await import("../src/server/db");
const { rotateMasterKeys } = await import("../src/server/crypto/rotate-master-keys");

const args = process.argv.slice(2);
let organizationId: string | undefined;
const slug = args[0] === "--organization" ? args[1] : undefined;
if (args.length > 0) {
  if (!slug || args.length > 2) {
    console.error("keys:rotate: the one option is --organization <slug>; without it every organization is rotated.");
    process.exit(2);
  }
  const org = await db().organization.findUnique({ where: { slug }, select: { id: true } });
  if (!org) {
    console.error(`keys:rotate: no organization has the slug "${slug}".`);
    await db().$disconnect();
    process.exit(2);
  }
  organizationId = org.id;
}

const tty = process.stdout.isTTY;
const report = await rotateMasterKeys(
  db(),
  (p) => {
    if (tty)
      process.stdout.write(`\r${p.stage === "rewrap" ? "re-wrapped" : "sealed the stored text of"} ${p.done}…   `);
  },
  { organizationId },
);
if (tty) process.stdout.write("\r\x1b[K");
console.log(
  `keys:rotate: ${report.rewrapped} data key${report.rewrapped === 1 ? "" : "s"} re-wrapped under master key "${report.active}".`,
);
if (report.sealedIncidents)
  console.log(
    `keys:rotate: sealed text stored before encryption in ${report.sealedIncidents} incident${report.sealedIncidents === 1 ? "" : "s"}.`,
  );
let ok = true;
for (const [id, count] of Object.entries(report.remaining)) {
  if (report.missing.includes(id)) {
    ok = false;
    console.error(
      `keys:rotate: ${count} data key${count === 1 ? " is" : "s are"} wrapped by master key "${id}", which is not in WARDEN_MASTER_KEYS: add it back (after the active key) and run this again.`,
    );
  } else if (count === 0) {
    console.log(
      slug
        ? `keys:rotate: no data key of organization "${slug}" is wrapped by "${id}" any more (other organizations were not looked at).`
        : `keys:rotate: no data key is wrapped by "${id}" any more: it can be removed from WARDEN_MASTER_KEYS.`,
    );
  } else {
    ok = false;
    console.error(`keys:rotate: ${count} data key${count === 1 ? " is" : "s are"} still wrapped by "${id}".`);
  }
}
await db().$disconnect();
process.exit(ok ? 0 : 1);
