import type { AlertCandidate } from "@/lib/validation/alert";
import { isObject, type MappingResult } from "./payload-path";

/** Warden's own schema: the body is the alert (checked by genericAlertSchema like every mapping's output). */
export function mapGeneric(payload: unknown): MappingResult {
  if (!isObject(payload)) return { ok: false, fieldErrors: { _body: ["The body must be a JSON object."] } };
  return { ok: true, alert: payload as AlertCandidate };
}
