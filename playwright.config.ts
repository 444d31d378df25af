import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_NEXTAUTH_SECRET, E2E_WARDEN_AUDIT_KEY, E2E_WARDEN_MASTER_KEYS } from "./tests/e2e/secret";

// Run through `npm run test:e2e`, which prepares the database and the production build.
const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
// Specs own the data they change (tests/e2e/support.ts), so any number of workers gives the same
// result; 2 is what a 2-core CI machine runs in time. E2E_WORKERS (or --workers) sets another.
const workers = process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2;
if (!Number.isInteger(workers) || workers < 1)
  throw new Error(`E2E_WORKERS must be a whole number of at least 1, not "${process.env.E2E_WORKERS}".`);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      DATABASE_POOL_MAX: "5",
      NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
      WARDEN_AUDIT_KEY: E2E_WARDEN_AUDIT_KEY,
      WARDEN_MASTER_KEYS: E2E_WARDEN_MASTER_KEYS,
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
