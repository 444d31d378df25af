"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { publicOrigin } from "./public-origin";
import { invitePerson, updateUser as update } from "../services/admin/users";
import { startPasswordReset as startReset } from "../services/passwords/start-password-reset";
import { createUserSchema, updateUserSchema } from "@/lib/validation/user";
import { startPasswordResetSchema } from "@/lib/validation/password";

/** A form's state with a password link to show once (when it could not be e-mailed). */
export type LinkFormState = FormState & { link?: string | null };

const linkMessage = (what: string, name: string, emailed: boolean, valid: string) =>
  emailed
    ? `${what} e-mailed to ${name}. The link works once, for ${valid}.`
    : `No mail server is set up: give ${name} this link yourself, in person or by phone. It works once, for ${valid}, and is shown only now.`;

export async function createUser(_prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const origin = await publicOrigin();
  const state = await runAction({
    permission: "user:manage",
    schema: createUserSchema,
    input: formObject(form, ["clientIds"]),
    service: (ctx, input) => invitePerson(ctx, input, origin),
  });
  if (!state.ok || !state.value) return state;
  return {
    ok: true,
    at: state.at,
    message: `Invited. ${linkMessage("The invitation was", state.value.name, state.value.emailed, "7 days")} They appear among the people once they accept.`,
    link: state.value.link,
  };
}

export async function updateUser(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "user:manage",
    schema: updateUserSchema,
    input: formObject(form, ["clientIds"]),
    service: update,
    success: "Saved. It takes effect on their next page.",
  });
}

export async function startPasswordReset(_prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const origin = await publicOrigin();
  const state = await runAction({
    permission: "user:manage",
    schema: startPasswordResetSchema,
    input: formObject(form),
    service: (ctx, input) => startReset(ctx, input, origin),
  });
  if (!state.ok || !state.value) return state;
  return {
    ok: true,
    at: state.at,
    message: linkMessage("A reset link was", state.value.name, state.value.emailed, "1 hour"),
    link: state.value.link,
  };
}
