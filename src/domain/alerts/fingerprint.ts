import { createHash } from "node:crypto";

// Alerts with the same fingerprint within the grouping window are counted on one alert. The
// fingerprint is SHA-256 over: the source (lower-cased), the client id, the title normalized
// (lower-cased, every run of digits as "#", runs of spaces as one: "5 failed logins for x" and
// "7 failed logins for x" are one story), and the assets lower-cased, de-duplicated and sorted.
// The external id is not part of it: it differs for each repeat.

export const GROUPING_WINDOW_MS = 60 * 60 * 1000;

export function normalizeTitle(title: string): string {
  return title.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

export function alertFingerprint(a: {
  source: string;
  clientId: string;
  title: string;
  assets: readonly string[];
}): string {
  const assets = [...new Set(a.assets.map((s) => s.trim().toLowerCase()))].sort();
  return createHash("sha256")
    .update(JSON.stringify([a.source.trim().toLowerCase(), a.clientId, normalizeTitle(a.title), assets]))
    .digest("hex");
}
