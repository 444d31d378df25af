import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// Every main page of every role, scanned by axe-core (WCAG 2.1 A and AA rules) and measured at a
// phone's width. A serious or critical violation fails; so does a page wider than the phone.

type Role = keyof typeof ACCOUNTS;

/** Pages reached by a fixed address, and pages reached by following a link (an incident, a notice). */
const PAGES: Record<Role, { paths: string[]; follow?: (page: Page) => Promise<string[]> }> = {
  admin: {
    paths: [
      "/admin",
      "/admin/rules",
      "/admin/webhooks",
      "/on-call",
      "/dashboard",
      "/incidents",
      "/obligations",
      "/clients",
      "/notifications",
    ],
  },
  manager: {
    paths: ["/dashboard", "/incidents", "/obligations", "/clients", "/notifications", "/portal", "/on-call"],
    follow: incidentPages,
  },
  analyst: {
    paths: ["/incidents", "/incidents/new", "/obligations", "/clients", "/notifications"],
    follow: incidentPages,
  },
  contactHealth: { paths: ["/portal"], follow: portalPages },
  contactBank: { paths: ["/portal"], follow: portalPages },
};

/**
 * The demo's ransomware incident in Report (obligations, notices, client questions) and one of its
 * sent notices. The demo's own: other specs walk incidents of theirs through Report, without
 * sending a notice.
 */
async function incidentPages(page: Page): Promise<string[]> {
  await page.goto("/incidents?phase=REPORT&q=Ransomware");
  const incident = await page.getByRole("link", { name: /^INC-/ }).first().getAttribute("href");
  expect(incident).toBeTruthy();
  await page.goto(incident!);
  const notice = await page
    .getByRole("region", { name: "Notification obligations" })
    .getByRole("link", { name: /^Notice sent/ })
    .first()
    .getAttribute("href");
  return notice ? [incident!, notice] : [incident!];
}

/** The contact's client page and the first notice on it. */
async function portalPages(page: Page): Promise<string[]> {
  await page.goto("/portal");
  await page.waitForURL(/\/portal\/[0-9a-f-]{36}/).catch(() => undefined);
  const client = new URL(page.url()).pathname;
  const notice = await page
    .locator('a[href*="/notices/"]')
    .first()
    .getAttribute("href")
    .catch(() => null);
  return notice ? [client, notice] : [client];
}

async function signedIn(page: Page, role: Role) {
  await signIn(page, ACCOUNTS[role]);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function pagesOf(page: Page, role: Role): Promise<string[]> {
  const { paths, follow } = PAGES[role];
  return [...paths, ...(follow ? await follow(page) : [])];
}

// One sign-in per role for both checks, one role after another: a demo account's one-time code
// is accepted once, so two sign-ins of one account at the same moment would refuse each other.
test.describe.configure({ mode: "default" });

for (const role of Object.keys(PAGES) as Role[]) {
  test(`${role}: no serious or critical accessibility violation on any main page, and each fits a 390 px phone`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await signedIn(page, role);
    const paths = await pagesOf(page, role);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("main, [role=main]").first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
        .analyze();
      for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
        found.push(
          `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(" | ")}`,
        );
      }
      // axe no longer checks plain duplicate ids; a label or hint tied to the wrong field is one
      const duplicated = await page.evaluate(() => {
        const seen = new Map<string, number>();
        for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
        return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      });
      if (duplicated.length) found.push(`${path}: duplicated ids ${duplicated.join(", ")}`);
    }
    expect.soft(found, found.join("\n")).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("main, [role=main]").first()).toBeVisible();
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width} px`);
    }
    expect(wide, wide.join("\n")).toEqual([]);
  });
}

test("on a phone the navigation opens from a Menu button, by keyboard, and Escape closes it", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signedIn(page, "analyst");
  const menu = page.getByRole("button", { name: "Menu" });
  const deadlines = page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Deadlines" });
  await expect(deadlines).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(deadlines).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(deadlines).toBeHidden();

  await page.goto("/incidents");
  const filters = page.getByRole("button", { name: /Show filters/ });
  await expect(page.getByLabel("Phase")).toBeHidden();
  await filters.click();
  await expect(page.getByLabel("Phase")).toBeVisible();
});
