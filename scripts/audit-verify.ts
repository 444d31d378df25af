// `npm run audit:verify`: checks every organization's audit hash chain at DATABASE_URL and
// reports the first broken link. Exit code 0 when all chains verify, 1 otherwise.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
const { db } = await import("../src/server/db");
const { verifyAllChains } = await import("../src/server/data/verify-audit-chain");

const prisma = db();
let broken = 0;
try {
  for (const r of await verifyAllChains(prisma)) {
    if (r.broken) {
      broken += 1;
      console.log(`organization ${r.organizationId}: BROKEN at event #${r.broken.seq}: ${r.broken.reason}`);
    } else {
      console.log(`organization ${r.organizationId}: ${r.events} events, chain verifies`);
    }
  }
} catch (error) {
  console.error(`audit:verify could not read the audit trail: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
if (broken) process.exitCode = 1;
