import { describe, expect, it } from "vitest";
import { secondFactorPath, sessionStatus, type SessionFacts } from "@/domain/access/session-status";
import { parseEnv } from "@/server/env";

const t0 = new Date("2026-12-02T08:00:00Z");
const min = 60_000;
const at = (ms: number) => new Date(t0.getTime() + ms);
const base: SessionFacts = {
  userId: "u1",
  tokenUserId: "u1",
  active: true,
  revokedAt: null,
  expiresAt: at(12 * 60 * min),
  lastSeenAt: t0,
  idleTimeoutS: 30 * 60,
  mfaVerifiedAt: t0,
  mfaEnrolled: true,
  mfaRequired: true,
};

describe("whether a session stands", () => {
  it.each<[string, Partial<SessionFacts> | null, number, ReturnType<typeof sessionStatus>]>([
    ["no row", null, 0, "missing"],
    ["a row of another user (a forged pairing)", { tokenUserId: "u2" }, 0, "missing"],
    ["ended on the server", { revokedAt: t0 }, 0, "revoked"],
    ["the user disabled", { active: false }, 0, "revoked"],
    ["used 29 minutes ago", {}, 29 * min, "complete"],
    ["unused for 30 minutes (idle)", {}, 30 * min, "idle"],
    ["used recently but past its absolute end", { lastSeenAt: at(12 * 60 * min - min) }, 12 * 60 * min, "expired"],
    ["password only, authenticator enrolled", { mfaVerifiedAt: null }, 0, "needs_code"],
    [
      "password only, no authenticator, role requires one",
      { mfaVerifiedAt: null, mfaEnrolled: false },
      0,
      "needs_enrolment",
    ],
    [
      "password only, no authenticator, role does not require one",
      { mfaVerifiedAt: null, mfaEnrolled: false, mfaRequired: false },
      0,
      "complete",
    ],
    [
      "password only, authenticator enrolled though not required",
      { mfaVerifiedAt: null, mfaRequired: false },
      0,
      "needs_code",
    ],
    ["ended and idle: ended wins", { revokedAt: t0 }, 60 * min, "revoked"],
  ])("%s", (_case, patch, afterMs, expected) => {
    expect(sessionStatus(patch === null ? null : { ...base, ...patch }, at(afterMs))).toBe(expected);
  });

  it("sends a session owing a factor to its step", () => {
    expect(secondFactorPath("needs_code")).toBe("/login/verify");
    expect(secondFactorPath("needs_enrolment")).toBe("/login/enrol");
    expect(secondFactorPath("complete")).toBeNull();
    expect(secondFactorPath("revoked")).toBeNull();
  });
});

describe("session settings", () => {
  const good = {
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/warden",
    NEXTAUTH_SECRET: "s".repeat(32),
    WARDEN_AUDIT_KEY: Buffer.alloc(32, 1).toString("base64"),
    WARDEN_MASTER_KEYS: `k1:${Buffer.alloc(32, 2).toString("base64")}`,
  };

  it("default to 30 minutes idle and 12 hours in all", () => {
    expect(parseEnv(good)).toMatchObject({ SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12 });
    expect(parseEnv({ ...good, SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: "8" })).toMatchObject({
      SESSION_IDLE_MINUTES: 15,
      SESSION_MAX_HOURS: 8,
    });
  });

  it.each([
    [{ SESSION_IDLE_MINUTES: "0" }, /SESSION_IDLE_MINUTES/],
    [{ SESSION_IDLE_MINUTES: "ten" }, /SESSION_IDLE_MINUTES/],
    [{ SESSION_MAX_HOURS: "1.5" }, /SESSION_MAX_HOURS/],
    [
      { SESSION_IDLE_MINUTES: "120", SESSION_MAX_HOURS: "1" },
      /SESSION_IDLE_MINUTES must not be longer than SESSION_MAX_HOURS/,
    ],
    [{ MFA_ENCRYPTION_KEY: "too-short" }, /MFA_ENCRYPTION_KEY must be 32 random bytes/],
  ])("refuse %j, naming the variable", (patch, message) => {
    expect(() => parseEnv({ ...good, ...patch })).toThrow(message);
  });

  it("take a 32-byte MFA_ENCRYPTION_KEY", () => {
    expect(
      parseEnv({ ...good, MFA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") }).MFA_ENCRYPTION_KEY,
    ).toBeDefined();
  });
});
