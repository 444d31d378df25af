import { afterAll, beforeAll } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { resetMailerForTests } from "@/server/mailer";

export type CaughtMail = { to: string[]; body: string };

/**
 * A real SMTP listener on loopback for the tests of this file: the mailer talks SMTP to it like
 * to any server (SMTP_URL points at it while the file runs). Returns the list mail lands in.
 */
export function catchMail(): CaughtMail[] {
  const received: CaughtMail[] = [];
  let smtp: SMTPServer;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let body = "";
        stream.on("data", (c: Buffer) => (body += c.toString()));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    resetMailerForTests();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetMailerForTests();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
  return received;
}
