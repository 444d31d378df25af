import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, demoCopyEmail } from "../../prisma/demo-data";
import { demoTotpSecret } from "../../prisma/demo-totp";
import { totpCode } from "../../src/domain/mfa/totp";
import type { Phase } from "../../src/domain/incident/types";
import { E2E_NEXTAUTH_SECRET, E2E_WARDEN_AUDIT_KEY, E2E_WARDEN_MASTER_KEYS } from "./secret";

export const DEMO_PASSWORD = "warden-demo-2026";

export const ACCOUNTS = {
  admin: "admin@warden.test",
  manager: "manager@warden.test",
  analyst: "analyst@warden.test",
  contactHealth: "contact@mercy-health.test",
  contactBank: "contact@rheinland-direktbank.test",
} as const;

/**
 * Signs in through the real form, as a person would: the password, then the second step. For a
 * demo account, the code its authenticator app would show (computed from the demo secret); for
 * someone who must set up an authenticator first (a person made in the spec), the enrolment, by
 * typing the secret shown, as someone without a phone camera would.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, opts: { fresh?: boolean } = {}) {
  // A demo account's one-time code is good once per 30-second step, so specs do not each sign the
  // same account in again: this worker's earlier session is reused while the server still honours
  // it (a spec that signed out or was revoked makes the next one sign in afresh). `fresh` forces
  // the whole form, for the specs that test signing in itself.
  const reusable = password === DEMO_PASSWORD && !opts.fresh;
  const kept = reusable ? signedIn.get(email) : undefined;
  if (kept) {
    await page.context().addCookies(kept);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/login")) return;
    signedIn.delete(email);
    await page.context().clearCookies();
  }
  await signInWithForm(page, email, password);
  if (reusable && !new URL(page.url()).pathname.startsWith("/login"))
    signedIn.set(email, await page.context().cookies());
}

/** Sessions this worker signed in through the form, by email (cookies of the browser context). */
const signedIn = new Map<string, Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>>>();

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // the form's own alert (Next's route announcer is an alert too, outside the form)
  const refused = page
    .locator("form [role=alert]")
    .first()
    .waitFor({ timeout: 30_000 })
    .then(
      () => "refused" as const,
      () => "refused" as const,
    );
  const moved = page
    .waitForURL((url) => url.pathname !== "/login", { timeout: 30_000 })
    .then(
      () => "moved" as const,
      () => "refused" as const,
    );
  if ((await Promise.race([refused, moved])) === "refused") return;
  const path = new URL(page.url()).pathname;
  if (path === "/login/enrol") {
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    enrolledSecrets.set(email, secret);
    await page.getByLabel("Code from the app").fill(totpCode(secret, Date.now()));
    await page.getByRole("button", { name: "Turn on two-step verification" }).click();
    await page.getByRole("link", { name: /continue/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  } else if (path === "/login/verify") {
    const demoLike = DEMO_USERS.some((u) => u.email === email) || ownAccounts.has(email);
    const secret = demoLike ? demoTotpSecret(email) : enrolledSecrets.get(email);
    if (secret) await typeCode(page, (at) => totpCode(secret, at));
  }
}

/** Authenticator secrets of the people signIn enrolled in this worker. */
const enrolledSecrets = new Map<string, string>();

/**
 * Types a code on the second-step page. Specs running side by side may sign the same demo account
 * in within one 30-second step, and a code is good once: when the page says it was used, the
 * next step's code (accepted a step early for clock drift) is tried, then the step after, once
 * it comes.
 */
export async function typeCode(page: Page, codeAt: (ms: number) => string) {
  for (let attempt = 0; attempt < 6; attempt++) {
    const now = Date.now();
    const ahead = attempt === 0 ? 0 : 30_000;
    if (attempt >= 2) await page.waitForTimeout(30_000 - (now % 30_000) + 500);
    const answered = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login/verify",
    );
    await page.getByLabel("Code", { exact: true }).fill(codeAt(Date.now() + ahead));
    await page.getByRole("button", { name: "Verify" }).click();
    await answered;
    // An accepted code navigates on; a refused one leaves the form (its button idle again) with a message.
    const outcome = await Promise.race([
      page
        .waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 15_000 })
        .then(
          () => "in" as const,
          () => "neither" as const,
        ),
      page
        .getByRole("button", { name: "Verify", exact: true })
        .waitFor({ timeout: 15_000 })
        .then(
          () => "refused" as const,
          () => "neither" as const,
        ),
    ]);
    if (outcome === "refused") await page.waitForTimeout(300);
    if (outcome === "in" || !new URL(page.url()).pathname.startsWith("/login")) return;
    if (outcome === "neither" || !(await page.getByText("That code has already been used").isVisible())) break;
  }
  throw new Error("no code was accepted in six tries");
}

export async function expectNotFound(page: Page) {
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

/*
 * Data of a spec's own. The demo organization is shared by every spec, in any order and on any
 * number of workers: a spec that changes what others read (an organization's settings, its
 * people, an incident's phase, the master keys) works on an organization or an incident made
 * for it here, through the demo seed's own functions (tests/e2e/make-data.ts).
 */

export type OwnIncident = { id: string; reference: string; title: string };
export type OwnOrganization = {
  slug: string;
  /** The copy's accounts, by the demo account they copy: same names, roles, clients and password. */
  accounts: Record<keyof typeof ACCOUNTS, string>;
  incident?: OwnIncident;
};
/** An incident made from a demo story (an index; 0 is the ransomware), walked to a phase. */
export type StoryAt = `${number}:${Phase}`;

/** Accounts of organizations made in this worker: their authenticator secret is derived like the demo's. */
const ownAccounts = new Set<string>();

/**
 * A copy of the demo organization for one spec: its three clients and its seven accounts
 * (addresses tagged, signed in like the demo's), no incidents unless one is asked for.
 * `masterKeys`: the keys its incident's data key is wrapped with (the server's by default).
 */
export async function ownOrganization(
  opts: { incident?: StoryAt; masterKeys?: string } = {},
): Promise<OwnOrganization> {
  const made = await makeData(["organization", ...(opts.incident ? [opts.incident] : [])], opts.masterKeys);
  const accounts = Object.fromEntries(
    Object.entries(ACCOUNTS).map(([role, email]) => [role, demoCopyEmail(email, made.tag)]),
  ) as OwnOrganization["accounts"];
  for (const email of DEMO_USERS.map((u) => demoCopyEmail(u.email, made.tag))) ownAccounts.add(email);
  return { slug: made.slug, accounts, incident: made.incident };
}

/** An incident of one spec's own in the demo organization, walked there as the seed walks the demo's. */
export async function ownIncident(storyAt: StoryAt): Promise<OwnIncident> {
  const made = await makeData(["incident", storyAt]);
  if (!made.incident) throw new Error("make-data made no incident");
  return made.incident;
}

type Made = { slug: string; tag: string; organizationId: string; incident?: OwnIncident };

/** Runs make-data.ts; the time it takes is added to the test's timeout (it is not the test's own work). */
async function makeData(args: string[], masterKeys = E2E_WARDEN_MASTER_KEYS): Promise<Made> {
  const started = Date.now();
  try {
    return await runMakeData(args, masterKeys);
  } finally {
    const info = test.info();
    if (info.timeout > 0) info.setTimeout(info.timeout + (Date.now() - started));
  }
}

function runMakeData(args: string[], masterKeys: string): Promise<Made> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join("node_modules", "tsx", "dist", "cli.mjs"),
        "--conditions=react-server",
        path.join("tests", "e2e", "make-data.ts"),
        ...args,
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: process.env.E2E_DATABASE_URL,
          DATABASE_POOL_MAX: "2",
          NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
          WARDEN_AUDIT_KEY: E2E_WARDEN_AUDIT_KEY,
          WARDEN_MASTER_KEYS: masterKeys,
        },
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as Made);
      else reject(new Error(`make-data ${args.join(" ")} failed (exit ${code}):\n${err || out}`));
    });
  });
}
