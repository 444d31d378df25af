import { z } from "zod";

// A legal hold is set and lifted with a reason (a litigation, a regulator's inquiry, counsel's
// instruction): the audit trail says why the incident was kept, and why it no longer is.

const reason = z
  .string({ error: "Say why (a case, an inquiry, counsel's instruction)." })
  .trim()
  .min(3, "Say why (a case, an inquiry, counsel's instruction).")
  .max(1000, "A reason has at most 1,000 characters.");
const mode = z.enum(["set", "lift"], { error: "Choose to set or lift the hold." });

export const incidentLegalHoldSchema = z.object({ incidentId: z.uuid("Unknown incident."), mode, reason });
export type IncidentLegalHoldInput = z.output<typeof incidentLegalHoldSchema>;

export const clientLegalHoldSchema = z.object({ clientId: z.uuid("Unknown client."), mode, reason });
export type ClientLegalHoldInput = z.output<typeof clientLegalHoldSchema>;
