import { formatInstant } from "@/lib/datetime";
import type { OnCallNow } from "@/server/data/on-call";

/** "On call now: Ana (until 9 Dec 2026, 09:00 EST), secondary Ben." */
export function OnCallLine({ onCall }: { onCall: OnCallNow }) {
  return (
    <p className="mt-2 text-sm">
      <span className="font-medium">On call now:</span> {onCall.primary?.name ?? "nobody"}
      {onCall.primary ? ` (until ${formatInstant(onCall.until, onCall.timeZone)})` : ""}
      {onCall.secondary ? `, secondary ${onCall.secondary.name}` : ", no secondary"}.
    </p>
  );
}
