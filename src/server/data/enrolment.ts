import "server-only";
import QRCode from "qrcode";
import { startEnrolment } from "../services/mfa/enrolment";
import { groupedSecret, totpUri } from "@/domain/mfa/totp";

export type EnrolmentView = { secret: string; qrDataUrl: string; sealed: string };

/** What the enrolment page shows: a fresh secret (grouped to type), its QR code, and the sealed copy the form returns. Writes nothing. */
export async function enrolmentView(sessionId: string, email: string): Promise<EnrolmentView> {
  const { secret, sealed } = startEnrolment(sessionId);
  const svg = await QRCode.toString(totpUri(secret, email, "Warden"), {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
  return {
    secret: groupedSecret(secret),
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    sealed,
  };
}
