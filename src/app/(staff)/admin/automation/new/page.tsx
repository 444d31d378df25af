import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { automationFormOptions } from "@/server/data/automation";
import { RuleForm } from "../rule-form";

export const metadata: Metadata = { title: "New automation rule" };

export default async function NewAutomationRulePage() {
  const viewer = await requireViewer("automation:manage", "/admin/automation/new");
  const { clients, staff } = await automationFormOptions(viewer);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/automation" className="text-brand-700 underline">
          ← Automation rules
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">New automation rule</h1>
      <RuleForm clients={clients} staff={staff} />
    </div>
  );
}
