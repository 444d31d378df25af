import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";

const good = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/warden",
  NEXTAUTH_SECRET: "s".repeat(32),
  WARDEN_AUDIT_KEY: Buffer.alloc(32, 1).toString("base64"),
  WARDEN_MASTER_KEYS: `k1:${Buffer.alloc(32, 2).toString("base64")}`,
};

describe("configuration", () => {
  it("takes the audit key in base64 or base64url", () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i)); // encodes with + and / (or - and _)
    expect(parseEnv({ ...good, WARDEN_AUDIT_KEY: bytes.toString("base64") }).WARDEN_AUDIT_KEY).toBe(
      bytes.toString("base64"),
    );
    expect(parseEnv({ ...good, WARDEN_AUDIT_KEY: bytes.toString("base64url") }).WARDEN_AUDIT_KEY).toBe(
      bytes.toString("base64url"),
    );
  });

  it("accepts a complete configuration and fills defaults", () => {
    expect(parseEnv(good)).toMatchObject({ DATABASE_POOL_MAX: 10, LOG_LEVEL: "info" });
  });

  it.each([
    [{ ...good, DATABASE_URL: undefined }, /DATABASE_URL is required/],
    [{ ...good, DATABASE_URL: "" }, /DATABASE_URL is required/],
    [{ ...good, DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ ...good, NEXTAUTH_SECRET: undefined }, /NEXTAUTH_SECRET is required/],
    [{ ...good, NEXTAUTH_SECRET: "short" }, /NEXTAUTH_SECRET must be at least 32 characters/],
    [{ ...good, NEXTAUTH_URL: "localhost" }, /NEXTAUTH_URL must be an absolute URL/],
    [{ ...good, DATABASE_POOL_MAX: "0" }, /DATABASE_POOL_MAX/],
    [{ ...good, SMTP_URL: "mail.example.com" }, /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ ...good, REMINDER_THRESHOLDS: "50,90" }, /REMINDER_THRESHOLDS must be fractions/],
    [
      { ...good, WARDEN_AUDIT_KEY: undefined },
      /WARDEN_AUDIT_KEY is required \(32\+ random bytes in base64 or base64url \(`openssl rand -base64 32`\)\)/,
    ],
    [
      { ...good, WARDEN_AUDIT_KEY: Buffer.alloc(31, 1).toString("base64") },
      /WARDEN_AUDIT_KEY must be 32\+ random bytes/,
    ],
    [
      { ...good, WARDEN_AUDIT_KEY: "not base64 at all, but long enough to be 32 bytes!!" },
      /WARDEN_AUDIT_KEY must be 32\+ random bytes/,
    ],
    [{ ...good, WARDEN_MASTER_KEYS: undefined }, /WARDEN_MASTER_KEYS is required/],
    [
      { ...good, WARDEN_MASTER_KEYS: Buffer.alloc(32, 2).toString("base64") },
      /WARDEN_MASTER_KEYS entry 1 must start with a key id/,
    ],
    [
      { ...good, WARDEN_MASTER_KEYS: `k1:${Buffer.alloc(16, 2).toString("base64")}` },
      /WARDEN_MASTER_KEYS key "k1" must be 32 random bytes/,
    ],
    [
      {
        ...good,
        WARDEN_MASTER_KEYS: `k1:${Buffer.alloc(32, 2).toString("base64")},k1:${Buffer.alloc(32, 3).toString("base64")}`,
      },
      /WARDEN_MASTER_KEYS key id "k1" is listed twice/,
    ],
  ])("refuses %j, naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
