"use server";

import { redirect } from "next/navigation";
import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { draftNotice as service } from "../services/notices/draft-notice";
import { draftNoticeSchema } from "@/lib/validation/notice";

export async function draftNotice(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction({
    permission: "notice:draft",
    schema: draftNoticeSchema,
    input: formObject(form),
    service,
  });
  // the ids come from the service (never from the form), so the redirect stays on this site
  if (result.ok && result.value) redirect(`/incidents/${result.value.incidentId}/notices/${result.value.id}`);
  return result;
}
