import Link from "next/link";
import type { Viewer } from "@/domain/access/can";
import { can } from "@/domain/access/can";
import type { ObligationWithNotices } from "@/server/data/obligations";
import { Badge } from "@/components/ui/badge";
import { Countdown } from "@/components/ui/countdown";
import { formatInstant } from "@/lib/datetime";
import { isSettled } from "@/domain/deadlines/obligation-status";
import { SETTLED_ON_TIME_THEN, settlementTiming } from "@/domain/deadlines/terms-change";
import { workingTargetNote, workingTargetOf } from "@/domain/deadlines/working-target";
import { DecisionForm, DraftNoticeButton, FilingForm } from "./obligation-forms";
import { PendingProposal } from "./pending-proposal";
import { LazyDetails } from "@/components/ui/lazy-details";

const STATUS_LABEL: Record<string, string> = {
  PENDING: "Pending",
  NOT_REQUIRED: "Not required",
  DRAFT: "Draft",
  AWAITING_APPROVAL: "Awaiting approval",
  SENT: "Sent",
  ACKNOWLEDGED: "Acknowledged",
  FILED: "Filed",
  WAIVED: "Waived",
};

export function ObligationsSection({
  viewer,
  incident,
  obligations,
  timeZone,
  now,
}: {
  viewer: Viewer;
  incident: { id: string; clientId: string; phase: string };
  obligations: ObligationWithNotices[];
  timeZone: string;
  now: Date;
}) {
  const active = obligations.filter((o) => o.active);
  const retired = obligations.filter((o) => !o.active);
  const mayDraft = can(viewer, "notice:draft", incident);
  const mayWaive = can(viewer, "notice:approve", incident);
  return (
    <section aria-labelledby="obligations" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="obligations" className="mb-1 text-base font-semibold">
        Notification obligations
      </h2>
      <p className="mb-3 text-xs text-slate-500">
        Computed from the facts and the client&apos;s contract; recomputed whenever they change. Times in {timeZone}.
      </p>
      {active.length === 0 ? (
        <p className="text-sm text-slate-600">No notice is owed on the facts recorded so far.</p>
      ) : null}
      <ul className="space-y-3">
        {active.map((o) => {
          const settled = isSettled(o.status);
          const overdue = !settled && o.dueAt !== null && o.dueAt < now;
          const openNotice = o.notices.find((n) => n.status !== "SENT");
          const sent = o.notices.filter((n) => n.status === "SENT");
          const proposed = o.proposedById !== null;
          const target = workingTargetOf(o.basis);
          return (
            <li
              key={o.id}
              aria-label={`${o.citation}: ${o.title}`}
              className={`rounded-md border p-3 ${overdue ? "border-red-300 bg-red-50" : "border-slate-200"}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="text-sm font-medium">{o.title}</p>
                  <p className="text-xs text-slate-600">
                    {o.citation} · to {o.recipient} · owed by {o.party === "BPO" ? "us" : "the client"}
                  </p>
                </div>
                <div className="text-right text-sm">
                  <Badge
                    tone={settled ? "green" : overdue ? "red" : o.applicability === "TO_ASSESS" ? "amber" : "slate"}
                  >
                    {overdue ? "Overdue" : STATUS_LABEL[o.status]}
                    {proposed ? " · awaiting confirmation" : ""}
                    {o.applicability === "TO_ASSESS" && !settled ? " · to assess" : ""}
                  </Badge>
                  <p className="mt-1">
                    {o.dueAt ? (
                      <>
                        Due {formatInstant(o.dueAt, timeZone)} —{" "}
                        <Countdown dueAt={o.dueAt.toISOString()} settled={settled} />
                      </>
                    ) : (
                      "No due time yet"
                    )}
                  </p>
                </div>
              </div>
              <p className="mt-2 text-xs text-slate-700">{o.explanation}</p>
              {o.basis ? (
                <p className="text-xs text-slate-500">
                  Basis: {o.basis}
                  {o.ruleVersion ? ` (rule version ${o.ruleVersion.split("#")[0]})` : ""}
                </p>
              ) : null}
              {target ? (
                <p className="mt-1 text-xs font-medium text-slate-700">
                  {workingTargetNote(target)}: not a deadline in law.
                </p>
              ) : null}
              {settlementTiming(o) === "ON_TIME_UNDER_EARLIER_TERMS" && o.settledDueAt ? (
                <p className="mt-1 text-xs font-medium text-emerald-800">
                  {SETTLED_ON_TIME_THEN}: due {formatInstant(o.settledDueAt, timeZone)} when it was settled.
                </p>
              ) : null}
              {o.unconfirmed ? (
                <p className="mt-1 text-xs font-medium text-amber-800">Unconfirmed figure: {o.unconfirmed}</p>
              ) : null}
              {o.decisionReason && settled ? (
                <p className="mt-1 text-xs">
                  {STATUS_LABEL[o.status]} by {o.decidedBy?.name ?? "—"}
                  {o.confirmedBy ? `, confirmed by ${o.confirmedBy.name}` : ""}: {o.decisionReason}
                </p>
              ) : null}
              {o.filings.map((f) => (
                <p key={f.id} className="mt-1 text-xs">
                  Filed by {f.filedBy === "CLIENT" ? "the client" : "us"} {formatInstant(f.filedAt, timeZone)} — ref.{" "}
                  {f.reference}
                  {f.document ? ` (${f.document})` : ""}; recorded by {f.recordedBy.name}
                  {f.confirmedBy ? `, confirmed by ${f.confirmedBy.name}` : ""}
                </p>
              ))}
              {sent.map((n) => (
                <p key={n.id} className="mt-1 text-xs">
                  <Link href={`/incidents/${incident.id}/notices/${n.id}`} className="text-brand-700 underline">
                    Notice sent {formatInstant(n.sentAt, timeZone)}
                  </Link>{" "}
                  · approved by {n.approvedBy?.name} ·{" "}
                  {n.acknowledgements.length
                    ? `acknowledged by ${n.acknowledgements.map((a) => a.user.name).join(", ")}`
                    : "not yet acknowledged"}
                  {n._count.messages ? ` · ${n._count.messages} message(s)` : ""}
                </p>
              ))}
              <PendingProposal o={o} viewerId={viewer.userId} mayApprove={mayWaive} timeZone={timeZone} />
              {mayDraft && incident.phase !== "CLOSED" ? (
                <div className="mt-2 flex flex-wrap items-start gap-2">
                  {openNotice ? (
                    <Link
                      href={`/incidents/${incident.id}/notices/${openNotice.id}`}
                      className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
                    >
                      {openNotice.status === "DRAFT"
                        ? "Continue the draft"
                        : openNotice.status === "AWAITING_APPROVAL"
                          ? "Review the notice"
                          : "Send the approved notice"}
                    </Link>
                  ) : !settled ? (
                    <DraftNoticeButton obligationId={o.id} label="Draft notice" />
                  ) : null}
                  {proposed ? null : !settled ? (
                    <LazyDetails
                      className="rounded-md border border-slate-200 px-3 py-1.5 text-sm"
                      summary="Other decisions"
                    >
                      <div className="mt-2 space-y-4">
                        <DecisionForm obligationId={o.id} kind="NOT_REQUIRED" />
                        <FilingForm obligationId={o.id} timeZone={timeZone} />
                        {mayWaive ? <DecisionForm obligationId={o.id} kind="WAIVE" /> : null}
                      </div>
                    </LazyDetails>
                  ) : o.party === "CLIENT" && !o.filings.length ? (
                    <LazyDetails
                      className="rounded-md border border-slate-200 px-3 py-1.5 text-sm"
                      summary="Record the client's filing"
                    >
                      <div className="mt-2">
                        <FilingForm obligationId={o.id} timeZone={timeZone} />
                      </div>
                    </LazyDetails>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {retired.length ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-600">No longer applicable ({retired.length})</summary>
          <ul className="mt-2 list-disc pl-5 text-xs text-slate-600">
            {retired.map((o) => (
              <li key={o.id}>
                {o.citation}: {o.explanation}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
