import type { Metadata } from "next";
import { AuthFrame } from "../auth-frame";
import { sessionAtStep } from "../second-step";
import { VerifyForm } from "./verify-form";
import { safeCallbackPath } from "@/lib/safe-callback";

export const metadata: Metadata = { title: "Two-step verification" };

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  await sessionAtStep("needs_code", params.callbackUrl);
  return (
    <AuthFrame title="Two-step verification">
      <VerifyForm callbackUrl={safeCallbackPath(params.callbackUrl)} />
    </AuthFrame>
  );
}
