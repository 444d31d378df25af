import { formatInstant } from "@/lib/datetime";
import type { AutomationRuleDetail } from "@/server/data/automation";

/** Every saved version: the one that fired is named in each run and each audit entry. */
export function RuleVersions({ versions, timeZone }: { versions: AutomationRuleDetail["versions"]; timeZone: string }) {
  return (
    <section aria-labelledby="versions" className="space-y-2">
      <h2 id="versions" className="text-lg font-semibold">
        Versions
      </h2>
      <ol className="space-y-1 text-sm">
        {versions.map((v) => (
          <li key={v.version}>
            Version {v.version} “{v.name}”, saved by {v.by} at {formatInstant(v.at, timeZone)}
          </li>
        ))}
      </ol>
    </section>
  );
}
