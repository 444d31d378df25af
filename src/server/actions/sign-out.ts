"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

/**
 * Ends the session by expiring next-auth's session cookie (every chunk of it, under the name
 * it was set with). A server action, so the button works before the page's script has loaded.
 */
export async function signOut(): Promise<never> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!/(^|__Secure-)next-auth\.session-token(\.\d+)?$/.test(name)) continue;
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  redirect("/login");
}
