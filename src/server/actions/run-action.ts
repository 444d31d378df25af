import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorize } from "../viewer";
import { BUSY_MESSAGE, isBusy } from "../busy";
import { UNAVAILABLE_MESSAGE, isUnavailable } from "../unavailable";
import { caughtUpWith, forgetViewer } from "../data/viewer-cache";
import { chainSoon } from "../audit-chainer";
import { describeError, log } from "../log";
import { clientIp } from "../client-ip";
import type { ServiceContext } from "../services/context";
import type { Result } from "../services/result";
import type { FormState } from "./form-state";
import type { Permission } from "@/domain/access/permissions";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { nulFieldErrors } from "@/lib/validation/nul-text";

/** FormData → plain object; keys listed in `lists` keep every value (multi-selects, checkboxes). */
export function formObject(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).map((v) => (typeof v === "string" ? v : ""));
    out[key] = lists.includes(key) ? values : values[0];
  }
  for (const key of lists) out[key] ??= [];
  return out;
}

/**
 * The thin action: session and permission first, then the schema, then the service; expected
 * failures become field errors or a message, unexpected ones a logged id and a generic message.
 */
export async function runAction<S extends z.ZodType, T>(opts: {
  permission: Permission;
  schema: S;
  input: unknown;
  service: (ctx: ServiceContext, input: z.output<S>) => Promise<Result<T>>;
  success?: string;
}): Promise<FormState & { value?: T }> {
  const requestId = randomUUID();
  try {
    const auth = await authorize(opts.permission, { fresh: true });
    if (!auth.ok) {
      return {
        ok: false,
        message: auth.code === "UNAUTHENTICATED" ? "Your session has ended. Sign in again." : "Not found.",
        at: Date.now(),
      };
    }
    const nul = nulFieldErrors(opts.input);
    if (nul) return { ok: false, message: "Check the highlighted fields.", fieldErrors: nul, at: Date.now() };
    const parsed = opts.schema.safeParse(opts.input);
    if (!parsed.success)
      return {
        ok: false,
        message: "Check the highlighted fields.",
        fieldErrors: fieldErrorsOf(parsed.error),
        at: Date.now(),
      };
    const h = await headers();
    const ctx: ServiceContext = {
      viewer: auth.viewer,
      now: new Date(),
      requestId,
      ip: clientIp(h),
    };
    const result = await opts.service(ctx, parsed.data);
    if (!result.ok)
      return {
        ok: false,
        message: result.message,
        fieldErrors: result.fieldErrors,
        reasons: result.reasons,
        at: Date.now(),
      };
    // The change's audit entries are chained (and the data version grown) before the answer: a
    // service whose own chaining step failed and was put off (it never rejects) is caught up
    // here, so the page drawn in answer never matches kept data from before the change.
    await chainSoon(auth.viewer.organizationId);
    // Every page reads live data; this tells the router to refetch what the person is looking
    // at, drawn with what was just saved (the per-process caches learn of it first).
    // (best effort: the change is committed, and the feed's notice follows anyway)
    await caughtUpWith(auth.viewer.organizationId).catch((error) =>
      log.warn("action.catch_up_failed", { requestId, ...describeError(error) }),
    );
    // and the person who acted is read afresh on the next page whatever the versions say: a
    // viewer kept by another request that read just before this change committed never answers it
    forgetViewer(auth.viewer.userId);
    revalidatePath("/", "layout");
    return { ok: true, message: opts.success, value: result.value, at: Date.now() };
  } catch (error) {
    if (isBusy(error)) {
      log.warn("action.busy", { requestId, permission: opts.permission, ...describeError(error) });
      return { ok: false, message: BUSY_MESSAGE, at: Date.now() };
    }
    // the database away (the session check or the service could not reach it): not a fault
    if (isUnavailable(error)) {
      log.warn("action.unavailable", { requestId, permission: opts.permission, ...describeError(error) });
      return { ok: false, message: UNAVAILABLE_MESSAGE, at: Date.now() };
    }
    log.error("action.failed", { requestId, permission: opts.permission, ...describeError(error) });
    return {
      ok: false,
      message: `Something went wrong; nothing was saved. Reference: ${requestId.slice(0, 8)}.`,
      at: Date.now(),
    };
  }
}
