import "server-only";
import { headers } from "next/headers";
import { env } from "../env";
import { forwardedHttps } from "../client-ip";

/** Where links in messages point: NEXTAUTH_URL, else the host this request was addressed to. */
export async function publicOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("host") ?? "";
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host))
    return `http://localhost:${process.env.PORT || 3000}`;
  return `${forwardedHttps(h) ? "https" : "http"}://${host}`;
}
