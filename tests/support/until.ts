/** Waits until `check` holds (polling), or fails the test after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 30_000, everyMs = 20): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error("timed out");
}
