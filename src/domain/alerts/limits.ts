// Sizes the alerts API holds to (the route, the service and the OpenAPI document read them here).

/** Bodies above this are refused (413) before they are read in full. */
export const ALERT_BODY_MAX_BYTES = 256 * 1024;
/** The raw payload kept with an alert: its first 64 KiB (rawTruncated says when it was longer). */
export const RAW_PAYLOAD_MAX_BYTES = 64 * 1024;
/** Alerts in one generic batch post ({ "alerts": [ … ] }). */
export const ALERT_BATCH_MAX = 500;
