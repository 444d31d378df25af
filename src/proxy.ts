import { NextResponse, type NextRequest } from "next/server";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, newNonce } from "@/lib/content-security-policy";

/**
 * Gives every page a Content-Security-Policy with a fresh script nonce, and HSTS when the site is
 * served over https. Next.js reads the policy from the request to stamp the nonce on the scripts
 * it renders; the browser gets the same policy on the response. It guards nothing else: access
 * is checked by each page, action and route handler.
 */
export function proxy(request: NextRequest) {
  const https = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  const policy = contentSecurityPolicy({ nonce: newNonce(), https, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Decided here rather than in next.config.ts, whose headers are fixed at build time: the same
  // image may be built without NEXTAUTH_URL and started behind https.
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // pages only: route handlers answer files and JSON, static assets carry no script
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
