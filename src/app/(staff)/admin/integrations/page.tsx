import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { listIntegrations } from "@/server/data/integrations";
import { listVisibleClients } from "@/server/data/clients";
import { IntegrationList } from "./integration-list";
import { NewIntegrationForm } from "./integration-forms";

export const metadata: Metadata = { title: "Integrations" };

/** The tools that post alerts: their keys (shown once), clients, limits, last use; revoke and rotate. */
export default async function IntegrationsPage() {
  const viewer = await requireViewer("integration:manage", "/admin/integrations");
  const [integrations, clients] = await Promise.all([listIntegrations(viewer), listVisibleClients(viewer)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Integrations</h1>
        <p className="mt-1 text-sm text-slate-600">
          Security tools post alerts to <code>POST /api/v1/alerts</code> with an API key and a signed body (the
          README&apos;s &ldquo;Alerts API&rdquo; section and{" "}
          <a className="text-brand-700 underline" href="/api/v1/openapi.json">
            the OpenAPI document
          </a>{" "}
          say how). Each key posts only for the clients chosen here.
        </p>
      </div>
      <IntegrationList integrations={integrations} timeZone={viewer.timeZone} />
      <section aria-labelledby="new-integration" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-integration" className="text-base font-semibold">
          New integration
        </h2>
        <NewIntegrationForm clients={clients.map((c) => ({ id: c.id, name: c.name }))} />
      </section>
    </div>
  );
}
