import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/demo-data";
import { demoTotpSecret } from "../../prisma/demo-totp";
import { totpCode } from "../../src/domain/mfa/totp";

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
    const secret = DEMO_USERS.some((u) => u.email === email) ? demoTotpSecret(email) : enrolledSecrets.get(email);
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
