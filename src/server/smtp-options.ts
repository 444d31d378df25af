import { parseConnectionUrl } from "nodemailer/lib/shared";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { Env } from "./env";

/**
 * The SMTP transport Warden builds from its configuration, or null when no server is set.
 * smtps:// is TLS from the first byte (port 465 unless given); smtp:// upgrades with STARTTLS
 * when the server offers it, and with SMTP_REQUIRE_TLS refuses to send if it does not.
 */
export function smtpTransportOptions(
  settings: Pick<Env, "SMTP_URL" | "SMTP_REQUIRE_TLS">,
): SMTPTransport.Options | null {
  if (!settings.SMTP_URL) return null;
  const options: SMTPTransport.Options = parseConnectionUrl(settings.SMTP_URL);
  if (options.secure) return { ...options, port: options.port ?? 465 };
  return { ...options, port: options.port ?? 587, secure: false, requireTLS: settings.SMTP_REQUIRE_TLS };
}
