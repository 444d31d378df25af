import { describe, expect, it } from "vitest";
import { demoDecision, isLoopback, demoPresentRefusal } from "../../scripts/lib/demo-guard";

describe("the demo organization is created only on a loopback server", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.20", false],
    ["10.0.0.1", false],
    ["warden.example.com", false],
    ["", false],
  ])("%s is loopback: %s", (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  it("seeds on loopback, refuses elsewhere with the reason, and warns when told to anyway", () => {
    expect(demoDecision(true, "127.0.0.1", false)).toEqual({ seed: true, message: null });
    expect(demoDecision(true, "0.0.0.0", false)).toEqual({
      seed: false,
      message: expect.stringContaining("WARDEN_DEMO_ON_NETWORK=1"),
    });
    expect(demoDecision(true, "0.0.0.0", true)).toEqual({
      seed: true,
      message: expect.stringMatching(/^WARNING: .*public/),
    });
    expect(demoDecision(false, "0.0.0.0", true)).toEqual({ seed: false, message: null });
  });
});

describe("a demo organization already in the database", () => {
  it("stops a start on a network address unless allowed; loopback and an empty database start", () => {
    expect(demoPresentRefusal(true, "0.0.0.0", false)).toMatch(
      /^refusing to listen on 0\.0\.0\.0: this database holds the demo organization/,
    );
    expect(demoPresentRefusal(true, "192.0.2.10", false)).toMatch(/WARDEN_DEMO_ON_NETWORK=1/);
    expect(demoPresentRefusal(true, "0.0.0.0", true)).toBeNull();
    expect(demoPresentRefusal(true, "127.0.0.1", false)).toBeNull();
    expect(demoPresentRefusal(false, "0.0.0.0", false)).toBeNull();
  });
});
