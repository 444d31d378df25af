import { NextResponse, type NextRequest } from "next/server";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, newNonce } from "@/lib/content-security-policy";
import { ACTION_TOO_LARGE_MESSAGE, actionBodyVerdict, exceedsLimit } from "@/lib/action-body-limit";
import { CROSS_ORIGIN_MESSAGE, isCrossOriginAction } from "@/lib/cross-origin-action";

/**
 * A form post (server action) past the size the server accepts: 413 with a short message instead
 * of Next's 500. Exactly text/plain, which the app's action client hands to the form as the error.
 */
function tooLarge() {
  return new NextResponse(ACTION_TOO_LARGE_MESSAGE, {
    status: 413,
    headers: { "content-type": "text/plain", "cache-control": "no-store" },
  });
}

/**
 * Gives every page a Content-Security-Policy with a fresh script nonce, and HSTS when the site is
 * served over https. Next.js reads the policy from the request to stamp the nonce on the scripts
 * it renders; the browser gets the same policy on the response. It refuses a form post larger
 * than the server accepts (413), and a form post from another site (403). It guards nothing else: access is checked by each page, action
 * and route handler.
 */
export async function proxy(request: NextRequest) {
  const h = request.headers;
  if (
    isCrossOriginAction({
      method: request.method,
      origin: h.get("origin"),
      host: h.get("host"),
      forwardedHost: h.get("x-forwarded-host"),
    })
  ) {
    return new NextResponse(CROSS_ORIGIN_MESSAGE, {
      status: 403,
      headers: { "content-type": "text/plain", "cache-control": "no-store" },
    });
  }
  const verdict = actionBodyVerdict({ method: request.method, contentLength: request.headers.get("content-length") });
  if (verdict === "too-large") return tooLarge();
  // Without a declared length (chunked), count: the proxy reads its own copy of the body, which
  // Next keeps for the action, and stops reading as soon as it is past the limit.
  if (verdict === "count" && (await exceedsLimit(request.body))) return tooLarge();
  const https = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    https,
    development: process.env.NODE_ENV === "development",
  });
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
