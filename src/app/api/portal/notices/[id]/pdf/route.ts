import { authorize } from "@/server/viewer";
import { getPortalNotice } from "@/server/data/portal";
import { renderPdf } from "@/server/pdf/render-pdf";
import { noticeDocument } from "@/domain/reports/notice-document";
import { apiError } from "@/lib/api-error";
import { recordDownload } from "@/server/read-log";
import { formatInstantWithUtc } from "@/lib/datetime";
import { withApiErrors } from "@/server/api-handler";

export const dynamic = "force-dynamic";

// A sent notice as PDF, for the client's contacts (and staff previewing their portal): a client
// document, so its times are in the client's zone (UTC beside them), whoever downloads it.
async function handleGET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("portal:view");
  if (!auth.ok)
    return auth.code === "UNAUTHENTICATED"
      ? apiError("UNAUTHENTICATED", "Sign in first.")
      : apiError("NOT_FOUND", "No such notice.");
  const notice = await getPortalNotice(auth.viewer, (await params).id);
  if (!notice) return apiError("NOT_FOUND", "No such notice.");
  const refused = await recordDownload(
    auth.viewer,
    { kind: "notice.pdf", targetType: "Notice", targetId: notice.id },
    req,
  );
  if (refused) return refused;
  const bytes = await renderPdf(
    noticeDocument({
      ...notice,
      sentAt: formatInstantWithUtc(notice.sentAt, notice.clientTimeZone),
      timeZone: notice.clientTimeZone,
    }),
  );
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${notice.reference}-notice.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}

export const GET = withApiErrors("/api/portal/notices/[id]/pdf GET", handleGET);
