// `npm run demo:code -- <email>`: the current authenticator code of a demo account (their
// secrets are public, like their password: see prisma/demo-totp.ts and README).
import { DEMO_USERS } from "../prisma/demo-data";
import { demoTotpCode, demoTotpSecret } from "../prisma/demo-totp";
import { TOTP_PERIOD_S } from "../src/domain/mfa/totp";

const email = process.argv[2]?.trim().toLowerCase();
if (!email || !DEMO_USERS.some((u) => u.email === email)) {
  console.error(`Usage: npm run demo:code -- <email>, one of:\n${DEMO_USERS.map((u) => `  ${u.email}`).join("\n")}`);
  process.exit(1);
}
const now = Date.now();
const left = TOTP_PERIOD_S - (Math.floor(now / 1000) % TOTP_PERIOD_S);
console.log(`${demoTotpCode(email, now)}  (valid for ${left} more s; secret ${demoTotpSecret(email)})`);
