"use client";

import { useRef, useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { TextField } from "@/components/ui/text-field";
import { SIGN_IN_THROTTLED, signInSchema } from "@/lib/validation/sign-in";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/field-errors";

const GENERIC_FAILURE = "The email address or password is incorrect.";
const THROTTLED =
  "Too many failed sign-ins with this email address from your network. Wait a few minutes, then try again.";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: boolean }) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(initialError ? GENERIC_FAILURE : null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: data.get("email"), password: data.get("password") });
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      setFieldErrors(errors);
      setFormError(null);
      const first = ["email", "password"].find((f) => errors[f]);
      if (first) formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so the server renders the destination with the new session.
        window.location.assign(callbackUrl);
        return;
      }
      setFormError(result?.error === SIGN_IN_THROTTLED ? THROTTLED : GENERIC_FAILURE);
    } catch {
      setFormError("Sign-in is unavailable right now. Try again in a moment.");
    }
    setPending(false);
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? (
        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {formError}
        </div>
      ) : null}
      <TextField name="email" label="Email" type="email" autoComplete="username" required errors={fieldErrors.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
