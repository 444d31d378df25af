"use server";

import { z } from "zod";
import { runAction } from "./run-action";
import type { FormState } from "./form-state";
import { markNotificationsRead as service } from "../services/mark-notifications-read";

export async function markNotificationsRead(_prev: FormState, _form: FormData): Promise<FormState> {
  return runAction({
    permission: "incident:read",
    schema: z.object({}),
    input: {},
    service: (ctx) => service(ctx),
    success: "All marked as read.",
  });
}
