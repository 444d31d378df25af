import { describe, expect, it } from "vitest";
import { isCrossOriginAction } from "@/lib/cross-origin-action";

const base = { method: "POST", origin: "https://warden.example", host: "warden.example", forwardedHost: null };

describe("a server action from another site", () => {
  it.each([
    ["another site", { origin: "https://evil.example" }, true],
    ["a look-alike subdomain", { origin: "https://warden.example.evil.example" }, true],
    ["another port", { origin: "https://warden.example:8443" }, true],
    ["an opaque origin", { origin: "null" }, true],
    ["the site itself", {}, false],
    ["the site, in other letter case", { origin: "https://Warden.Example" }, false],
    ["the site behind a proxy", { host: "10.0.0.5:3000", forwardedHost: "warden.example" }, false],
    [
      "another site behind a proxy",
      { host: "10.0.0.5:3000", forwardedHost: "warden.example", origin: "https://evil.example" },
      true,
    ],
    ["no Origin (left to Next)", { origin: null }, false],
    ["a GET", { method: "GET", origin: "https://evil.example" }, false],
  ])("%s", (_name, patch, refused) => {
    expect(isCrossOriginAction({ ...base, ...patch })).toBe(refused);
  });
});
