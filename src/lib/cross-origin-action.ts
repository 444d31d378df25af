// A form posted to a page from another site (every POST to a page is a server action: with the
// Next-Action header from the app's script, or as a plain form with its action id in the body): refused in the proxy with 403 and a message, before
// Next's own check (which refuses it too, but answers 500). The same rule as Next's: the Origin's
// host must be the host the request was sent to (the forwarded host behind a proxy); a post
// without an Origin (older browsers, non-browser clients) is left to Next, which lets it through
// as it always has: CSRF needs a browser, and browsers send Origin on POST.

export const CROSS_ORIGIN_MESSAGE =
  "This form was sent from another site, so nothing was done. Open Warden itself and try again.";

export function isCrossOriginAction(req: {
  method: string;
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
}): boolean {
  if (req.method !== "POST" || !req.origin) return false;
  let originHost: string;
  try {
    originHost = new URL(req.origin).host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage: not this site
  }
  const expected = (req.forwardedHost?.split(",")[0]?.trim() || req.host || "").toLowerCase();
  return originHost.toLowerCase() !== expected;
}
