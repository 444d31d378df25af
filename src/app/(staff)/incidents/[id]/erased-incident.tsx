import Link from "next/link";
import { formatInstant } from "@/lib/datetime";

/** What stands where an erased incident was: its reference, when and under which policy its content was erased. */
export function ErasedIncident({
  reference,
  clientName,
  erasedAt,
  policy,
  timeZone,
}: {
  reference: string;
  clientName: string;
  erasedAt: Date;
  policy: string;
  timeZone: string;
}) {
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/incidents" className="text-brand-700 underline">
          Incidents
        </Link>{" "}
        <span aria-hidden="true">/</span> {reference}
      </nav>
      <section aria-labelledby="erased-title" className="rounded-lg border border-slate-300 bg-slate-50 p-6">
        <p className="font-mono text-sm text-slate-600">{reference}</p>
        <h1 id="erased-title" className="mt-1 text-2xl font-semibold">
          Erased incident
        </h1>
        <p className="mt-3 text-sm text-slate-800">
          {reference} ({clientName}) was erased on {formatInstant(erasedAt, timeZone)} under the policy “{policy}”; its
          content no longer exists.
        </p>
        <p className="mt-2 text-sm text-slate-600">
          Its reference, type, severity and dates are kept, and its audit trail stays as it was (its text is unreadable,
          the chain still verifies). Nothing can be added to it.
        </p>
      </section>
    </div>
  );
}
