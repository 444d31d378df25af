import "server-only";
import { newDataKey, openText, sealText, unwrapDataKey, wrapDataKey, SealError } from "@/domain/crypto/envelope";
import { masterKeys } from "./incident-keys";
import { log } from "../log";

// An alert's raw payload may hold personal data (user names, addresses, file names), so it is
// sealed under a data key of its own, wrapped by the active master key and stored on the alert
// (payloadKey, payloadMasterKeyId): the same envelope as an incident's text, one key per alert
// so that erasing one alert (nulling its key) makes just its payload unreadable. The key's id in
// the sealed value is the alert's id; the wrap is authenticated with "alert:<id>".

const PURPOSE = "alert.rawPayload";
const wrapName = (alertId: string) => `alert:${alertId}`;

export function sealAlertPayload(
  alertId: string,
  payload: string,
): { rawPayload: string; payloadKey: Uint8Array<ArrayBuffer>; payloadMasterKeyId: string } {
  const { active } = masterKeys();
  const dataKey = newDataKey();
  return {
    rawPayload: sealText(dataKey, alertId, PURPOSE, payload),
    payloadKey: new Uint8Array(wrapDataKey(active.key, active.id, wrapName(alertId), dataKey)),
    payloadMasterKeyId: active.id,
  };
}

export const ALERT_PAYLOAD_ERASED = "[erased]";
export const ALERT_PAYLOAD_UNREADABLE = "[unreadable: the payload does not open with its key]";

/** The payload as posted (at most 64 KiB of it), or a marker when its key is erased or missing. */
export function openAlertPayload(alert: {
  id: string;
  rawPayload: string;
  payloadKey: Uint8Array | null;
  payloadMasterKeyId: string | null;
}): string {
  if (!alert.payloadKey || !alert.payloadMasterKeyId) return ALERT_PAYLOAD_ERASED;
  const master = masterKeys().byId.get(alert.payloadMasterKeyId);
  if (!master) return ALERT_PAYLOAD_UNREADABLE;
  try {
    const dataKey = unwrapDataKey(master, alert.payloadMasterKeyId, wrapName(alert.id), alert.payloadKey);
    return openText(dataKey, alert.id, PURPOSE, alert.rawPayload);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    log.warn("crypto.alert_payload_unopenable", { alertId: alert.id, code: error.code });
    return ALERT_PAYLOAD_UNREADABLE;
  }
}
