import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { countOpenIncidentsByClient, listVisibleClientsCached } from "@/server/data/clients";
import { ClientTable } from "@/components/ui/client-table";
import { EmptyState } from "@/components/ui/empty-state";
import { listClientHolds } from "@/server/data/retention";
import { ClientHolds } from "./client-holds";

export const metadata: Metadata = { title: "Clients" };

/** The clients whose data this person handles: what each contract expects, and what is open. */
export default async function ClientsPage() {
  const viewer = await requireViewer("incident:read", "/clients");
  const [clients, open, holds] = await Promise.all([
    listVisibleClientsCached(viewer),
    countOpenIncidentsByClient(viewer),
    listClientHolds(viewer),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Clients</h1>
        <p className="mt-1 text-sm text-slate-600">
          The clients you work for: the notice each contract expects from the moment of awareness, the regimes their
          data brings in, and their open incidents.
        </p>
      </div>
      {clients.length ? (
        <ClientTable clients={clients} caption="Your clients" open={open} />
      ) : (
        <EmptyState title="You are not assigned to any client">
          <p>Ask a manager to assign you to the clients you work for.</p>
        </EmptyState>
      )}
      <ClientHolds clients={holds} timeZone={viewer.timeZone} />
    </div>
  );
}
