import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { listAutomationRules } from "@/server/data/automation";
import { EmptyState } from "@/components/ui/empty-state";
import { TRIGGER_LABEL, type Trigger } from "@/domain/automation/rule";
import { formatInstant } from "@/lib/datetime";

export const metadata: Metadata = { title: "Automation rules" };

export default async function AutomationRulesPage() {
  const viewer = await requireViewer("automation:manage", "/admin/automation");
  const rules = await listAutomationRules(viewer);
  const at = (d: Date) => formatInstant(d, viewer.timeZone);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin" className="text-brand-700 underline">
          ← Administration
        </Link>
      </p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Automation rules</h1>
          <p className="mt-1 text-sm text-slate-600">
            When an alert comes in or an incident is logged or changes phase, the enabled rules whose conditions hold
            act. Every action is audited with the rule and its version; a rule that fails three times in a row is
            disabled and you are told.
          </p>
        </div>
        <Link
          href="/admin/automation/new"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          New rule
        </Link>
      </div>
      {rules.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="list-table">
            <caption className="sr-only">Automation rules</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">When</th>
                <th scope="col">State</th>
                <th scope="col">Version</th>
                <th scope="col">Last run</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/admin/automation/${r.id}`} className="font-medium text-brand-700 underline">
                      {r.name}
                    </Link>
                  </td>
                  <td>{TRIGGER_LABEL[r.trigger as Trigger] ?? r.trigger}</td>
                  <td>{r.enabled ? "Enabled" : r.disabledReason ? "Disabled after failures" : "Disabled"}</td>
                  <td>{r.version}</td>
                  <td>
                    {r.lastRun
                      ? `${at(r.lastRun.at)}: ${r.lastRun.error ? "failed" : r.lastRun.matched ? "acted" : "no match"}`
                      : "Never"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="No rules yet">Create one, try it with a dry run, then enable it.</EmptyState>
      )}
    </div>
  );
}
