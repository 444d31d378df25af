import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { listRotas } from "@/server/data/on-call-rotas";
import { ROLE_LABEL } from "@/domain/access/role-labels";
import { isRole } from "@/domain/access/permissions";
import { RotaForm } from "./rota-form";
import { RotaCard } from "./rota-card";

export const metadata: Metadata = { title: "On call" };

/** The organization's on-call rotas: who is on call now, overrides, and each rota's settings. */
export default async function OnCallPage() {
  const viewer = await requireViewer("oncall:manage", "/on-call");
  const { rotas, staff, clients } = await listRotas(viewer, new Date());
  const staffOptions = staff.map((s) => ({
    value: s.id,
    label: `${s.name} (${isRole(s.role) ? ROLE_LABEL[s.role] : s.role})`,
  }));
  const clientOptions = clients.map((c) => ({ value: c.id, label: `${c.name} (${c.timeZone})` }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">On call</h1>
        <p className="mt-1 text-sm text-slate-600">
          Who is on standby for each client. A new high or critical incident pages the person on call; without an
          acknowledgement it goes to the secondary, then to the managers.
        </p>
      </div>
      {rotas.length ? (
        rotas.map((r) => <RotaCard key={r.id} rota={r} staff={staffOptions} clients={clientOptions} />)
      ) : (
        <p className="text-sm text-slate-600">No rota yet: nobody is paged for new incidents.</p>
      )}
      <section aria-labelledby="new-rota" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-rota" className="text-lg font-semibold">
          New rota
        </h2>
        <RotaForm staff={staffOptions} clients={clientOptions} />
      </section>
    </div>
  );
}
