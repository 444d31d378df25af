import { expect, test } from "@playwright/test";
import { readPdf } from "../support/read-pdf";
import { ACCOUNTS, ownIncident, signIn } from "./support";

test("a manager filters the dashboard, follows an overdue notice, completes a post-mortem, closes and downloads the report", async ({
  page,
}) => {
  // the post-mortem this spec completes is its own: the demo's ransomware story walked to
  // Post-mortem as the seed walks the demo's (review started, one action item unassigned)
  const incident = await ownIncident("0:POST_MORTEM");
  await signIn(page, ACCOUNTS.manager);
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole("combobox", { name: "Client" }).selectOption({ label: "Mercy Regional Health" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/clientId=[0-9a-f-]{36}/);
  await expect(page.getByRole("table", { name: "Open incidents by client" }).getByRole("rowheader")).toHaveText([
    "Mercy Regional Health",
  ]);
  await expect(page.getByRole("table", { name: "Response times" })).toBeVisible();

  // follow an overdue notice to its incident
  await page.getByRole("link", { name: /^Notices overdue: [1-9]\d*$/ }).click();
  await expect(page).toHaveURL(/\/obligations/);
  await expect(page).toHaveURL(/status=overdue/);
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: /overdue/ })
      .first(),
  ).toBeVisible();
  await page
    .getByRole("list", { name: /^Owed by/ })
    .getByRole("link", { name: /^INC-/ })
    .first()
    .click();
  await expect(
    page.getByRole("region", { name: "Notification obligations" }).getByText("Overdue").first(),
  ).toBeVisible();

  // an incident in Post-mortem: the review is started but not complete, one action item unassigned
  await page.goto("/incidents?phase=POST_MORTEM&q=Ransomware");
  await page.getByRole("link", { name: new RegExp(`^${incident.reference}\\b`) }).click();
  const reference = (await page.locator("header p.font-mono").first().textContent())!.trim();
  expect(reference).toBe(incident.reference);
  const panel = page.getByRole("region", { name: "Next step" });
  await expect(panel).toContainText("The post-incident review is not completed.");
  await expect(panel).toContainText("Action item not assigned: Route security alerts to the on-call pager");

  const review = page.getByRole("region", { name: "Post-incident review" });
  for (const label of ["Contributing factors", "What went well", "What did not go well", "Lessons learned"]) {
    await review.getByLabel(label, { exact: true }).fill(`${label}: written by the manager in the review meeting.`);
  }
  await review.getByRole("button", { name: "Save review" }).click();
  await expect(review.getByRole("status").filter({ hasText: "Review saved." })).toBeVisible();
  const item = review.getByRole("form", { name: "Action item: Route security alerts to the on-call pager" });
  await item.getByLabel("Owner").selectOption({ label: "Morgan Reyes" });
  await item.getByRole("button", { name: "Save" }).click();
  await expect(panel).not.toContainText("Action item not assigned: Route security alerts to the on-call pager");
  await review.getByLabel("New action item").fill("Run a phishing drill for the claims team");
  await review.getByLabel("Action owner").selectOption({ label: "Morgan Reyes" });
  await review.getByRole("button", { name: "Add action item" }).click();
  await expect(
    review.getByRole("form", { name: "Action item: Run a phishing drill for the claims team" }),
  ).toBeVisible();
  await review.getByRole("button", { name: "Complete the review" }).click();
  await expect(review.getByText(/Completed by Morgan Reyes/)).toBeVisible();

  const checklist = page.getByRole("group", { name: /\(current phase\)/ }).getByRole("checkbox");
  for (let i = 0; i < (await checklist.count()); i++) {
    if (await checklist.nth(i).isChecked()) continue;
    await checklist.nth(i).click();
    await expect(checklist.nth(i)).toBeChecked();
  }
  await panel.getByRole("button", { name: "Close incident" }).click();
  await expect(page.getByText("Phase: Closed")).toBeVisible();

  const response = await page.request.get(
    page.url().replace(/\?.*$/, "").replace("/incidents/", "/api/incidents/") + "/report?format=pdf",
  );
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = await readPdf(await response.body());
  expect(pdf.title).toContain(reference);
  expect(pdf.text).toMatch(/Page 1 of \d+/);
  expect(pdf.text).not.toMatch(/obligations\.recompute|incident\.advance|checklist\.check/);

  const csv = await page.request.get("/api/exports/incidents?status=closed");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(reference);
});

test("the incident export runs in the background, counts its rows and saves the file", async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/incidents?status=all");
  const downloaded = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export these incidents (CSV)" }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^incidents-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByRole("status").filter({ hasText: /^Exported \d+ rows\.$/ })).toBeVisible();
  const shown = Number(
    (await page
      .getByRole("status")
      .filter({ hasText: /^Exported/ })
      .textContent())!.match(/\d+/)![0],
  );
  const text = await (
    await download.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toContain("Reference,Title,Client");
  expect(lines.length - 1).toBe(shown); // every incident of the demo organization, one record each
  await expect(page).toHaveURL(/\/incidents\?status=all$/); // the page stayed where it was
});

test("the dashboard downloads as a PDF for its filters; a bad format is a clear error", async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("combobox", { name: "Client" }).selectOption({ label: "Mercy Regional Health" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/clientId=/);
  const href = await page.getByRole("link", { name: "Download as PDF" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = await readPdf(await response.body());
  expect(pdf.title).toMatch(/: incident dashboard, Mercy Regional Health, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/);
  const bad = await page.request.get("/api/exports/dashboard?format=docx");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.code).toBe("VALIDATION_FAILED");
});

test("the Deadlines page is a work list: what the BPO owes comes first, most urgent on top, in plain words before the citation", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.manager);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/obligations");
  const lists = page.getByRole("list", { name: /^Owed by/ });
  await expect(lists.first()).toHaveAccessibleName("Owed by us");
  await expect(lists.nth(1)).toHaveAccessibleName("Owed by our clients");
  // the demo's well-run team has one of its own notices overdue: it leads the list
  const first = lists.first().getByRole("listitem").first();
  await expect(first).toContainText("Overdue");
  await expect(first.locator("p").first()).not.toHaveText(/^(GDPR|45 CFR|Art\.|§)/);
  // filters narrow it and fold away; the choice stays in the address
  const filters = page.getByRole("form", { name: "Filter deadlines" });
  await page.locator("summary").filter({ hasText: "Filters" }).click();
  await filters.getByLabel("Owed by").selectOption({ label: "Our clients" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/owedBy=client/);
  await expect(page.getByRole("list", { name: "Owed by us" })).toHaveCount(0);
});
