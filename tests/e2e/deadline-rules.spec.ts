import { expect, test } from "@playwright/test";
import { ownOrganization, signIn } from "./support";

// The working target is an organization's setting, and saving it recomputes every open incident's
// obligations: an organization of this spec's own, so no other spec's deadlines move under it.

test("an administrator reviews every deadline rule, filters it on a phone, and sets the working target", async ({
  page,
}) => {
  const org = await ownOrganization();
  await signIn(page, org.accounts.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Every deadline rule" }).click();
  await expect(page).toHaveURL(/\/admin\/rules$/);
  await expect(page.getByRole("heading", { level: 1, name: "Deadline rules" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^All \d+ rule versions$/ })).toBeVisible();

  // a phone's width: filter to California, read the current version's clock and source
  await page.setViewportSize({ width: 390, height: 844 });
  const filter = page.getByRole("form", { name: "Filter rules" });
  await filter.getByLabel("Jurisdiction, regime, rule or citation contains").fill("california");
  await filter.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/q=california/);
  await expect(page.getByRole("heading", { name: /^\d+ of \d+ rule versions$/ })).toBeVisible();
  const current = page.getByRole("listitem", { name: "us-ca, in force 2026-01-01 – (in force)" });
  await expect(current).toContainText("30 calendar days from discovery");
  await expect(current).toContainText("fixed by law");
  await expect(current.getByRole("link", { name: /1798\.82/ }).first()).toHaveAttribute(
    "href",
    /leginfo\.legislature\.ca\.gov/,
  );
  const replaced = page.getByRole("listitem", { name: "us-ca, in force 2003-07-01 – 2025-12-31" });
  await expect(replaced).toContainText("replaced");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // an unknown group is named and ignored
  await page.goto("/admin/rules?group=atlantis");
  await expect(page.getByRole("alert").filter({ hasText: "Group:" })).toContainText(
    "Group: not one of the rule groups",
  );

  // the working target: bad input named beside the field, then saved, then put back
  const target = page.getByRole("form", { name: "Working target" });
  const hours = target.getByLabel("Working target (hours)");
  await hours.fill("0");
  await target.getByRole("button", { name: "Save working target" }).click();
  await expect(hours).toHaveAttribute("aria-invalid", "true");
  await expect(target.getByText("At least 1 hour.")).toBeVisible();
  await hours.fill("48");
  await target.getByRole("button", { name: "Save working target" }).click();
  await expect(target.getByRole("status").filter({ hasText: "Working target saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Working target" }).getByLabel("Working target (hours)")).toHaveValue(
    "48",
  );
  await page.getByRole("form", { name: "Working target" }).getByLabel("Working target (hours)").fill("72");
  await page.getByRole("form", { name: "Working target" }).getByRole("button", { name: "Save working target" }).click();
  await expect(
    page.getByRole("form", { name: "Working target" }).getByRole("status").filter({ hasText: "Working target saved" }),
  ).toBeVisible();
});
