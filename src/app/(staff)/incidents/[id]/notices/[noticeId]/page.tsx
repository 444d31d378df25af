import type { Metadata } from "next";
import { workingTargetLine } from "@/domain/deadlines/working-target";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/viewer";
import { getNoticeForStaff } from "@/server/data/obligations";
import { can } from "@/domain/access/can";
import { noticeHash } from "@/domain/notices/notice-content";
import { parseId } from "@/lib/validation/ids";
import { formatInstant } from "@/lib/datetime";
import { Badge } from "@/components/ui/badge";
import { Countdown } from "@/components/ui/countdown";
import { destinationsOf } from "@/server/data/notice-destinations";
import { NoticeEditor, ReviewForm, SendForm, WithdrawForm } from "./notice-forms";
import { MessageForm } from "@/components/notice/message-form";

export const metadata: Metadata = { title: "Notice" };

const STATUS: Record<string, string> = {
  DRAFT: "Draft",
  AWAITING_APPROVAL: "Awaiting approval",
  APPROVED: "Approved",
  SENT: "Sent",
};

export default async function NoticePage({ params }: { params: Promise<{ id: string; noticeId: string }> }) {
  const { id, noticeId } = await params;
  const viewer = await requireViewer(
    "notice:draft",
    `/incidents/${encodeURIComponent(id)}/notices/${encodeURIComponent(noticeId)}`,
  );
  const incidentId = parseId(id);
  const nId = parseId(noticeId);
  const notice = incidentId && nId ? await getNoticeForStaff(viewer, incidentId, nId) : null;
  if (!notice) notFound();
  const tz = viewer.timeZone;
  const fields = notice.fields;
  const frozen = notice.contentHash !== null;
  const intact = frozen && noticeHash({ subject: notice.subject, fields }) === notice.contentHash;
  const mayApprove = can(viewer, "notice:approve", notice.incident) && notice.draftedById !== viewer.userId;
  const destinations = notice.status === "APPROVED" ? await destinationsOf(notice) : null;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/incidents" className="text-brand-700 underline">
          Incidents
        </Link>{" "}
        /{" "}
        <Link href={`/incidents/${notice.incident.id}`} className="text-brand-700 underline">
          {notice.incident.reference}
        </Link>{" "}
        / Notice
      </nav>
      <header>
        <p className="text-sm text-slate-600">
          {notice.obligation.citation} · to {notice.incident.client.name}
        </p>
        <h1 className="text-2xl font-semibold">{notice.obligation.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={notice.status === "SENT" ? "green" : notice.status === "APPROVED" ? "blue" : "amber"}>
            {STATUS[notice.status]}
          </Badge>
          <span>Drafted by {notice.draftedBy.name}</span>
          {notice.approvedBy ? (
            <span>
              · approved by {notice.approvedBy.name} {formatInstant(notice.approvedAt, tz)}
            </span>
          ) : null}
          {notice.sentAt ? <span>· sent {formatInstant(notice.sentAt, tz)}</span> : null}
        </p>
        {notice.obligation.dueAt && !notice.sentAt ? (
          <p className="mt-1 text-sm">
            The obligation is due {formatInstant(notice.obligation.dueAt, tz)} —{" "}
            <Countdown dueAt={notice.obligation.dueAt.toISOString()} />
            {workingTargetLine(notice.obligation.basis) ? (
              <span className="block text-xs text-slate-600">{workingTargetLine(notice.obligation.basis)}</span>
            ) : null}
          </p>
        ) : null}
        {frozen ? (
          <p className={`mt-2 break-all font-mono text-xs ${intact ? "text-slate-600" : "font-semibold text-red-700"}`}>
            SHA-256 {notice.contentHash}{" "}
            {intact
              ? "(the text below matches the approved version)"
              : "— THE TEXT NO LONGER MATCHES ITS APPROVED HASH"}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="content" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="content" className="mb-3 text-base font-semibold">
          Content
        </h2>
        {notice.status === "DRAFT" ? (
          <p className="mb-3 text-sm text-slate-600">
            Everything here is what {notice.incident.client.name} will read. It was prefilled from the incident&apos;s
            client-facing description and facts, never from the internal description; times are in the client&apos;s
            zone ({notice.incident.client.timeZone}) with UTC beside.
          </p>
        ) : null}
        {notice.status === "DRAFT" ? (
          <NoticeEditor noticeId={notice.id} version={notice.version} subject={notice.subject} fields={fields} />
        ) : (
          <article className="space-y-3 text-sm">
            <p className="font-medium">{notice.subject}</p>
            {fields.map((f) => (
              <div key={f.key}>
                <h3 className="text-xs font-semibold uppercase text-slate-500">{f.label}</h3>
                <p className="whitespace-pre-wrap">{f.value}</p>
              </div>
            ))}
          </article>
        )}
      </section>

      {notice.status === "AWAITING_APPROVAL" ? (
        <section aria-labelledby="review" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="review" className="mb-3 text-base font-semibold">
            Four-eyes review
          </h2>
          {mayApprove ? (
            <ReviewForm noticeId={notice.id} />
          ) : (
            <p className="text-sm text-slate-600">
              {notice.draftedById === viewer.userId
                ? "You drafted this notice: another manager must approve it."
                : "Waiting for a manager to approve it."}
            </p>
          )}
          {notice.draftedById === viewer.userId ? (
            <div className="mt-4 border-t border-slate-200 pt-4">
              <WithdrawForm noticeId={notice.id} />
            </div>
          ) : null}
        </section>
      ) : null}

      {notice.status === "APPROVED" ? (
        <section aria-labelledby="send" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="send" className="mb-3 text-base font-semibold">
            Send
          </h2>
          {destinations ? (
            <SendForm
              noticeId={notice.id}
              destinations={{
                emails: destinations.emails,
                mail: destinations.mail,
                fingerprint: destinations.fingerprint,
                clientName: notice.incident.client.name,
              }}
            />
          ) : null}
        </section>
      ) : null}

      {notice.status === "SENT" ? (
        <>
          <section aria-labelledby="delivery" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="delivery" className="mb-3 text-base font-semibold">
              Delivery and acknowledgement
            </h2>
            <ul className="space-y-1 text-sm">
              {notice.deliveries.map((d) => (
                <li key={d.id}>
                  {d.channel === "PORTAL" ? "Portal" : `E-mail to ${d.recipient}`}: {d.status.toLowerCase()}{" "}
                  {formatInstant(d.at, tz)}
                  {d.detail && d.status === "FAILED" ? ` — ${d.detail}` : ""}
                </li>
              ))}
              {notice.acknowledgements.map((a) => (
                <li key={a.id} className="font-medium text-emerald-800">
                  Acknowledged by {a.user.name}, {formatInstant(a.at, tz)}
                </li>
              ))}
              {notice.acknowledgements.length === 0 ? <li className="text-slate-600">Not acknowledged yet.</li> : null}
            </ul>
          </section>
          <section aria-labelledby="thread" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="thread" className="mb-3 text-base font-semibold">
              Questions from the client
            </h2>
            <ol className="mb-4 space-y-3 text-sm">
              {notice.messages.map((m) => (
                <li
                  key={m.id}
                  className={
                    m.author.role === "CLIENT_CONTACT" ? "rounded-md bg-amber-50 p-2" : "rounded-md bg-slate-50 p-2"
                  }
                >
                  <p className="text-xs text-slate-500">
                    {m.author.name}
                    {m.author.role === "CLIENT_CONTACT" ? " (client)" : ""} · {formatInstant(m.createdAt, tz)}
                  </p>
                  <p className="whitespace-pre-wrap">{m.body}</p>
                </li>
              ))}
              {notice.messages.length === 0 ? <li className="text-slate-600">No questions yet.</li> : null}
            </ol>
            <MessageForm noticeId={notice.id} label="Answer the client" button="Send answer" />
          </section>
        </>
      ) : null}
    </div>
  );
}
