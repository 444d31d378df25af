import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/viewer";
import { getVisibleClient } from "@/server/data/clients";
import { isStaff } from "@/domain/access/can";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Client portal" };

export default async function ClientPortalPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const viewer = await requireViewer("portal:view", `/portal/${encodeURIComponent(clientId)}`);
  const client = await getVisibleClient(viewer, clientId);
  if (!client) notFound();
  return (
    <div className="space-y-6">
      {isStaff(viewer.role) ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Preview: this is what contacts of {client.name} see.
        </p>
      ) : null}
      <div>
        <h1 className="text-2xl font-semibold">{client.name}</h1>
        <p className="mt-1 text-sm text-slate-600">Incidents that touch your data, and the notices we sent you.</p>
      </div>
      <EmptyState title="No incidents reported to you">
        <p>If an incident affects your data, you will find it here with every notice we send, and you can acknowledge them and ask questions.</p>
      </EmptyState>
    </div>
  );
}
