import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { listWebhooks } from "@/server/data/webhooks";
import { EVENT_LABELS, type SubscribableEvent } from "@/domain/webhooks/events";
import { DeliveryLog } from "./delivery-log";
import { EditWebhookForm, NewWebhookForm, RotateSecretButton, SendTestButton } from "./webhook-forms";

export const metadata: Metadata = { title: "Webhooks" };

/** Outbound webhooks: subscriptions, their secrets (shown once), tests and the delivery log. */
export default async function WebhooksPage() {
  const viewer = await requireViewer("webhook:manage", "/admin/webhooks");
  const hooks = await listWebhooks(viewer);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Webhooks</h1>
        <p className="mt-1 text-sm text-slate-600">
          Warden posts signed JSON to these URLs when the events happen (ids, references, type, severity, phase and
          times; never an incident&apos;s text). The README says how to verify the signature.
        </p>
      </div>
      {hooks.map((hook) => (
        <section
          key={hook.id}
          aria-labelledby={`hook-${hook.id}`}
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id={`hook-${hook.id}`} className="break-all text-base font-semibold">
            {hook.url} {hook.enabled ? null : <span className="text-sm font-normal text-slate-500">(disabled)</span>}
          </h2>
          <p className="text-sm text-slate-600">
            {hook.events.map((e) => EVENT_LABELS[e as SubscribableEvent] ?? e).join(", ")}
            {hook.allowPrivate ? " · may reach private addresses" : ""}
          </p>
          <div className="flex flex-wrap gap-3">
            <SendTestButton hook={hook} />
            <RotateSecretButton hook={hook} />
          </div>
          <h3 className="text-sm font-semibold">Deliveries</h3>
          <DeliveryLog url={hook.url} rows={hook.deliveries} timeZone={viewer.timeZone} />
          <details>
            <summary className="cursor-pointer text-sm font-medium">Edit or disable</summary>
            <div className="mt-2">
              <EditWebhookForm hook={hook} />
            </div>
          </details>
        </section>
      ))}
      <section aria-labelledby="new-hook" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-hook" className="text-base font-semibold">
          New subscription
        </h2>
        <NewWebhookForm />
      </section>
    </div>
  );
}
