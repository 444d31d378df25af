import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/viewer";
import { getVisibleClient } from "@/server/data/clients";
import { listPortalIncidents } from "@/server/data/portal";
import { isStaff } from "@/domain/access/can";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge, SEVERITY_TONE } from "@/components/ui/badge";
import {
  PHASE_LABEL,
  SEVERITY_LABEL,
  TYPE_LABEL,
  type IncidentType,
  type Phase,
  type Severity,
} from "@/domain/incident/types";
import { formatInstant } from "@/lib/datetime";

export const metadata: Metadata = { title: "Client portal" };

export default async function ClientPortalPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const viewer = await requireViewer("portal:view", `/portal/${encodeURIComponent(clientId)}`);
  const client = await getVisibleClient(viewer, clientId);
  if (!client) notFound();
  const incidents = (await listPortalIncidents(viewer, client.id)) ?? [];
  const unread = incidents.flatMap((i) => i.notices).filter((n) => !n.read).length;
  const tz = client.timeZone;
  return (
    <div className="space-y-6">
      {isStaff(viewer.role) ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Preview: this is what contacts of {client.name} see.
        </p>
      ) : null}
      <div>
        <h1 className="text-2xl font-semibold">{client.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Incidents that touch your data, and the notices we sent you. Times in {tz}.
          {unread ? (
            <strong className="ml-1">
              {unread} unread notice{unread === 1 ? "" : "s"}.
            </strong>
          ) : null}
        </p>
      </div>
      {incidents.length === 0 ? (
        <EmptyState title="No incidents reported to you">
          <p>
            If an incident affects your data, you will find it here with every notice we send, and you can acknowledge
            them and ask questions.
          </p>
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {incidents.map((i) => (
            <li key={i.reference} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-base font-semibold">
                <span className="font-mono text-sm text-slate-600">{i.reference}</span> {i.title}
              </h2>
              <p className="mt-1 flex flex-wrap gap-2 text-sm">
                <Badge tone="blue">{TYPE_LABEL[i.type as IncidentType]}</Badge>
                <Badge tone={SEVERITY_TONE[i.severity]}>Severity: {SEVERITY_LABEL[i.severity as Severity]}</Badge>
                <Badge>Status: {PHASE_LABEL[i.phase as Phase]}</Badge>
                <span className="text-slate-600">We became aware {formatInstant(i.awareAt, tz)}</span>
              </p>
              <h3 className="mt-3 text-sm font-semibold">Notices</h3>
              <ul className="mt-1 divide-y divide-slate-100">
                {i.notices.map((n) => (
                  <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <Link
                      href={`/portal/${client.id}/notices/${n.id}`}
                      className={`text-brand-700 underline ${n.read ? "" : "font-semibold"}`}
                    >
                      {n.subject}
                    </Link>
                    <span className="flex items-center gap-2 text-xs text-slate-600">
                      {!n.read ? <Badge tone="amber">Unread</Badge> : null}
                      sent {formatInstant(n.sentAt, tz)} ·{" "}
                      {n.acknowledgedAt
                        ? `acknowledged ${formatInstant(n.acknowledgedAt, tz)}`
                        : n.acknowledgements[0]
                          ? `acknowledged by ${n.acknowledgements[0].name}`
                          : "not acknowledged"}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
