import "server-only";
import { sendMail } from "../../mailer";

/** Sends a password link; false when there is no SMTP server or it refused (the caller then shows the link). */
export async function mailPasswordLink(
  to: string,
  purpose: "RESET" | "INVITATION",
  link: string,
  organization: string,
): Promise<boolean> {
  const text =
    purpose === "INVITATION"
      ? `You have been invited to Warden by ${organization}.\n\nChoose your password here (the link works once, for 7 days):\n${link}\n\nIf you did not expect this, ignore this message.`
      : `An administrator of ${organization} started a password reset for your Warden account.\n\nChoose a new password here (the link works once, for 1 hour):\n${link}\n\nIf you did not expect this, tell your administrator.`;
  const subject = purpose === "INVITATION" ? "Your Warden invitation" : "Reset your Warden password";
  const result = await sendMail({ to, subject, text });
  return result.ok;
}
