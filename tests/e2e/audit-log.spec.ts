import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNotFound, signIn } from "./support";

test("a manager opens an incident, finds that read on the audit page, filters the reads and downloads them as CSV", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.manager);
  await page.goto("/incidents");
  await page.getByRole("link", { name: /^INC-/ }).first().click();
  const reference = (await page.locator("header p.font-mono").first().textContent())!.trim();
  await expect(page.getByRole("link", { name: "Audit trail (CSV)" })).toBeVisible();

  await page.getByRole("link", { name: "Audit log" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Changes, newest first" })).toBeVisible();
  await page.getByRole("navigation", { name: "Audit log views" }).getByRole("link", { name: "Reads" }).click();
  await expect(page).toHaveURL(/kind=reads/);

  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Kind").selectOption({ label: "Incident pages" });
  await filters.getByLabel("Person").selectOption({ label: "Morgan Reyes (Manager)" });
  await filters.getByLabel("Incident reference").fill(reference.toLowerCase());
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`incident=${reference.toLowerCase()}`));
  const rows = page.getByRole("table", { name: "Reads, newest first" }).locator("tbody tr");
  await expect(rows.first()).toContainText("Opened the incident (with its evidence)");
  await expect(rows.first()).toContainText("Morgan Reyes");
  await expect(rows.first()).toContainText(reference);
  for (const row of await rows.all()) await expect(row).toContainText(reference);

  const download = page.waitForEvent("download");
  await filters.getByRole("link", { name: "Export this view (CSV)" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain("At (UTC),Person,Role,Kind");
  expect(csv).toMatch(new RegExp(`Morgan Reyes,MANAGER,incident\\.view,.*,${reference},`));
  expect(csv).not.toContain("report.pdf");

  // the export is itself a read, recorded before the file was made
  await page.goto("/audit?kind=reads%3Aexport.");
  await expect(page.getByRole("table", { name: "Reads, newest first" }).locator("tbody tr").first()).toContainText(
    "Exported the organization's audit log (CSV)",
  );
});

test("a filter that is not valid is named beside its field and lists nothing", async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  await page.goto("/audit?kind=reads&incident=42&from=2026-02-30");
  await expect(page.getByLabel("Incident reference")).toHaveAccessibleDescription(
    "An incident reference looks like INC-2026-0042.",
  );
  await expect(page.getByLabel("From (day)")).toHaveAttribute("aria-invalid", "true");
  await expect(
    page.getByRole("alert").filter({ hasText: "Nothing is listed until the highlighted filters are corrected." }),
  ).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("an analyst has no audit log: neither the page nor an incident's audit trail (CSV), and no link to either", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.analyst);
  await page.goto("/incidents");
  await page.getByRole("link", { name: /^INC-/ }).first().click();
  await expect(page.getByRole("link", { name: "Report (PDF)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit trail (CSV)" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const trail = await page.request.get(
    `${page
      .url()
      .replace(/[?#].*$/, "")
      .replace("/incidents/", "/api/incidents/")}/audit`,
  );
  expect(trail.status()).toBe(404);
  expect(await trail.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  expect((await page.request.get("/api/audit/export?kind=reads")).status()).toBe(404);
  await page.goto("/audit");
  await expectNotFound(page);
});
