import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/viewer";
import { getVisibleClient } from "@/server/data/clients";
import { listPortalIncidents } from "@/server/data/portal";
import { can } from "@/domain/access/can";
import { recordView } from "@/server/read-log";
import { formatInstant } from "@/lib/datetime";
import { AcknowledgeForm } from "@/components/notice/acknowledge-form";
import { MessageForm } from "@/components/notice/message-form";
import { MarkNoticeRead } from "@/components/notice/mark-notice-read";

export const metadata: Metadata = { title: "Notice" };

export default async function PortalNoticePage({
  params,
}: {
  params: Promise<{ clientId: string; noticeId: string }>;
}) {
  const { clientId, noticeId } = await params;
  const viewer = await requireViewer(
    "portal:view",
    `/portal/${encodeURIComponent(clientId)}/notices/${encodeURIComponent(noticeId)}`,
  );
  const client = await getVisibleClient(viewer, clientId);
  if (!client) notFound();
  const incidents = (await listPortalIncidents(viewer, client.id)) ?? [];
  const incident = incidents.find((i) => i.notices.some((n) => n.id === noticeId));
  const notice = incident?.notices.find((n) => n.id === noticeId);
  if (!incident || !notice) notFound();
  // the access log (best effort, see read-log.ts); apart from the notice's "read" mark, which
  // the client posts once the notice is on screen
  await recordView(viewer, { kind: "notice.view", targetType: "Notice", targetId: notice.id, clientId: client.id });
  const tz = client.timeZone;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {!notice.read ? <MarkNoticeRead noticeId={notice.id} /> : null}
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/portal/${client.id}`} className="text-brand-700 underline">
          {client.name}
        </Link>{" "}
        / {incident.reference}
      </nav>
      <header>
        <p className="text-sm text-slate-600">
          {incident.reference} · {incident.title} · {notice.citation}
        </p>
        <h1 className="text-2xl font-semibold">{notice.subject}</h1>
        <p className="mt-1 text-sm text-slate-600">Sent {formatInstant(notice.sentAt, tz)}</p>
      </header>
      <article aria-label="Notice" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {notice.fields.map((f) => (
          <div key={f.key}>
            <h2 className="text-xs font-semibold uppercase text-slate-500">{f.label}</h2>
            <p className="whitespace-pre-wrap">{f.value}</p>
          </div>
        ))}
        <p className="break-all border-t border-slate-100 pt-2 font-mono text-xs text-slate-500">
          SHA-256 {notice.contentHash} —{" "}
          {notice.verified
            ? "this text is exactly the approved version"
            : "WARNING: this text does not match the approved version"}
        </p>
        <a href={`/api/portal/notices/${notice.id}/pdf`} className="inline-block text-sm text-brand-700 underline">
          Download as PDF
        </a>
      </article>

      <section aria-labelledby="ack" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ack" className="mb-2 text-base font-semibold">
          Acknowledgement
        </h2>
        {notice.acknowledgedAt ? (
          <p className="text-sm text-emerald-800">
            You acknowledged receipt on {formatInstant(notice.acknowledgedAt, tz)}.
          </p>
        ) : can(viewer, "portal:acknowledge") ? (
          <AcknowledgeForm noticeId={notice.id} />
        ) : (
          <p className="text-sm text-slate-600">
            {notice.acknowledgements.length
              ? `Acknowledged by ${notice.acknowledgements.map((a) => a.name).join(", ")}.`
              : "Not acknowledged yet."}
          </p>
        )}
      </section>

      <section aria-labelledby="questions" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="questions" className="mb-2 text-base font-semibold">
          Questions
        </h2>
        <ol className="mb-4 space-y-3 text-sm">
          {notice.messages.map((m) => (
            <li key={m.id} className={m.fromClient ? "rounded-md bg-slate-50 p-2" : "rounded-md bg-brand-50 p-2"}>
              <p className="text-xs text-slate-500">
                {m.author}
                {m.fromClient ? "" : " (service provider)"} · {formatInstant(m.at, tz)}
              </p>
              <p className="whitespace-pre-wrap">{m.body}</p>
            </li>
          ))}
          {notice.messages.length === 0 ? <li className="text-slate-600">No questions yet.</li> : null}
        </ol>
        {can(viewer, "portal:ask") ? (
          <MessageForm noticeId={notice.id} label="Ask a question about this notice" button="Send question" />
        ) : null}
      </section>
    </div>
  );
}
