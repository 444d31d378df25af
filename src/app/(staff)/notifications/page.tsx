import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { listNotifications } from "@/server/data/notifications";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { formatInstant } from "@/lib/datetime";
import { MarkReadButton } from "./mark-read-button";

export const metadata: Metadata = { title: "Notifications" };

const KIND: Record<string, string> = {
  reminder: "Reminder",
  escalation: "Overdue",
  client_question: "Client question",
  approval_request: "Approval needed",
  notice_approved: "Notice approved",
  notice_returned: "Notice returned",
  obligation_confirmation: "Confirmation needed",
  obligation_confirmed: "Decision confirmed",
  obligation_rejected: "Decision rejected",
  automation: "Automation",
  automation_disabled: "Rule disabled",
};
const TONE: Record<string, "red" | "amber" | "blue" | "green"> = {
  escalation: "red",
  client_question: "amber",
  approval_request: "amber",
  notice_returned: "amber",
  notice_approved: "green",
  obligation_confirmation: "amber",
  obligation_confirmed: "green",
  obligation_rejected: "amber",
  automation_disabled: "red",
};

function hrefOf(n: { incidentId: string | null; noticeId: string | null }): string | null {
  if (!n.incidentId) return null;
  return n.noticeId ? `/incidents/${n.incidentId}/notices/${n.noticeId}` : `/incidents/${n.incidentId}`;
}

export default async function NotificationsPage() {
  const viewer = await requireViewer("incident:read", "/notifications");
  const items = await listNotifications(viewer);
  const unread = items.filter((i) => !i.readAt).length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600">
            Reminders, overdue escalations, client questions and notices to approve. {unread} unread.
          </p>
        </div>
        {unread ? <MarkReadButton /> : null}
      </div>
      {items.length ? (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((n) => {
            const href = hrefOf(n);
            return (
              <li
                key={n.id}
                className={`flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm ${n.readAt ? "" : "bg-brand-50"}`}
              >
                <span className="flex items-center gap-2">
                  <Badge tone={TONE[n.kind] ?? "blue"}>{KIND[n.kind] ?? n.kind}</Badge>
                  {href ? (
                    <Link href={href} className="text-brand-700 underline">
                      {n.message}
                    </Link>
                  ) : (
                    n.message
                  )}
                </span>
                <time className="text-xs text-slate-500">{formatInstant(n.createdAt, viewer.timeZone)}</time>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState title="Nothing yet">
          <p>
            Reminders before each notice deadline, escalations when one is missed, notices awaiting your approval and
            questions from clients appear here.
          </p>
        </EmptyState>
      )}
    </div>
  );
}
