import { Badge } from "@/components/ui/badge";
import { LegalHoldForm } from "@/components/ui/legal-hold-form";
import { formatInstant } from "@/lib/datetime";
import type { ClientHold } from "@/server/data/retention";

/** Legal holds on whole clients, for managers and administrators: a hold keeps every incident of the client from erasure. */
export function ClientHolds({ clients, timeZone }: { clients: readonly ClientHold[]; timeZone: string }) {
  if (!clients.length) return null;
  return (
    <section aria-labelledby="client-holds" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="client-holds" className="text-base font-semibold">
        Retention and legal holds
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Closed incidents are erased once their client&apos;s retention runs out. A hold on a client keeps all of its
        incidents while it stands.
      </p>
      <ul className="mt-3 space-y-2">
        {clients.map((c) => (
          <li key={c.id}>
            <details>
              <summary className="cursor-pointer text-sm">
                <span className="font-medium">{c.name}</span>: kept {c.retentionYears} year
                {c.retentionYears === 1 ? "" : "s"} after closing
                {c.hold ? (
                  <>
                    {" "}
                    <Badge tone="red">Legal hold</Badge>
                  </>
                ) : null}
              </summary>
              <div className="mt-2 max-w-xl space-y-2 pl-4">
                {c.hold ? (
                  <p className="text-sm text-red-900">
                    On hold since {formatInstant(c.hold.at, timeZone)} (set by {c.hold.by}): {c.hold.reason}
                  </p>
                ) : null}
                <LegalHoldForm target="client" id={c.id} name={c.name} held={!!c.hold} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
