import { z } from "zod";

// Codes are checked for form (6 digits or a recovery code) by the service, which audits a
// malformed one like a wrong one; here only what no code can be.
const code = z
  .string({ error: "Type the code." })
  .trim()
  .min(1, "Type the code.")
  .max(64, "That is longer than any code.");

export const secondFactorSchema = z.object({ code, callbackUrl: z.string().max(2000).optional() });
export type SecondFactorInput = z.infer<typeof secondFactorSchema>;

export const enrolmentSchema = z.object({
  sealed: z.string().min(1).max(1000),
  code,
  currentCode: z.string().trim().max(64).optional(),
  /** Asked for when a signed-in person adds a first authenticator (not right after the password step). */
  currentPassword: z.string().max(1000).optional(),
});
export type EnrolmentInput = z.infer<typeof enrolmentSchema>;

export const recoveryCodesSchema = z.object({ code });

export const sessionIdSchema = z.object({ sessionId: z.uuid("Choose a session from the list.") });

export const resetMfaSchema = z.object({ userId: z.uuid("Choose a person from the list.") });

// Administrators always use a second factor; the other roles are the organization's choice.
export const mfaPolicySchema = z.object({
  roles: z.array(z.enum(["MANAGER", "ANALYST", "CLIENT_CONTACT"], "Choose roles from the list.")).max(3),
});
export type MfaPolicyInput = z.infer<typeof mfaPolicySchema>;
