import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";

const good = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/warden", NEXTAUTH_SECRET: "s".repeat(32) };

describe("configuration", () => {
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
  ])("refuses %j, naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
