/**
 * The Content-Security-Policy of every page. Scripts run only from this origin or with the
 * request's nonce (Next.js stamps the nonce on its own inline scripts when it finds it in the
 * request's policy), so an injected <script> or event handler does not run. Styles allow inline
 * attributes: React style props and the charts' SVG set them, and they cannot run code.
 * Development needs 'unsafe-eval' for React's error overlay; production never does.
 */
export function contentSecurityPolicy(opts: { nonce: string; https: boolean; development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** HSTS for a site served over https: a year, subdomains included. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
