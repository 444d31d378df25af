import { LegalHoldForm } from "@/components/ui/legal-hold-form";
import { formatInstant } from "@/lib/datetime";
import type { AdminClient } from "@/server/data/organization";

/** A client's legal hold: it keeps every one of the client's incidents from erasure while it stands. */
export function ClientLegalHold({ client, timeZone }: { client: AdminClient; timeZone: string }) {
  return (
    <div className="mt-4 border-t border-slate-200 pt-3">
      <h3 className="text-sm font-semibold">Legal hold on {client.name}</h3>
      <p className="mb-2 text-sm text-slate-600">
        {client.legalHoldAt ? (
          <>
            On hold since {formatInstant(client.legalHoldAt, timeZone)}: {client.legalHoldReason}. None of its incidents
            is erased while it stands.
          </>
        ) : (
          <>None. A hold keeps all of this client&apos;s incidents past their {client.retentionYears}-year retention.</>
        )}
      </p>
      <LegalHoldForm target="client" id={client.id} name={client.name} held={!!client.legalHoldAt} />
    </div>
  );
}
