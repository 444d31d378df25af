import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireViewer } from "@/server/viewer";
import { listVisibleClients } from "@/server/data/clients";
import { isStaff } from "@/domain/access/can";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Client portal" };

// A client contact goes straight to their client's portal; staff pick a client to preview
// exactly what its contacts see.
export default async function PortalHome() {
  const viewer = await requireViewer("portal:view", "/portal");
  const clients = await listVisibleClients(viewer);
  if (!isStaff(viewer.role)) {
    const own = clients[0];
    if (own) redirect(`/portal/${own.id}`);
    return (
      <EmptyState title="Your account is not linked to a client">
        <p>Ask your contact at the service provider to link your account.</p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Client portal preview</h1>
        <p className="mt-1 text-sm text-slate-600">See the portal exactly as a client&apos;s contacts see it.</p>
      </div>
      {clients.length ? (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {clients.map((c) => (
            <li key={c.id}>
              <Link href={`/portal/${c.id}`} className="block px-4 py-3 text-sm font-medium hover:bg-slate-50">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No clients to preview">
          <p>You are not assigned to any client.</p>
        </EmptyState>
      )}
    </div>
  );
}
