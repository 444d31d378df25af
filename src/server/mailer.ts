import "server-only";
import nodemailer from "nodemailer";
import { describeError, log } from "./log";

// Outgoing mail. SMTP_URL (smtp://user:pass@host:port) chooses the server; MAIL_FROM the sender.
// Without SMTP_URL nothing is sent and the caller records the delivery as failed, saying why.

export type Mail = { to: string; subject: string; text: string };
export type MailResult = { ok: true; messageId: string } | { ok: false; detail: string };

let transport: nodemailer.Transporter | null | undefined;

function transporter(): nodemailer.Transporter | null {
  if (transport !== undefined) return transport;
  const url = process.env.SMTP_URL;
  transport = url ? nodemailer.createTransport(url) : null;
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
