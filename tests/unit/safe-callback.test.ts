import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/safe-callback";

// Written from how browsers resolve a Location or assign(): each of these would leave the site
// (or could after one more decoding by some layer), so each goes home ("/") instead.
const leaving: unknown[] = [
  "//evil.example",
  "//evil.example/incidents",
  "///evil.example",
  "////evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d%0a/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%252F%252Fevil.example",
  "/%25252F%25252Fevil.example",
  "/%2525252F%2525252Fevil.example",
  "https://evil.example",
  "http://evil.example/incidents",
  "HTTPS://evil.example",
  "https:evil.example",
  "//evil.example@warden.test",
  "ftp://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "incidents",
  " //evil.example",
  "\u0000//evil.example",
  "/\u3000/evil.example",
  "/%E3%80%80/evil.example",
  "/%",
  "/%zz",
  "",
  `/${"a".repeat(2001)}`,
  undefined,
  null,
  42,
  ["/incidents"],
  { href: "/incidents" },
];

const staying: [string, string][] = [
  ["/", "/"],
  ["/incidents", "/incidents"],
  ["/incidents?x=1", "/incidents?x=1"],
  ["/incidents?q=a%20b&sort=due", "/incidents?q=a%20b&sort=due"],
  [
    "/incidents/6f1d6c9e-2b8e-4d1f-9b39-7d7f0c1e2a3b#timeline",
    "/incidents/6f1d6c9e-2b8e-4d1f-9b39-7d7f0c1e2a3b#timeline",
  ],
  ["/portal/abc/notices/def", "/portal/abc/notices/def"],
  ["/admin", "/admin"],
  ["/@evil.example", "/@evil.example"], // a path on this site, not a host
];

describe("after sign-in, only same-site paths are followed", () => {
  it(`has at least 30 leaving values in the table (${leaving.length})`, () => {
    expect(leaving.length).toBeGreaterThanOrEqual(30);
  });
  it.each(leaving.map((v) => [v]))("%j → home", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
  it.each(staying)("%s → %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
  it("uses the given fallback", () => {
    expect(safeCallbackPath("//evil.example", "/dashboard")).toBe("/dashboard");
  });
});

describe("next-auth's redirect callback", () => {
  const base = "https://warden.example.com";
  it.each([
    ["/incidents", `${base}/incidents`],
    [`${base}/incidents?x=1`, `${base}/incidents?x=1`],
    [base, `${base}/`],
    ["https://evil.example/", `${base}/`],
    [`${base}.evil.example/`, `${base}/`],
    [`${base}//evil.example`, `${base}/`],
    [`${base}/\\evil.example`, `${base}/`],
    ["//evil.example", `${base}/`],
  ])("%s → %s", (url, expected) => {
    expect(safeRedirectUrl(url, base)).toBe(expected);
  });
});
