import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { parseEnv, parseSmtpEnv } from "@/server/env";
import { smtpTransportOptions } from "@/server/smtp-options";

const good = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/warden",
  NEXTAUTH_SECRET: "s".repeat(32),
  WARDEN_AUDIT_KEY: Buffer.alloc(32, 1).toString("base64"),
  WARDEN_MASTER_KEYS: `k1:${Buffer.alloc(32, 2).toString("base64")}`,
};
const optionsFor = (source: Record<string, string | undefined>) => smtpTransportOptions(parseSmtpEnv(source));

describe("the SMTP transport built from the configuration", () => {
  it.each([
    [{}, null],
    [
      { SMTP_URL: "smtp://mail.example.com" },
      { host: "mail.example.com", port: 587, secure: false, requireTLS: false },
    ],
    [
      { SMTP_URL: "smtp://warden:s3cret@mail.example.com:2525" },
      {
        host: "mail.example.com",
        port: 2525,
        secure: false,
        requireTLS: false,
        auth: { user: "warden", pass: "s3cret" },
      },
    ],
    [
      { SMTP_URL: "smtp://mail.example.com", SMTP_REQUIRE_TLS: "1" },
      { host: "mail.example.com", port: 587, secure: false, requireTLS: true },
    ],
    [
      { SMTP_URL: "smtp://mail.example.com", SMTP_REQUIRE_TLS: "0" },
      { host: "mail.example.com", port: 587, secure: false, requireTLS: false },
    ],
    [
      { SMTP_URL: "smtps://warden:s3cret@mail.example.com" },
      { host: "mail.example.com", port: 465, secure: true, auth: { user: "warden", pass: "s3cret" } },
    ],
    [{ SMTP_URL: "smtps://mail.example.com:2465" }, { host: "mail.example.com", port: 2465, secure: true }],
  ])("%j → %j", (source, expected) => {
    const options = optionsFor(source);
    if (expected === null) expect(options).toBeNull();
    else expect(options).toEqual(expected);
  });

  it("smtps:// never asks for STARTTLS: the connection is TLS from the first byte", () => {
    expect(optionsFor({ SMTP_URL: "smtps://mail.example.com" })).not.toHaveProperty("requireTLS");
  });

  it.each([
    [
      { SMTP_URL: "smtps://mail.example.com", SMTP_REQUIRE_TLS: "1" },
      /SMTP_REQUIRE_TLS applies to an smtp:\/\/ SMTP_URL/,
    ],
    [{ SMTP_REQUIRE_TLS: "1" }, /SMTP_REQUIRE_TLS applies to an smtp:\/\/ SMTP_URL/],
    [{ SMTP_URL: "smtp://mail.example.com", SMTP_REQUIRE_TLS: "yes" }, /SMTP_REQUIRE_TLS must be 1/],
  ])("refuses %j at start, naming the variable", (source, message) => {
    expect(() => parseEnv({ ...good, ...source })).toThrow(message);
    expect(() => parseSmtpEnv(source)).toThrow(message);
  });
});

describe("SMTP_REQUIRE_TLS against a server that offers no STARTTLS", () => {
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData: (stream, _s, done) => stream.on("end", () => done()).resume(),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (source: Record<string, string>) =>
    nodemailer
      .createTransport(optionsFor(source)!)
      .sendMail({ from: "warden@example.test", to: "dpo@example.test", subject: "s", text: "t" });

  it("sends in the clear without it, and refuses to send with it", async () => {
    await expect(send({ SMTP_URL: `smtp://127.0.0.1:${port}` })).resolves.toMatchObject({
      accepted: ["dpo@example.test"],
    });
    await expect(send({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_REQUIRE_TLS: "1" })).rejects.toThrow(/STARTTLS/);
  });
});
