import { formatInstant } from "@/lib/datetime";
import { FORMAT_LABEL } from "@/domain/alerts/mappings/map-payload";
import type { IntegrationView } from "@/server/data/integrations";
import { RevokeIntegrationButton, RotateIntegrationSecretButton } from "./integration-forms";

/** Each integration with its key prefix, clients, limit, last use and state, and its two actions. */
export function IntegrationList({ integrations, timeZone }: { integrations: IntegrationView[]; timeZone: string }) {
  if (integrations.length === 0) return <p className="text-sm text-slate-600">No integrations yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="px-4 py-3 text-left font-semibold">Integrations ({integrations.length})</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {["Name", "Format", "Key", "Clients", "Limit", "Last used", "State", "Actions"].map((h) => (
              <th key={h} scope="col" className="px-4 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {integrations.map((i) => (
            <tr key={i.id} className="align-top">
              <th scope="row" className="px-4 py-2 text-left font-medium">
                {i.name}
              </th>
              <td className="px-4 py-2">{FORMAT_LABEL[i.format]}</td>
              <td className="px-4 py-2">
                <code className="font-mono text-xs">{i.keyPrefix}…</code>
              </td>
              <td className="px-4 py-2">
                {i.clients.map((c) => (c.id === i.defaultClientId ? `${c.name} (default)` : c.name)).join(", ")}
              </td>
              <td className="px-4 py-2">{i.rateLimitPerMinute.toLocaleString("en")}/min</td>
              <td className="px-4 py-2">{i.lastUsedAt ? formatInstant(i.lastUsedAt, timeZone) : "never"}</td>
              <td className="px-4 py-2">
                {i.revokedAt ? `Revoked ${formatInstant(i.revokedAt, timeZone)}` : "Live"}
                {i.secretRotatedAt && !i.revokedAt ? (
                  <span className="block text-xs text-slate-500">
                    secret rotated {formatInstant(i.secretRotatedAt, timeZone)}
                  </span>
                ) : null}
              </td>
              <td className="space-y-2 px-4 py-2">
                {i.revokedAt ? null : (
                  <>
                    <RotateIntegrationSecretButton id={i.id} name={i.name} />
                    <RevokeIntegrationButton id={i.id} name={i.name} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
