import "server-only";
import nodemailer from "nodemailer";
import { describeError, log } from "./log";
import { parseSmtpEnv } from "./env";
import { smtpTransportOptions } from "./smtp-options";

// Outgoing mail. SMTP_URL (smtp:// with STARTTLS, SMTP_REQUIRE_TLS=1 to insist on it, or smtps://)
// chooses the server; MAIL_FROM the sender. Without SMTP_URL nothing is sent and the caller
// records the delivery as failed, saying why. Read from the environment on first use (tests
// point it at their own server), through the same validation as the start-up check.

export type Mail = {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
};
export type MailResult = { ok: true; messageId: string } | { ok: false; detail: string };

let transport: nodemailer.Transporter | null | undefined;

function transporter(): nodemailer.Transporter | null {
  if (transport !== undefined) return transport;
  const options = smtpTransportOptions(parseSmtpEnv(process.env));
  transport = options ? nodemailer.createTransport(options) : null;
  return transport;
}

export function resetMailerForTests(): void {
  transport = undefined;
}

/** Whether e-mail can go out at all (shown before a notice is sent). */
export function mailConfigured(): boolean {
  return transporter() !== null;
}

export async function sendMail(mail: Mail): Promise<MailResult> {
  const t = transporter();
  if (!t) return { ok: false, detail: "Not sent: no SMTP server configured (SMTP_URL)." };
  try {
    const info = await t.sendMail({ from: process.env.MAIL_FROM || "Warden <warden@localhost>", ...mail });
    return { ok: true, messageId: String(info.messageId) };
  } catch (error) {
    log.warn("mail.failed", describeError(error));
    return { ok: false, detail: `Not sent: ${describeError(error).errorMessage}`.slice(0, 500) };
  }
}
