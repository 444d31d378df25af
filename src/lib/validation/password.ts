import { z } from "zod";
import { PASSWORD_MAX } from "./sign-in";

// The length and list rules depend on the person's role and are checked by the service
// (domain/passwords/password-rules.ts); these only bound what reaches it.

const newPassword = z
  .string({ error: "Choose a password." })
  .min(1, "Choose a password.")
  .max(PASSWORD_MAX * 4, `A password has at most ${PASSWORD_MAX} characters.`);

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(PASSWORD_MAX, "That is not your current password."),
  newPassword,
});
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export const setPasswordSchema = z.object({
  token: z.string().max(200),
  password: newPassword,
});
export type SetPasswordInput = z.output<typeof setPasswordSchema>;

export const startPasswordResetSchema = z.object({ userId: z.uuid("Unknown person.") });
export type StartPasswordResetInput = z.output<typeof startPasswordResetSchema>;
