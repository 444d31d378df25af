import type { AccountSecurity } from "@/server/data/account-security";
import { RegenerateRecoveryCodes } from "./regenerate-recovery-codes";

/** Whether the person signs in with a second factor, how many recovery codes are left, and ways to change either. */
export function MfaSection({ account }: { account: AccountSecurity }) {
  const on = account.mfaEnrolledAt !== null;
  return (
    <section aria-labelledby="mfa-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="mfa-heading" className="text-lg font-semibold">
        Two-step verification
      </h2>
      <p className="text-sm text-slate-700">
        {on
          ? "On: you sign in with your password and a code from your authenticator app."
          : account.mfaRequired
            ? "Required for your role: you will set it up at your next sign-in."
            : "Off: you sign in with your password only. Turning it on protects your account if your password leaks."}
      </p>
      {on ? (
        <p className="text-sm text-slate-700">
          Recovery codes left: <strong>{account.recoveryCodesLeft}</strong>
          {account.recoveryCodesLeft <= 3 ? " — make new ones before you run out." : ""}
        </p>
      ) : null}
      <a
        href="/security/authenticator"
        className="inline-block rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        {on ? "Replace authenticator" : "Set up an authenticator app"}
      </a>
      {on ? <RegenerateRecoveryCodes /> : null}
    </section>
  );
}
