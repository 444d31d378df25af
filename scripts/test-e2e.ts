// `npm run test:e2e`: Playwright in Chromium against a production build, on a throw-away
// database (`warden_e2e`) that holds the demo organization. The build is reused when it is
// newer than every source.
import path from "node:path";
import os from "node:os";
import { existsSync } from "node:fs";
import { createTestDatabase } from "./lib/test-database";
import { needsBuild } from "./lib/build-state";
import { bin, run } from "./lib/run";
import { E2E_NEXTAUTH_SECRET, E2E_SEED_MASTER_KEYS, E2E_WARDEN_AUDIT_KEY } from "../tests/e2e/secret";

const root = process.cwd();
// Playwright cannot download its own browser on our machines: it drives Debian's Chromium.
const browser =
  process.env.CHROMIUM_PATH || ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!browser && !existsSync(path.join(os.homedir(), ".cache", "ms-playwright"))) {
  console.error(
    "test:e2e needs Chromium: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH). .ci/run does this for CI.",
  );
  process.exit(1);
}
// E2E_DATABASE_NAME: a name of its own for a run beside another one on the same server.
const database = await createTestDatabase(process.env.E2E_DATABASE_NAME || "warden_e2e", { embeddedPort: 54349 });
let failed = false;
try {
  // The seed seals the demo authenticators with the key the server derives from its secret:
  // the same secret as the server's in playwright.config.ts.
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
    WARDEN_AUDIT_KEY: E2E_WARDEN_AUDIT_KEY,
    WARDEN_MASTER_KEYS: E2E_SEED_MASTER_KEYS,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await run(bin("tsx"), ["--conditions=react-server", path.join("prisma", "seed.ts")], { env });
  if (needsBuild(root)) await run(bin("next"), ["build"], { env });
  await run(bin("playwright"), ["test", ...process.argv.slice(2)], { env: { ...env, E2E_DATABASE_URL: database.url } });
} catch (error) {
  console.error((error as Error).message);
  failed = true;
} finally {
  await database.drop();
}
process.exit(failed ? 1 : 0);
