import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { listVisibleClients } from "@/server/data/clients";
import { listAlertQueue } from "@/server/data/alerts";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertFilters } from "./alert-filters";
import { AlertQueueTable } from "./alert-queue-table";
import { QueueTabs } from "./queue-tabs";
import { parseAlertQueueQuery, QUEUE_TAB_LABEL } from "@/lib/validation/alert-queue";
import { formatInstant } from "@/lib/datetime";

export const metadata: Metadata = { title: "Alerts" };

const DECIDED: Record<string, string> = { dismissed: "The alert was dismissed." };

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("alert:triage", "/alerts");
  const params = await searchParams;
  const query = parseAlertQueueQuery(params);
  const now = new Date();
  const [clients, queue] = await Promise.all([listVisibleClients(viewer), listAlertQueue(viewer, query, now)]);
  const decided = typeof params.decided === "string" ? DECIDED[params.decided] : undefined;
  const at = (d: Date) => formatInstant(d, viewer.timeZone);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Alerts</h1>
        <p className="mt-1 text-sm text-slate-600">
          Alerts from your clients&apos; monitoring, DLP and SIEM tools, the most severe first and, within a severity,
          the longest waiting first. Times in {viewer.timeZone}.
        </p>
      </div>
      {decided ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {decided}
        </p>
      ) : null}
      <QueueTabs query={query} counts={queue.counts} />
      <AlertFilters query={query} clients={clients.map((c) => [c.id, c.name] as const)} sources={queue.sources} />
      {queue.rows.length ? (
        <AlertQueueTable
          caption={`${QUEUE_TAB_LABEL[query.tab]} alerts`}
          rows={queue.rows.map((r) => ({
            id: r.id,
            title: r.title,
            source: r.source,
            clientName: r.clientName,
            severity: r.severity,
            status: r.status,
            count: r.count,
            received: at(r.receivedAt),
            lastSeen: r.count > 1 ? at(r.lastSeenAt) : null,
            incident: r.incident,
          }))}
        />
      ) : (
        <EmptyState title="No alerts here">
          {query.tab === "open" ? "Nothing waits for triage with these filters." : "No alert matches these filters."}{" "}
          <Link href="/alerts" className="text-brand-700 underline">
            Show everything to triage
          </Link>
        </EmptyState>
      )}
      {queue.truncated ? (
        <p className="text-sm text-slate-600">
          Showing the first {queue.rows.length}; narrow the filters to see the rest.
        </p>
      ) : null}
    </div>
  );
}
