import { z } from "zod";
import { ROLES } from "@/domain/access/permissions";
import { EMAIL_MAX } from "./sign-in";

// An administrator adds people (who choose their own password through an invitation link) and
// changes their role, clients and status.

const email = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(EMAIL_MAX, `An email address has at most ${EMAIL_MAX} characters.`)
  .pipe(z.email("Enter an email address like name@example.com."));

const role = z.enum(ROLES, { error: "Choose a role." });
const clientIds = z.array(z.uuid("Choose clients from the list.")).max(500, "Too many clients.").default([]);
const clientId = z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Choose the client from the list.").optional());

export const createUserSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(200, "A name has at most 200 characters."),
  email,
  role,
  clientIds,
  clientId,
});
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: z.uuid("Unknown person."),
  role,
  clientIds,
  clientId,
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type UpdateUserInput = z.output<typeof updateUserSchema>;
