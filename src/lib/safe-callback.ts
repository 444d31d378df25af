// Where to go after sign-in: only a path on this site. Anything else (another host, a
// protocol-relative "//x", a backslash that browsers read as a slash, a tab or newline that
// browsers strip before "//", any of these percent-encoded once or several times) goes to "/",
// which sends each person to their role's home.

const MAX_LENGTH = 2000;
const BASE = "http://warden.invalid";

function unsafe(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return true;
  // Backslashes, controls and unusual spaces: "/\evil", "/\t/evil" and kin.
  if (/[\\\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/u.test(path)) return true;
  try {
    const url = new URL(path, BASE);
    return url.origin !== BASE || url.username !== "" || url.password !== "";
  } catch {
    return true;
  }
}

/** The path itself when it stays on this site, in every decoding of it; otherwise `fallback`. */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  let current = value;
  for (let round = 0; round < 4; round++) {
    if (unsafe(current)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return fallback; // malformed escapes: nobody's real link
    }
    if (decoded === current) return value;
    current = decoded;
  }
  return fallback; // encoded more deeply than any link the app makes
}

/** next-auth's redirect callback: a safe path (relative, or absolute on our own origin) or home. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  let path = url;
  if (url.startsWith(`${base}/`)) path = url.slice(base.length);
  else if (url === base) path = "/";
  return `${base}${safeCallbackPath(path)}`;
}
