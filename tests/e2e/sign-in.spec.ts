import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, typeCode } from "./support";
import { demoTotpCode } from "../../prisma/demo-totp";

test.describe("each audience signs in and lands in its own area", () => {
  const cases = [
    { who: "admin", email: ACCOUNTS.admin, path: /\/admin$/, heading: "Administration" },
    { who: "manager", email: ACCOUNTS.manager, path: /\/dashboard$/, heading: "Dashboard" },
    { who: "analyst", email: ACCOUNTS.analyst, path: /\/incidents$/, heading: "Incidents" },
    {
      who: "client contact",
      email: ACCOUNTS.contactHealth,
      path: /\/portal\/[0-9a-f-]{36}$/,
      heading: "Mercy Regional Health",
    },
  ];
  for (const c of cases) {
    test(`${c.who} → ${c.heading}`, async ({ page }) => {
      await signIn(page, c.email, undefined, { fresh: true });
      await expect(page).toHaveURL(c.path);
      await expect(page.getByRole("heading", { level: 1, name: c.heading })).toBeVisible();
    });
  }

  test("the analyst sees the two clients they work for, not the third, and opens one's incidents", async ({ page }) => {
    await signIn(page, ACCOUNTS.analyst);
    await expect(page).toHaveURL(/\/incidents$/);
    await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Clients" }).click();
    await expect(page).toHaveURL(/\/clients$/);
    const clients = page.getByRole("table", { name: "Your clients" });
    await expect(clients.getByRole("rowheader")).toHaveText(["Mercy Regional Health", "Rheinland Direktbank AG"]);
    await clients.getByRole("link", { name: /open incidents of Mercy Regional Health$/ }).click();
    await expect(page).toHaveURL(/\/incidents\?clientId=[0-9a-f-]{36}$/);
    await expect(page.getByLabel("Client", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    await expect(page.getByLabel("Client", { exact: true }).locator("option:checked")).toHaveText(
      "Mercy Regional Health",
    );
    const clientCells = page.getByRole("table", { name: "Incidents" }).locator("tbody tr td:nth-child(3)");
    await expect(clientCells.first()).toHaveText("Mercy Regional Health");
    for (const text of await clientCells.allTextContents()) expect(text).toBe("Mercy Regional Health");
  });

  test("the admin sees every user with role and assignment", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    const users = page.getByRole("table", { name: /Users/ });
    const analystRow = users.getByRole("row", { name: /Priya Natarajan/ });
    await expect(analystRow).toContainText("Analyst");
    await expect(analystRow).toContainText("Mercy Regional Health, Rheinland Direktbank AG");
  });
});

test.describe("bad sign-in attempts", () => {
  test("a tampered or foreign session cookie counts as signed out", async ({ page, context }) => {
    await signIn(page, ACCOUNTS.manager);
    await expect(page).toHaveURL(/\/dashboard$/);
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session).toBeDefined();
    const flipped = session!.value.slice(0, -6) + (session!.value.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    await context.addCookies([{ ...session!, value: flipped }]);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
    await context.addCookies([{ ...session!, value: "not-a-token" }]);
    await page.goto("/incidents");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password shows one generic message and stays on the sign-in page", async ({ page }) => {
    await signIn(page, ACCOUNTS.manager, "not-the-password");
    await expect(
      page.getByRole("alert").filter({ hasText: "The email address or password is incorrect." }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown email gets exactly the same message", async ({ page }) => {
    await signIn(page, "nobody@warden.test", "whatever");
    await expect(
      page.getByRole("alert").filter({ hasText: "The email address or password is incorrect." }),
    ).toBeVisible();
  });

  test("empty fields are named beside each input", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");
    await expect(page.getByLabel("Email")).toBeFocused();
  });

  test("a 10 kB email is refused with a field error, not a server error", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(`${"a".repeat(10_000)}@example.com`);
    await page.getByLabel("Password").fill("x");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("An email address has at most 320 characters.");
  });

  test("the credentials endpoint answers oversized input without a 500", async ({ page, request }) => {
    await page.goto("/login");
    const csrf = await (await request.get("/api/auth/csrf")).json();
    const res = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email: "a".repeat(10_000), password: "b".repeat(10_000), json: "true" },
      maxRedirects: 0,
    });
    expect(res.status()).toBeLessThan(500);
  });
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, ACCOUNTS.analyst, undefined, { fresh: true });
  await expect(page).toHaveURL(/\/incidents$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fincidents/);
});

test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  await page.getByLabel("Email").fill(ACCOUNTS.admin);
  await page.getByLabel("Password").fill("warden-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  // the second step keeps the destination
  await expect(page).toHaveURL(/\/login\/verify\?callbackUrl=%2Fadmin$/);
  await typeCode(page, (at) => demoTotpCode(ACCOUNTS.admin, at));
  await expect(page).toHaveURL(/\/admin$/);
});
