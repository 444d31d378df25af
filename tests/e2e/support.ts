import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "warden-demo-2026";

export const ACCOUNTS = {
  admin: "admin@warden.test",
  manager: "manager@warden.test",
  analyst: "analyst@warden.test",
  contactHealth: "contact@mercy-health.test",
  contactBank: "contact@rheinland-direktbank.test",
} as const;

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectNotFound(page: Page) {
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}
