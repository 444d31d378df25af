import { expect, test } from "@playwright/test";
import { ownOrganization, signIn } from "./support";

// Each test changes an organization's people or clients: in an organization of its own (a copy
// of the demo's clients and accounts), so no other spec sees a person or client appear or go.

test("an administrator invites an analyst for one client, who accepts, signs in and sees only that client; then disables them", async ({
  browser,
  page,
}) => {
  const email = `new.analyst.${Date.now()}@warden.test`;
  const org = await ownOrganization();
  await signIn(page, org.accounts.admin);
  await expect(page).toHaveURL(/\/admin$/);
  const add = page.getByRole("form", { name: "Add a person" });

  // bad input is named beside each field
  await add.getByRole("button", { name: "Invite person" }).click();
  await expect(add.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(add.getByText("Enter an email address.")).toBeVisible();

  await add.getByLabel("Name").fill("Noor Haddad");
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Role").selectOption({ label: "Analyst" });
  await add.getByRole("checkbox", { name: "Harbour & Lane LLP" }).check();
  await add.getByRole("button", { name: "Invite person" }).click();
  await expect(add.getByRole("status").filter({ hasText: "Invited." })).toBeVisible();
  // no mail server here: the invitation link is shown once, for the administrator to pass on
  const invitation = await add.getByRole("textbox", { name: "Invitation link" }).inputValue();
  await page.reload();
  await expect(
    page.getByRole("table", { name: /Invited, not yet joined/ }).getByRole("row", { name: /Noor Haddad/ }),
  ).toBeVisible();
  const row = page.getByRole("table", { name: /Users/ }).getByRole("row", { name: /Noor Haddad/ });
  await expect(row).toHaveCount(0);

  // the new analyst signs in and works for Harbour Lane only
  const other = await browser.newContext();
  const analyst = await other.newPage();
  await analyst.goto(invitation);
  await analyst.getByLabel("New password").fill("first-password-for-noor");
  await analyst.getByRole("button", { name: "Set password" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Your password is set." })).toBeVisible();
  await signIn(analyst, email, "first-password-for-noor");
  await expect(analyst).toHaveURL(/\/incidents$/);
  await page.reload();
  await expect(row).toContainText("Harbour & Lane LLP");
  await expect(row).toContainText("Active");
  await expect(analyst.getByRole("combobox", { name: "Client" }).getByRole("option")).toHaveText([
    "Any client",
    "Harbour & Lane LLP",
  ]);

  // disabled: their next page sends them to sign in
  await row.getByText("Change").click();
  const edit = page.getByRole("form", { name: "Change Noor Haddad" });
  await edit.getByLabel("Can sign in").uncheck();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(row).toContainText("Disabled");
  await analyst.goto("/incidents");
  await expect(analyst).toHaveURL(/\/login/);
  await other.close();
});

test("an administrator cannot disable themselves", async ({ page }) => {
  const org = await ownOrganization();
  await signIn(page, org.accounts.admin);
  await expect(page).toHaveURL(/\/admin$/);
  const row = page.getByRole("table", { name: /Users/ }).getByRole("row", { name: org.accounts.admin });
  await row.getByText("Change").click();
  const edit = row.getByRole("form");
  await edit.getByLabel("Can sign in").uncheck();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(
    edit
      .getByRole("alert")
      .or(edit.getByRole("status"))
      .filter({ hasText: "You cannot remove your own administrator access" }),
  ).toBeVisible();
});

test("an administrator adds a client, with field errors first, and changes its notice window", async ({ page }) => {
  const name = `Northwind Mutual ${Date.now()}`;
  const org = await ownOrganization();
  await signIn(page, org.accounts.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByText("Add a client", { exact: true }).click();
  const add = page.getByRole("form", { name: "Add a client" });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Time zone").fill("Mars/Olympus");
  await add.getByLabel("Country").fill("1A");
  await add.getByRole("button", { name: "Add client" }).click();
  await expect(add.getByText(/Enter an IANA time zone/)).toBeVisible();
  await expect(add.getByText(/two-letter country code/)).toBeVisible();
  await expect(add.getByLabel("Name")).toHaveValue(name); // nothing typed is lost

  await add.getByLabel("Time zone").fill("America/Chicago");
  await add.getByLabel("Country").fill("US");
  await add.getByLabel("Contract notice window (hours)").fill("72");
  await add.getByRole("checkbox", { name: "HIPAA covered entity" }).check();
  await add.getByRole("button", { name: "Add client" }).click();
  await expect(add.getByRole("status").filter({ hasText: "Client added." })).toBeVisible();
  const row = page.getByRole("table", { name: /Clients/ }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("72 hours from awareness");
  await expect(row).toContainText("HIPAA covered entity");

  await page.getByText(`Change ${name}`, { exact: true }).click();
  const edit = page.getByRole("form", { name: `Change ${name}` });
  await edit.getByLabel("Contract notice window (hours)").fill("48");
  await edit.getByRole("button", { name: "Save client" }).click();
  // a change of terms is previewed first: a new client has no open incident to move
  await expect(edit.getByRole("status", { name: "Effect of the change" })).toContainText(
    "change no deadline of its 0 open incidents",
  );
  await expect(row).toContainText("72 hours from awareness"); // not saved yet
  await edit.getByRole("button", { name: "Confirm and save" }).click();
  await expect(edit.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();
  await expect(row).toContainText("48 hours from awareness");
});
