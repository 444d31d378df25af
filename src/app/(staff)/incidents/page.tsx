import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { listVisibleClients } from "@/server/data/clients";
import { EmptyState } from "@/components/ui/empty-state";
import { ClientTable } from "@/components/ui/client-table";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const viewer = await requireViewer("incident:read", "/incidents");
  const clients = await listVisibleClients(viewer);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Incidents</h1>
        <p className="mt-1 text-sm text-slate-600">
          Incidents of the {clients.length === 1 ? "client" : `${clients.length} clients`} you work for.
        </p>
      </div>
      <EmptyState title="No incidents logged yet">
        <p>When an incident touching one of your clients is logged, it appears here with its phase and deadlines.</p>
      </EmptyState>
      {clients.length ? (
        <ClientTable clients={clients} caption="Your clients" />
      ) : (
        <EmptyState title="You are not assigned to any client">
          <p>Ask a manager to assign you to the clients you work for.</p>
        </EmptyState>
      )}
    </div>
  );
}
