import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNotFound, signIn } from "./support";
import { readPdf } from "../support/read-pdf";

// Each test logs incidents of its own; their titles carry a tag of the run, so that the approval
// queue, the portal and the lists find this run's and no other's (a second run, a retry).
const tag = randomUUID().slice(0, 6);
const TITLE = `Claims mailbox read by an outside party ${tag}`;

test("a breach of health and EU data at a HIPAA client: obligations, four-eyes notice, portal acknowledgement and question", async ({
  browser,
}) => {
  const analystCtx = await browser.newContext();
  const analyst = await analystCtx.newPage();
  await signIn(analyst, ACCOUNTS.analyst);
  await expect(analyst).toHaveURL(/\/incidents$/);

  await analyst.goto("/incidents/new");
  await analyst.getByLabel("Client", { exact: true }).selectOption({ label: "Mercy Regional Health" });
  await analyst.getByLabel("Title").fill(TITLE);
  await analyst
    .getByLabel("What happened (internal)")
    .fill("INTERNAL-MARKER: the phished account belongs to the night-shift lead; forwarding rule set for two days.");
  await analyst
    .getByLabel("What the client will read")
    .fill("A forwarding rule set on a staff mailbox sent claim forms to an outside address for two days.");
  await analyst.getByLabel("Type").selectOption({ label: "Data breach" });
  await analyst.getByLabel("Severity").selectOption({ label: "High" });
  await analyst.getByLabel("Personal data", { exact: true }).check();
  await analyst.getByLabel("Health data (PHI, special category)").check();
  await analyst
    .getByLabel("Where the data subjects live")
    .selectOption([{ label: "Germany (EU)" }, { label: "Illinois (US)" }]);
  await analyst.getByLabel("Occurred (if known)").fill("2026-11-20T09:00");
  await analyst.getByLabel("Detected").fill("2026-11-20T12:00");
  await analyst.getByLabel("We became aware").fill("2026-11-20T13:00");
  await analyst.getByRole("button", { name: "Log incident" }).click();
  await expect(analyst.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const incidentUrl = analyst.url().replace(/\?.*$/, "");

  // the expected obligations, with due times worked out by hand (times shown in America/New_York)
  const obligations = analyst.getByRole("region", { name: "Notification obligations" });
  const contract = obligations.getByRole("listitem", { name: /Client contract notice clause/ });
  await expect(contract).toContainText("Due 21 Nov 2026, 13:00 EST"); // 24 h from awareness
  await expect(obligations.getByRole("listitem", { name: /GDPR Art. 33\(2\)/ })).toContainText(
    "Due 21 Nov 2026, 13:00 EST",
  );
  // 60 calendar days from discovery (20 Nov, Chicago) → end of 19 Jan 2027 CST
  await expect(obligations.getByRole("listitem", { name: /45 CFR 164.410/ })).toContainText(
    "Due 20 Jan 2027, 00:59 EST",
  );
  await expect(obligations.getByRole("listitem", { name: /GDPR Art. 33\(1\)/ })).toContainText("to assess");

  // draft the contract notice: the prefill says only what the client may read
  await contract.getByRole("button", { name: "Draft notice" }).click();
  await expect(
    analyst.getByRole("heading", { level: 1, name: "Notice to the client under the contract" }),
  ).toBeVisible();
  await expect(analyst.locator("main")).not.toContainText("INTERNAL-MARKER");
  await expect(analyst.locator("main")).toContainText("A forwarding rule set on a staff mailbox sent claim forms");
  // edit and submit at once, without a separate save: the edit is what gets approved and sent
  await analyst
    .getByLabel("Containment and next steps")
    .fill("Forwarding rule removed, account reset, mailbox audit under way.");
  await expect(analyst.getByText("Unsaved changes")).toBeVisible();
  await analyst.getByRole("button", { name: "Submit for approval" }).click();
  await expect(analyst.getByText("Awaiting approval", { exact: true })).toBeVisible();
  await expect(analyst.getByRole("article")).toContainText(
    "Forwarding rule removed, account reset, mailbox audit under way.",
  );
  const noticeUrl = analyst.url();

  // a manager is told, and approves from the dashboard's queue (freezing the text)
  const managerCtx = await browser.newContext();
  const manager = await managerCtx.newPage();
  await signIn(manager, ACCOUNTS.manager);
  await expect(manager).toHaveURL(/\/dashboard$/);
  await manager.getByRole("link", { name: /^Notifications \(\d+\)$/ }).click();
  await expect(
    manager.getByRole("link", { name: /^Approval needed: INC-\d{4}-\d{4,} notice to Mercy Regional Health/ }).first(),
  ).toBeVisible();
  await manager.goto("/dashboard");
  const queue = manager.getByRole("region", { name: /Notices awaiting approval/ });
  await queue.getByRole("link", { name: TITLE }).click();
  await expect(manager).toHaveURL(noticeUrl);
  await manager.getByRole("button", { name: "Approve and freeze" }).click();
  await expect(manager.getByText(/SHA-256 [0-9a-f]{64} \(the text below matches the approved version\)/)).toBeVisible();
  // before the click it says where it goes; sending asks once more
  await expect(manager.getByText("the client portal of Mercy Regional Health, at once")).toBeVisible();
  await expect(manager.getByText(/no e-mail: SMTP is not configured/)).toBeVisible();
  await manager.getByRole("button", { name: "Send to the client…" }).click();
  await manager.getByRole("button", { name: "Confirm and send" }).click();
  await expect(manager.getByRole("heading", { name: "Delivery and acknowledgement" })).toBeVisible();
  await expect(manager.getByText("Portal: sent")).toBeVisible();

  // the client contact reads, acknowledges and asks
  const contactCtx = await browser.newContext();
  const contact = await contactCtx.newPage();
  await signIn(contact, ACCOUNTS.contactHealth);
  await expect(contact).toHaveURL(/\/portal\//);
  const incidentCard = contact.getByRole("listitem").filter({ hasText: TITLE });
  await expect(incidentCard.getByText("Unread")).toBeVisible();
  await incidentCard
    .getByRole("link", { name: /Notice to the client|Client contract notice clause|Claims mailbox/ })
    .click();
  await expect(contact.getByText("this text is exactly the approved version")).toBeVisible();
  await expect(contact.getByRole("article", { name: "Notice" })).toContainText(
    "Forwarding rule removed, account reset, mailbox audit under way.",
  );
  await expect(contact.locator("main")).not.toContainText("INTERNAL-MARKER");
  await contact.getByRole("button", { name: "Acknowledge receipt" }).click();
  await expect(contact.getByText(/You acknowledged receipt on/)).toBeVisible();
  await contact.getByLabel("Ask a question about this notice").fill("Were member IDs in the forwarded forms?");
  await contact.getByRole("button", { name: "Send question" }).click();
  await expect(contact.getByRole("region", { name: "Questions" })).toContainText(
    "Were member IDs in the forwarded forms?",
  );
  const pdf = await contact.request.get(
    contact.url().replace(/\/portal\/[^/]+\/notices\//, "/api/portal/notices/") + "/pdf",
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const printed = (await readPdf(await pdf.body())).text.replace(/\s+/g, " ");
  expect(printed).toContain("Forwarding rule removed, account reset, mailbox audit under way.");
  expect(printed).not.toContain("INTERNAL-MARKER");
  const portalNoticeUrl = contact.url();

  // the analyst is notified of the question, and sees it with the acknowledgement
  await analyst.goto("/incidents");
  await analyst.getByRole("link", { name: /^Notifications \(\d+\)$/ }).click();
  await expect(analyst.getByRole("link", { name: /Dana Whitfield asked a question on INC-/ }).first()).toBeVisible();
  await analyst.goto(noticeUrl);
  await expect(analyst.getByText(/Acknowledged by Dana Whitfield/)).toBeVisible();
  await expect(analyst.getByRole("region", { name: "Questions from the client" })).toContainText(
    "Were member IDs in the forwarded forms?",
  );
  await analyst.goto(incidentUrl);
  await expect(contract).toContainText("Acknowledged");

  // a contact of another client sees none of it
  const otherCtx = await browser.newContext();
  const other = await otherCtx.newPage();
  await signIn(other, ACCOUNTS.contactBank);
  await expect(other).toHaveURL(/\/portal\//);
  await expect(other.getByText(TITLE)).toHaveCount(0);
  await other.goto(portalNoticeUrl);
  await expectNotFound(other);
  const foreignPdf = await other.request.get(
    portalNoticeUrl.replace(/\/portal\/[^/]+\/notices\//, "/api/portal/notices/") + "/pdf",
  );
  expect(foreignPdf.status()).toBe(404);

  for (const c of [analystCtx, managerCtx, contactCtx, otherCtx]) await c.close();
});

test("leaving a notice draft with unsaved changes asks first; a refused submit keeps every character", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.analyst);
  await expect(page).toHaveURL(/\/incidents$/);
  await page.goto("/incidents/new");
  await page.getByLabel("Client", { exact: true }).selectOption({ label: "Rheinland Direktbank AG" });
  await page.getByLabel("Title").fill(`Statement batch printed twice and posted to the wrong branch ${tag}`);
  await page.getByLabel("What happened (internal)").fill("Print job restarted by the operator after a jam.");
  await page.getByLabel("Type").selectOption({ label: "Accidental leak" });
  await page.getByLabel("Severity").selectOption({ label: "Medium" });
  await page.getByRole("button", { name: "Log incident" }).click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: `Statement batch printed twice and posted to the wrong branch ${tag}`,
    }),
  ).toBeVisible();
  const contract = page
    .getByRole("region", { name: "Notification obligations" })
    .getByRole("listitem", { name: /Client contract notice clause/ });
  await contract.getByRole("button", { name: "Draft notice" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notice to the client under the contract" })).toBeVisible();

  // no client-facing description yet: the description field is empty and a submit names it
  await page.getByLabel("Containment and next steps").fill("Second copies recalled from the branch.");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByRole("region", { name: "Content" }).getByRole("alert")).toContainText("nothing saved yet");
  await expect(page.getByLabel("Containment and next steps")).toHaveValue("Second copies recalled from the branch.");

  // following a link asks; dismissing stays, accepting leaves
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole("link", { name: "Incidents", exact: true }).first().click();
  await expect.poll(() => asked).toContain("not saved");
  await expect(page.getByLabel("Containment and next steps")).toHaveValue("Second copies recalled from the branch.");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("link", { name: "Incidents", exact: true }).first().click();
  await expect(page).toHaveURL(/\/incidents$/);
});
