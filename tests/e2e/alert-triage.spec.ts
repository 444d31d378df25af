import { createHmac, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// Triage and automation as people use them: a DLP alert is posted to the ingestion API as the
// demo's generic integration would post it (its key and secret are public, derived like the demo
// seed derives them: prisma/demo-integration.ts); the analyst finds it in the queue and promotes
// it, confirming the prefilled facts, and sees who is on call on the new incident; the
// administrator writes a rule (a refused row first), and sees its dry run.

const derive = (what: string) => createHmac("sha256", "warden-demo").update(what).digest().toString("base64url");
const NAME = "Demo SIEM (generic JSON)";
const KEY = `wk_${derive(`integration-key|${NAME}`)}`;
const SECRET = `ws_${derive(`integration-secret|${NAME}`)}`;

async function postAlert(request: APIRequestContext, title: string) {
  const body = JSON.stringify({
    source: "dlp-gateway",
    externalId: `e2e-${randomUUID()}`,
    title,
    severity: "high",
    observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    client: "Mercy Regional Health",
    dataCategories: ["PERSONAL", "HEALTH"],
    assets: ["mail-gw-01"],
    jurisdictions: ["US-CA"],
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = createHmac("sha256", SECRET).update(`${ts}.${body}`).digest("hex");
  const res = await request.post("/api/v1/alerts", {
    headers: {
      Authorization: `Bearer ${KEY}`,
      "Content-Type": "application/json",
      "X-Warden-Timestamp": ts,
      "X-Warden-Signature": `sha256=${signature}`,
    },
    data: body,
  });
  expect(res.status()).toBe(201);
}

test("an analyst triages a posted alert into an incident and sees who is on call", async ({ page, request }) => {
  const title = `DLP: patient list mailed outside ${randomUUID().slice(0, 6)}`;
  await postAlert(request, title);
  await signIn(page, ACCOUNTS.analyst);
  await page.getByRole("navigation").getByRole("link", { name: "Alerts" }).first().click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /To triage \(\d+\)/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: title }).click();

  const promote = page.getByRole("region", { name: "Promote to a new incident" });
  await expect(promote.getByLabel("Incident title")).toHaveValue(title);
  await expect(promote.getByLabel("Severity")).toHaveValue("HIGH");
  await expect(promote.getByLabel("Type")).toHaveValue("ACCIDENTAL_LEAK"); // "DLP" in the title
  await promote.getByRole("button", { name: "Confirm and create the incident" }).click();

  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "On call" }).getByText(/On call now: (Priya Natarajan|Morgan Reyes)/),
  ).toBeVisible();

  // the alert is decided: it left the queue, and its page says by whom
  await page.goto("/alerts?tab=promoted");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: "Promoted" })).toBeVisible();
  await expect(page.getByText(/By Priya Natarajan at /)).toBeVisible();
});

test("an administrator writes a rule, is told what is wrong on its row, and sees its dry run", async ({
  page,
  request,
}) => {
  const token = `zq${randomUUID().slice(0, 6)}`;
  await postAlert(request, `Outbound mail with card numbers ${token}`);
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Automation rules" }).click();
  await page.getByRole("link", { name: "New rule" }).click();

  await page.getByLabel("Name").fill(`Card data ${token}`);
  await page.getByLabel("When").selectOption("alert.created");
  await page.getByRole("button", { name: "Add a condition" }).click();
  await page.getByLabel("Condition 1 field").selectOption("text");
  await page.getByLabel("Condition 1 operator").selectOption("contains");
  await page.getByLabel("Condition 1 value").fill(token);
  await page.getByLabel("Action 1", { exact: true }).selectOption("assign_on_call");
  await page.getByRole("button", { name: "Create the rule" }).click();
  await expect(page.getByText(/An alert has no incident yet/)).toBeVisible();
  await expect(page.getByLabel("Action 1", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: "Add an action" }).click();
  await page.getByLabel("Action 2", { exact: true }).selectOption("promote_to_incident");
  await page.getByRole("button", { name: "Create the rule" }).click();
  await expect(page.getByText("Saved as version 1.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Disabled" })).toBeVisible();

  await page.getByRole("link", { name: /Show what version 1 would have done to the last 100 alerts/ }).click();
  await expect(
    page.getByText(/Version 1 would have acted on 1 of the last \d+ alerts\. Nothing was changed\./),
  ).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(token) });
  await expect(row.getByText(/Promote it to a new incident \(.+, High\)/)).toBeVisible();
  await expect(row.getByText(/Assign the on-call analyst/)).toBeVisible();
});
