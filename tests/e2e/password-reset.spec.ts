import { expect, test } from "@playwright/test";
import { ownOrganization, signIn } from "./support";

// Its own person (a client contact, for whom a second factor is optional by default), added by
// the administrator of an organization of its own, so that it depends on no one else's data.
test("an administrator resets a password; the link works once and ends the person's sessions", async ({
  browser,
  page,
}) => {
  const stamp = Date.now();
  const name = `Ines Moreau ${stamp}`;
  const email = `ines.moreau.${stamp}@warden.test`;
  const first = "tidal lantern over the quay";
  const second = "copper kettle in winter rain";

  const org = await ownOrganization();
  await signIn(page, org.accounts.admin);
  await expect(page).toHaveURL(/\/admin$/);
  const add = page.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Role").selectOption({ label: "Client contact" });
  await add.getByLabel("Client (client contacts)").selectOption({ label: "Mercy Regional Health" });
  await add.getByRole("button", { name: "Invite person" }).click();
  await expect(add.getByRole("status").filter({ hasText: "Invited." })).toBeVisible();
  const invitation = await add.getByRole("textbox", { name: "Invitation link" }).inputValue();

  // the person accepts the invitation and signs in
  const context = await browser.newContext();
  const person = await context.newPage();
  await person.goto(invitation);
  await expect(person.getByRole("heading", { name: "Welcome to Warden" })).toBeVisible();
  await person.getByLabel("New password").fill("short");
  await person.getByRole("button", { name: "Set password" }).click();
  await expect(person.getByLabel("New password")).toHaveAccessibleDescription(/at least 12 characters/);
  await person.getByLabel("New password").fill(first);
  await person.getByRole("button", { name: "Set password" }).click();
  await expect(person.getByRole("status").filter({ hasText: "Your password is set." })).toBeVisible();
  await signIn(person, email, first);
  await expect(person).toHaveURL(/\/portal/);

  // the administrator starts a reset: a link shown once
  const row = page.getByRole("table", { name: /Users/ }).getByRole("row", { name: new RegExp(name) });
  await page.reload();
  await row.getByText("Change").click();
  const reset = page.getByRole("form", { name: `Reset ${name}'s password` });
  await reset.getByRole("button", { name: `Start a password reset for ${name}` }).click();
  await expect(reset.getByRole("status")).toContainText("It works once, for 1 hour");
  const link = await reset.getByRole("textbox", { name: "Reset link" }).inputValue();
  expect(link).toMatch(/\/reset\/[\w-]{43}$/);

  // a second browser uses it: the password changes and the first browser's session ends
  const other = await browser.newContext();
  const resetter = await other.newPage();
  await resetter.goto(link);
  await expect(resetter.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await resetter.getByLabel("New password").fill(second);
  await resetter.getByRole("button", { name: "Set password" }).click();
  await expect(resetter.getByRole("status").filter({ hasText: "Your password is set." })).toBeVisible();
  await person.goto("/portal");
  await expect(person).toHaveURL(/\/login/);

  // the link works once
  await resetter.goto(link);
  await expect(resetter.getByRole("alert").filter({ hasText: "This link has already been used." })).toBeVisible();
  await expect(resetter.getByLabel("New password")).toHaveCount(0);

  // a made-up link answers in words, not an error page
  await resetter.goto("/reset/not-a-real-token");
  await expect(resetter.getByRole("alert").filter({ hasText: "This link is not valid." })).toBeVisible();

  // the old password no longer opens the account; the new one does
  await signIn(resetter, email, first);
  await expect(
    resetter.getByRole("alert").filter({ hasText: "The email address or password is incorrect." }),
  ).toBeVisible();
  await signIn(resetter, email, second);
  await expect(resetter).toHaveURL(/\/portal/);
  await context.close();
  await other.close();
});
