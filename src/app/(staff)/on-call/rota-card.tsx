import { formatInstant } from "@/lib/datetime";
import type { RotaView } from "@/server/data/on-call-rotas";
import { RotaForm } from "./rota-form";
import { AddOverrideForm, RemoveOverrideButton } from "./override-forms";
import { OnCallLine } from "@/components/ui/on-call-line";

type Option = { value: string; label: string };

/** One rota: who is on call now, its overrides, and its settings to edit. */
export function RotaCard({ rota, staff, clients }: { rota: RotaView; staff: Option[]; clients: Option[] }) {
  const shifts = rota.shiftHours === 168 ? "weekly" : `${rota.shiftHours}-hour shifts`;
  return (
    <section aria-labelledby={`rota-${rota.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`rota-${rota.id}`} className="text-lg font-semibold">
        {rota.name} {rota.enabled ? null : <span className="text-sm font-normal text-slate-500">(not in use)</span>}
      </h2>
      <p className="text-sm text-slate-600">
        {rota.clientName ?? "Every client without a rota of its own"} · {shifts}, handover {rota.handoverTime} (
        {rota.timeZone}) · escalates after {rota.escalateAfterMinutes} min ·{" "}
        {rota.members.map((m) => m.name).join(" → ") || "no members"}
      </p>
      {rota.now ? (
        <OnCallLine onCall={rota.now} />
      ) : rota.enabled ? (
        <p className="mt-2 text-sm text-slate-600">
          Not the rota in force for its client now (an older rota of the same client comes first).
        </p>
      ) : null}
      {rota.members.length ? (
        <p className="mt-1 text-sm text-slate-600">
          Next handovers:{" "}
          {rota.upcoming.map((u) => `${formatInstant(u.startsAt, rota.timeZone)} to ${u.name ?? "nobody"}`).join("; ")}.
        </p>
      ) : null}
      <h3 className="mt-4 text-sm font-semibold">Overrides</h3>
      {rota.overrides.length ? (
        <ul className="mt-1 space-y-1 text-sm">
          {rota.overrides.map((o) => (
            <li key={o.id}>
              {o.userName}: {formatInstant(o.startsAt, rota.timeZone)} – {formatInstant(o.endsAt, rota.timeZone)} (
              {o.reason}) <RemoveOverrideButton overrideId={o.id} label={`the override for ${o.userName}`} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-600">None now or ahead.</p>
      )}
      <div className="mt-2">
        <AddOverrideForm rotaId={rota.id} rotaName={rota.name} staff={staff} timeZone={rota.timeZone} />
      </div>
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium">Edit the rota</summary>
        <div className="mt-2">
          <RotaForm rota={rota} staff={staff} clients={clients} />
        </div>
      </details>
    </section>
  );
}
