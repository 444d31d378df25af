import { z } from "zod";

export const EMAIL_MAX = 320;
export const PASSWORD_MAX = 256;

/** Sign-in fields, shared by the form (field errors) and the credentials check. */
export const signInSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, "Enter your email address.")
    .max(EMAIL_MAX, `An email address has at most ${EMAIL_MAX} characters.`)
    .pipe(z.email("Enter an email address like name@example.com."))
    .transform((e) => e.toLowerCase()),
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX, `A password has at most ${PASSWORD_MAX} characters.`),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** The error next-auth reports when a sign-in was refused for throttling (no secret: unknown emails get it too). */
export const SIGN_IN_THROTTLED = "SignInThrottled";
