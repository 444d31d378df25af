"use server";

import { runAction } from "./run-action";
import type { FormState } from "./form-state";
import { markNoticeRead as service } from "../services/notices/portal-actions";
import { noticeIdSchema } from "@/lib/validation/notice";

/** Posted by the portal notice page once it is on screen: the read is recorded here, never by the page's GET. */
export async function markNoticeRead(noticeId: string): Promise<FormState> {
  return runAction({ permission: "portal:view", schema: noticeIdSchema, input: { noticeId }, service });
}
