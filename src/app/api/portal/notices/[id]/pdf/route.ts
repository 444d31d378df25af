import { authorize } from "@/server/viewer";
import { getPortalNotice } from "@/server/data/portal";
import { renderTextPdf } from "@/server/pdf/notice-pdf";
import { apiError } from "@/lib/api-error";
import { formatInstant } from "@/lib/datetime";

export const dynamic = "force-dynamic";

// A sent notice as PDF, for the client's contacts (and staff previewing their portal).
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("portal:view");
  if (!auth.ok) return auth.code === "UNAUTHENTICATED" ? apiError("UNAUTHENTICATED", "Sign in first.") : apiError("NOT_FOUND", "No such notice.");
  const notice = await getPortalNotice(auth.viewer, (await params).id);
  if (!notice) return apiError("NOT_FOUND", "No such notice.");
  const bytes = await renderTextPdf(notice.subject, [
    { heading: "Incident", text: `${notice.reference} - ${notice.incidentTitle}` },
    { heading: "To", text: notice.clientName },
    { heading: "Basis", text: `${notice.citation}: ${notice.obligationTitle}` },
    { heading: "Sent", text: formatInstant(notice.sentAt, "UTC") },
    ...notice.fields.map((f) => ({ heading: f.label, text: f.value || "-" })),
    { heading: "Approved content SHA-256", text: notice.contentHash, mono: true },
  ]);
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${notice.reference}-notice.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
