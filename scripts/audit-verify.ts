// `npm run audit:verify [-- --anchor <file>]`: checks every organization's audit chain at
// DATABASE_URL with WARDEN_AUDIT_KEY and reports the first broken link of each; with --anchor,
// also checks that anchor file's signature and that every head it recorded is still in its chain.
// Exit code 0 when everything verifies, 1 on a break or a failed anchor, 2 when it cannot check.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const { auditKey } = await import("../src/server/audit-key");
const { openAnchor } = await import("../src/domain/audit/anchor");

function refuse(message: string): never {
  console.error(`audit:verify: ${message}`);
  process.exit(2);
}

let anchorFile: string | undefined;
try {
  anchorFile = parseArgs({ options: { anchor: { type: "string" } } }).values.anchor;
} catch (error) {
  refuse(`${(error as Error).message} (usage: npm run audit:verify [-- --anchor <file>])`);
}

let key: Buffer;
try {
  key = auditKey();
} catch (error) {
  refuse(`needs the audit key the chain was written with.\n${(error as Error).message}`);
}

let anchor: import("../src/domain/audit/anchor").Anchor | undefined;
if (anchorFile !== undefined) {
  let text: string;
  try {
    text = readFileSync(anchorFile, "utf8");
  } catch (error) {
    refuse(`cannot read the anchor ${anchorFile}: ${(error as Error).message}`);
  }
  const opened = openAnchor(text, key);
  if (!opened.ok) {
    console.log(`anchor ${anchorFile}: REFUSED: ${opened.reason}`);
    process.exit(1);
  }
  anchor = opened.anchor;
}

const { db } = await import("../src/server/db");
const { verifyAllChains } = await import("../src/server/data/verify-audit-chain");
const { checkAnchor } = await import("../src/server/data/audit-anchors");

// Progress on a terminal only, on one line rewritten in place; logs and pipes get the verdicts.
const tty = process.stderr.isTTY;
const progress = (line: string) => tty && process.stderr.write(`\r\x1b[K${line}`);

const prisma = db();
let failed = 0;
const started = performance.now();
const cpuAtStart = process.cpuUsage();
try {
  const reports = await verifyAllChains(prisma, key, (p) =>
    progress(`${p.slug}: ${p.checked.toLocaleString("en")} events checked (up to #${p.lastSeq})`),
  );
  progress("");
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const checked = reports.reduce((sum, r) => sum + r.events, 0);
  console.log(
    `checked ${checked.toLocaleString("en")} events in ${seconds.toFixed(1)} s (${Math.round(checked / seconds).toLocaleString("en")} events/s; ` +
      `this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, the rest is PostgreSQL reading them)`,
  );
  for (const r of reports) {
    const name = `organization ${r.organizationId} (${r.slug})`;
    if (r.broken) {
      failed += 1;
      console.log(`${name}: BROKEN at event #${r.broken.seq}: ${r.broken.reason}`);
    } else {
      console.log(`${name}: ${r.events} events (${r.keyed} keyed), chain verifies`);
    }
  }
  if (anchor) {
    const failures = await checkAnchor(prisma, anchor);
    for (const f of failures)
      console.log(
        `anchor ${anchorFile}: organization ${f.organizationId} (${f.organizationSlug}) event #${f.seq}: FAILED: ${f.reason}`,
      );
    if (failures.length === 0)
      console.log(
        `anchor ${anchorFile} of ${anchor.createdAt}: signature valid, all ${anchor.heads.length} anchored heads still in their chains`,
      );
    failed += failures.length;
  }
} catch (error) {
  progress("");
  console.error(`audit:verify could not read the audit trail: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
if (failed && !process.exitCode) process.exitCode = 1;
