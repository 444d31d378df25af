import { expect, test, type Browser } from "@playwright/test";
import { ACCOUNTS, expectNotFound, signIn } from "./support";

/** Portal URLs of every client, read from the manager's portal preview. */
async function portalLinks(browser: Browser): Promise<Record<string, string>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.manager);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/portal");
  const links = page.getByRole("main").getByRole("link");
  // the three demo clients (other tests may add clients to the shared organization)
  for (const name of ["Mercy Regional Health", "Rheinland Direktbank AG", "Harbour & Lane LLP"])
    await expect(links.filter({ hasText: name })).toHaveCount(1);
  const out: Record<string, string> = {};
  for (const link of await links.all()) out[(await link.textContent())!.trim()] = (await link.getAttribute("href"))!;
  await context.close();
  return out;
}

test("a client contact cannot open staff pages, and sees no staff navigation", async ({ page }) => {
  await signIn(page, ACCOUNTS.contactHealth);
  await expect(page).toHaveURL(/\/portal\//);
  for (const path of ["/incidents", "/dashboard", "/admin"]) {
    await page.goto(path);
    await expectNotFound(page);
    await expect(page.getByRole("link", { name: "Incidents" })).toHaveCount(0);
  }
});

test("a client contact cannot open another client's portal page", async ({ page, browser }) => {
  const links = await portalLinks(browser);
  await signIn(page, ACCOUNTS.contactHealth);
  await expect(page).toHaveURL(/\/portal\//);
  await page.goto(links["Rheinland Direktbank AG"]!);
  await expectNotFound(page);
  await expect(page.getByText("Rheinland")).toHaveCount(0);
  // a made-up id answers the same way
  await page.goto("/portal/00000000-0000-4000-8000-000000000000");
  await expectNotFound(page);
});

test("an analyst cannot open the portal of a client they are not assigned to, but can preview their own", async ({
  page,
  browser,
}) => {
  const links = await portalLinks(browser);
  await signIn(page, ACCOUNTS.analyst);
  await expect(page).toHaveURL(/\/incidents$/);
  await page.goto(links["Harbour & Lane LLP"]!);
  await expectNotFound(page);
  await page.goto(links["Mercy Regional Health"]!);
  await expect(page.getByRole("heading", { level: 1, name: "Mercy Regional Health" })).toBeVisible();
  await expect(page.getByText("Preview: this is what contacts of Mercy Regional Health see.")).toBeVisible();
});

test("an analyst cannot open the manager dashboard or administration", async ({ page }) => {
  await signIn(page, ACCOUNTS.analyst);
  await expect(page).toHaveURL(/\/incidents$/);
  for (const path of ["/dashboard", "/admin"]) {
    await page.goto(path);
    await expectNotFound(page);
  }
});

test("an unknown address shows the not-found page; an unknown API path answers JSON", async ({ page, request }) => {
  await page.goto("/no-such-page");
  await expectNotFound(page);
  const res = await request.get("/api/no-such-endpoint");
  expect(res.status()).toBe(404);
  expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "No such API endpoint." } });
});

test("the health endpoint reports the app and its database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: { status: "up" } });
});

test("a form post larger than the server accepts answers 413 with a short message, not a 500", async ({ request }) => {
  const body = Buffer.alloc(2 * 1024 * 1024, "a");
  const res = await request.post("/login", {
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
    data: body,
  });
  expect(res.status()).toBe(413);
  expect(res.headers()["content-type"]).toBe("text/plain");
  expect(await res.text()).toBe(
    "Not sent: this form is larger than the 1 MB the server accepts. Shorten the text and try again; nothing was saved.",
  );
});

test("a server action posted from another site is refused before it runs; from the site itself it runs", async ({
  browser,
}) => {
  // a session of its own: the control at the end signs it out
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.analyst, undefined, { fresh: true });
  await page.goto("/incidents");
  // the sign-out form's action id, as the page ships it (a form bound to a server action carries it in a hidden field)
  const signOutForm = page.locator("form", { has: page.getByRole("button", { name: "Sign out", exact: true }) });
  const field = await signOutForm.locator('input[type="hidden"][name^="$ACTION_ID_"]').getAttribute("name");
  const actionId = field!.slice("$ACTION_ID_".length);
  expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
  const post = (origin: string) =>
    page.request.post("/incidents", {
      headers: {
        "Next-Action": actionId,
        Origin: origin,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: "[]",
      maxRedirects: 0,
    });

  // the Origin must be the site's own (as Next checks too): refused with 403 and a message, never run
  const refused = await post("https://evil.example");
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("sent from another site");
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  // the same post from the site's own origin runs it: the session ends (so the refusal above was the origin's doing)
  const ran = await post(new URL(page.url()).origin);
  expect(ran.status()).toBeLessThan(500);
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
