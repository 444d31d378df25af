import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionGate, getViewer } from "@/server/viewer";
import { secondFactorPath } from "@/domain/access/session-status";
import { HOME_PATH } from "@/domain/access/permissions";
import { safeCallbackPath } from "@/lib/safe-callback";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const viewer = await getViewer();
  if (viewer) redirect(HOME_PATH[viewer.role]);
  // Password proven, second factor owed: that step, not the password again.
  const step = secondFactorPath((await getSessionGate()).status);
  if (step)
    redirect(
      typeof params.callbackUrl === "string"
        ? `${step}?callbackUrl=${encodeURIComponent(safeCallbackPath(params.callbackUrl))}`
        : step,
    );
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-bold tracking-tight text-brand-900">Warden</p>
          <p className="mt-1 text-sm text-slate-600">Data incident management</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
          <SignInForm callbackUrl={safeCallbackPath(params.callbackUrl)} initialError={params.error ? true : false} />
        </div>
      </div>
    </main>
  );
}
