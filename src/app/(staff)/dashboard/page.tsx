import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { getOrganizationOverview } from "@/server/data/organization";
import { listVisibleClients } from "@/server/data/clients";
import { ClientTable } from "@/components/ui/client-table";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const viewer = await requireViewer("dashboard:view", "/dashboard");
  const [overview, clients] = await Promise.all([getOrganizationOverview(viewer), listVisibleClients(viewer)]);
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
      <EmptyState title="No open incidents">
        <p>Open incidents, late obligations and response times appear here as the team logs incidents.</p>
      </EmptyState>
      {clients.length ? <ClientTable clients={clients} caption="Clients and their contract notice terms" /> : null}
    </div>
  );
}
