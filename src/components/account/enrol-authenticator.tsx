"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/text-field";
import { FormStatus } from "@/components/ui/form-status";
import { confirmMfaEnrolment, type EnrolmentState } from "@/server/actions/confirm-mfa-enrolment";
import { RecoveryCodeList } from "./recovery-code-list";

type Props = {
  /** The new secret, grouped for typing; shown only on this page, before it is confirmed. */
  secret: string;
  qrDataUrl: string;
  sealed: string;
  /** Replacing an authenticator: a code from the current one is asked for too. */
  replacing: boolean;
  /** A first authenticator added from the Security page: the current password is asked for. */
  askPassword?: boolean;
  continueHref: string;
};

/** Setting up an authenticator app: scan or type the secret, confirm with its first code, keep the recovery codes. */
export function EnrolAuthenticator({ secret, qrDataUrl, sealed, replacing, askPassword = false, continueHref }: Props) {
  const [state, dispatch, pending] = useActionState<EnrolmentState, FormData>(confirmMfaEnrolment, { ok: false });
  if (state.ok && state.recoveryCodes) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm font-medium text-emerald-700">
          {state.message}
        </p>
        <RecoveryCodeList codes={state.recoveryCodes} />
        <a
          href={continueHref}
          className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          I have saved my recovery codes — continue
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
        <li>
          Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, 1Password
          or Aegis) and add an account by scanning this code:
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server */}
          <img
            src={qrDataUrl}
            alt="QR code holding the secret below"
            width={176}
            height={176}
            className="mt-2 rounded border border-slate-200"
          />
        </li>
        <li>
          Or type this secret into the app (time-based, 6 digits):
          <code
            aria-label="Secret"
            data-testid="totp-secret"
            className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm"
          >
            {secret}
          </code>
        </li>
        <li>Type the 6-digit code the app now shows.</li>
      </ol>
      <form action={dispatch} className="space-y-4" noValidate>
        <input type="hidden" name="sealed" value={sealed} />
        <FormStatus state={state} />
        {askPassword ? (
          <TextField
            name="currentPassword"
            type="password"
            label="Your current password"
            autoComplete="current-password"
            required
            errors={state.fieldErrors?.currentPassword}
          />
        ) : null}
        {replacing ? (
          <TextField
            name="currentCode"
            label="Code from your current authenticator (or a recovery code)"
            autoComplete="one-time-code"
            required
            errors={state.fieldErrors?.currentCode}
          />
        ) : null}
        <TextField
          name="code"
          label={replacing ? "Code from the new authenticator" : "Code from the app"}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          errors={state.fieldErrors?.code}
        />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Checking…" : "Turn on two-step verification"}
        </button>
      </form>
    </div>
  );
}
