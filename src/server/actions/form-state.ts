import type { FieldErrors } from "@/lib/validation/field-errors";

/** What every form action returns, and every form shows. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** Every unmet condition, for refused transitions. */
  reasons?: string[];
  /** Changes on every submit, so a form can reset or refocus after success. */
  at?: number;
};

export const initialFormState: FormState = { ok: false };
