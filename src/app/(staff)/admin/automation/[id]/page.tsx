import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/server/viewer";
import { automationFormOptions, dryRunRule, getAutomationRule } from "@/server/data/automation";
import { parseId } from "@/lib/validation/ids";
import { RuleForm } from "../rule-form";
import { RuleStateForm } from "./rule-state-form";
import { RuleRuns } from "./rule-runs";
import { DryRunResults } from "./dry-run-results";
import { RuleVersions } from "./rule-versions";

export const metadata: Metadata = { title: "Automation rule" };

export default async function AutomationRulePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const viewer = await requireViewer("automation:manage", `/admin/automation/${id}`);
  const rule = parseId(id) ? await getAutomationRule(viewer, id) : null;
  if (!rule) notFound();
  const wantDryRun = query.dryRun === "1";
  const [options, dryRun] = await Promise.all([
    automationFormOptions(viewer),
    wantDryRun ? dryRunRule(viewer, rule.id, new Date()) : Promise.resolve(null),
  ]);
  const saved = typeof query.saved === "string" ? query.saved : null;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/automation" className="text-brand-700 underline">
          ← Automation rules
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{rule.name}</h1>
      {saved ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          Saved as version {saved}.
        </p>
      ) : null}
      <RuleStateForm ruleId={rule.id} enabled={rule.enabled} disabledReason={rule.disabledReason} />
      <section aria-labelledby="dry-run" className="space-y-3">
        <h2 id="dry-run" className="text-lg font-semibold">
          Dry run
        </h2>
        {dryRun ? (
          <DryRunResults result={dryRun} timeZone={viewer.timeZone} />
        ) : (
          <p className="text-sm">
            <Link href={`/admin/automation/${rule.id}?dryRun=1#dry-run`} className="text-brand-700 underline">
              Show what version {rule.version} would have done to the last 100 alerts
            </Link>{" "}
            (nothing is changed, nobody is told).
          </p>
        )}
      </section>
      <section aria-labelledby="edit" className="space-y-3">
        <h2 id="edit" className="text-lg font-semibold">
          Edit (version {rule.version})
        </h2>
        <RuleForm rule={rule} clients={options.clients} staff={options.staff} />
      </section>
      <RuleRuns runs={rule.runs} timeZone={viewer.timeZone} />
      <RuleVersions versions={rule.versions} timeZone={viewer.timeZone} />
    </div>
  );
}
