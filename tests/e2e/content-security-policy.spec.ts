import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// The Content-Security-Policy (src/proxy.ts) lets no inline script run without the response's
// nonce. Every role's main pages must still hydrate, draw their charts and post their forms,
// with not one violation reported by the browser.

type Role = keyof typeof ACCOUNTS;
const PAGES: Record<Exclude<Role, "contactBank" | "admin">, string[]> = {
  manager: ["/dashboard", "/incidents", "/obligations", "/notifications"],
  analyst: ["/incidents", "/incidents/new", "/clients"],
  contactHealth: ["/portal"],
};

/** Violations the page reports, collected in the page itself from before its first script. */
async function watchViolations(page: Page) {
  const seen: string[] = [];
  await page.exposeFunction("__cspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`,
      );
    });
  });
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

/** React has taken over the server's HTML (its fibre is attached to the page's main element). */
async function expectHydrated(page: Page) {
  await page.waitForLoadState("networkidle");
  expect(
    await page.evaluate(() =>
      Object.keys(document.querySelector("main") ?? document.body).some((k) => k.startsWith("__react")),
    ),
  ).toBe(true);
}

for (const [role, paths] of Object.entries(PAGES) as Array<[Role, string[]]>) {
  test(`${role}: pages carry a nonce policy, hydrate and report no violation`, async ({ page }) => {
    const violations = await watchViolations(page);
    const login = await page.goto("/login");
    const policy = login!.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    await expectHydrated(page);
    await signIn(page, ACCOUNTS[role]);
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res!.headers()["content-security-policy"]).not.toBe(policy); // a fresh nonce per response
      await expectHydrated(page);
    }
    if (role === "manager") {
      await page.goto("/dashboard");
      await expect(page.getByTestId("bar-chart").locator("svg").first()).toBeVisible();
    }
    expect(violations).toEqual([]);
  });
}
