import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { getOrganizationOverview } from "@/server/data/organization";
import { listVisibleClients } from "@/server/data/clients";
import { ClientTable } from "@/components/ui/client-table";
import { EmptyState } from "@/components/ui/empty-state";
import { countOpenByPhase } from "@/server/data/incidents";
import { PHASES, PHASE_LABEL } from "@/domain/incident/types";
import Link from "next/link";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const viewer = await requireViewer("dashboard:view", "/dashboard");
  const [overview, clients, openByPhase] = await Promise.all([getOrganizationOverview(viewer), listVisibleClients(viewer), countOpenByPhase(viewer)]);
  const openTotal = Object.values(openByPhase).reduce((a, b) => a + b, 0);
  const stats = [
    { label: "Clients", value: overview.clientCount },
    { label: "Staff", value: overview.staffCount },
    { label: "Client contacts", value: overview.contactCount },
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-600">{overview.name}</p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-3">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-sm text-slate-600">{s.label}</dt>
            <dd className="text-2xl font-semibold">{s.value}</dd>
          </div>
        ))}
      </dl>
      {openTotal ? (
        <section aria-labelledby="open-by-phase" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="open-by-phase" className="text-base font-semibold">Open incidents by phase ({openTotal})</h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
            {PHASES.filter((p) => p !== "CLOSED").map((p) => (
              <li key={p}>
                <Link href={`/incidents?phase=${p}`} className="block rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50">
                  <span className="block text-sm text-slate-600">{PHASE_LABEL[p]}</span>
                  <span className="block text-xl font-semibold">{openByPhase[p] ?? 0}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <EmptyState title="No open incidents">
          <p>Open incidents appear here by phase as the team logs them.</p>
        </EmptyState>
      )}
      {clients.length ? <ClientTable clients={clients} caption="Clients and their contract notice terms" /> : null}
    </div>
  );
}
