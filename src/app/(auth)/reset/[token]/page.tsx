import type { Metadata } from "next";
import Link from "next/link";
import { inspectPasswordToken } from "@/server/services/passwords/set-password-with-token";
import { PASSWORD_MIN_CHARS } from "@/domain/passwords/password-rules";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Choose your password", robots: { index: false, follow: false } };

// Public: the link's token is the only authority. Reading it changes nothing (GET never
// writes); the form spends it.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await inspectPasswordToken(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-8 text-center text-2xl font-bold tracking-tight text-brand-900">Warden</p>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {state.ok ? (
            <>
              <h1 className="mb-1 text-lg font-semibold">
                {state.purpose === "INVITATION" ? "Welcome to Warden" : "Choose a new password"}
              </h1>
              <p className="mb-4 text-sm text-slate-600">
                {state.name}, choose the password you will sign in with as{" "}
                <span className="font-medium">{state.email}</span>.
              </p>
              <SetPasswordForm token={token} minLength={PASSWORD_MIN_CHARS[state.role]} />
            </>
          ) : (
            <>
              <h1 className="mb-2 text-lg font-semibold">This link cannot be used</h1>
              <p role="alert" className="text-sm text-slate-700">
                {state.message}
              </p>
              <p className="mt-4 text-sm">
                <Link href="/login" className="text-brand-700 underline">
                  Go to sign-in
                </Link>
              </p>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
