import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { can } from "@/domain/access/can";
import { listVisibleClients } from "@/server/data/clients";
import { listAssignableStaff } from "@/server/data/incidents";
import { toDateTimeInput } from "@/lib/datetime";
import { NewIncidentForm } from "./new-incident-form";

export const metadata: Metadata = { title: "Log an incident" };

export default async function NewIncidentPage() {
  const viewer = await requireViewer("incident:create", "/incidents/new");
  // Only someone who may assign is offered other owners; everyone else owns what they log.
  const mayAssign = can(viewer, "incident:assign");
  const [clients, staff] = await Promise.all([
    listVisibleClients(viewer),
    mayAssign ? listAssignableStaff(viewer) : null,
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Log an incident</h1>
        <p className="mt-1 text-sm text-slate-600">
          It starts in Identify. Record when we became aware as precisely as you can: legal and contract clocks run from
          that moment.
        </p>
      </div>
      <NewIncidentForm
        clients={clients.map((c) => ({ value: c.id, label: c.name }))}
        staff={staff?.map((s) => ({ value: s.id, label: s.name })) ?? null}
        viewerId={viewer.userId}
        timeZone={viewer.timeZone}
        now={toDateTimeInput(new Date(), viewer.timeZone)}
      />
    </div>
  );
}
