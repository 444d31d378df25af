// `npm run audit:anchor [-- --out <file>] [-- --mail <address>]`: writes the head (last event)
// of every organization's audit chain to a JSON file signed with a key derived from
// WARDEN_AUDIT_KEY (default audit-anchors/anchor-<time>.json), and with --mail sends it as an
// attachment through SMTP_URL. Kept outside the database (an auditor's mailbox, another
// system), it lets `npm run audit:verify -- --anchor <file>` prove the chains were not rewritten
// since. Exit code 0 when written (and mailed), 1 when mailing failed, 2 when nothing was written.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { z } from "zod";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const { auditKey } = await import("../src/server/audit-key");
const { signAnchor } = await import("../src/domain/audit/anchor");

function refuse(message: string): never {
  console.error(`audit:anchor: ${message}`);
  process.exit(2);
}

let out: string | undefined;
let mailTo: string | undefined;
try {
  ({ out, mail: mailTo } = parseArgs({ options: { out: { type: "string" }, mail: { type: "string" } } }).values);
} catch (error) {
  refuse(`${(error as Error).message} (usage: npm run audit:anchor [-- --out <file>] [-- --mail <address>])`);
}
if (mailTo !== undefined && !z.email().safeParse(mailTo).success)
  refuse(`--mail must be an e-mail address (got "${mailTo}")`);

let key: Buffer;
try {
  key = auditKey();
} catch (error) {
  refuse(`needs the audit key to sign the anchor.\n${(error as Error).message}`);
}

const { db } = await import("../src/server/db");
const { readChainHeads } = await import("../src/server/data/audit-anchors");

const now = new Date();
const prisma = db();
let heads: Awaited<ReturnType<typeof readChainHeads>>;
try {
  heads = await readChainHeads(prisma);
} catch (error) {
  refuse(`could not read the audit trail: ${(error as Error).message}`);
} finally {
  await prisma.$disconnect();
}
const anchor = signAnchor(heads, now, key);
const text = JSON.stringify(anchor, null, 2) + "\n";
const file = out ?? path.join("audit-anchors", `anchor-${now.toISOString().replace(/[:.]/g, "-")}.json`);
try {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // never over an earlier anchor: each one is evidence of its own moment
  writeFileSync(file, text, { flag: "wx" });
} catch (error) {
  refuse(`could not write ${file}: ${(error as Error).message}`);
}
console.log(
  `audit:anchor: ${heads.length} organization chain head${heads.length === 1 ? "" : "s"} anchored in ${file}`,
);

if (mailTo !== undefined) {
  const { sendMail } = await import("../src/server/mailer");
  const sent = await sendMail({
    to: mailTo,
    subject: `Warden audit anchor ${anchor.createdAt}`,
    text:
      `The head of every organization's audit chain at ${anchor.createdAt}, signed (attached: ${path.basename(file)}).\n\n` +
      "Keep this message: it is evidence held outside Warden's database. To check that no audit trail was rewritten " +
      "since, run `npm run audit:verify -- --anchor <the attached file>` against the database with the same WARDEN_AUDIT_KEY.\n",
    attachments: [{ filename: path.basename(file), content: text, contentType: "application/json" }],
  });
  if (!sent.ok) {
    console.error(`audit:anchor: the anchor was written but not mailed to ${mailTo}: ${sent.detail}`);
    process.exit(1);
  }
  console.log(`audit:anchor: mailed to ${mailTo}`);
}
