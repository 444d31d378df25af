import { describe, expect, it } from "vitest";
import { guessIncidentType, promotionFacts, type AlertFacts } from "@/domain/triage/promotion";
import type { IncidentType } from "@/domain/incident/types";

const alert: AlertFacts = {
  source: "wazuh",
  externalId: "1773484851.123456",
  title: "Multiple authentication failures",
  type: null,
  severity: "HIGH",
  observedAt: new Date("2026-03-14T10:40:51Z"),
  receivedAt: new Date("2026-03-14T10:41:02Z"),
  lastSeenAt: new Date("2026-03-14T10:55:00Z"),
  count: 1,
  dataCategories: ["CREDENTIALS"],
  assets: ["vpn-gw-02"],
  jurisdictions: ["DE"],
};

// [title, the source's own type or null, expected type]
const guesses: Array<[string, IncidentType | null, IncidentType]> = [
  ["Ransomware note found on FS-01", null, "CYBERATTACK"],
  ["Phishing link clicked by agent", null, "CYBERATTACK"],
  ["Brute force against VPN", null, "CYBERATTACK"],
  ["DLP: spreadsheet with SSNs mailed outside", null, "ACCIDENTAL_LEAK"],
  ["Misdirected e-mail to wrong recipient", null, "ACCIDENTAL_LEAK"],
  ["S3 public bucket exposes claims", null, "ACCIDENTAL_LEAK"],
  ["Large exfiltration to unknown host", null, "DATA_BREACH"],
  ["Insider copied payroll: possible fraud", null, "INTERNAL_FRAUD"],
  ["Database cluster outage", null, "SYSTEM_FAILURE"],
  ["Multiple authentication failures", null, "CYBERATTACK"],
  ["sshd: 14 failed logins for root", null, "CYBERATTACK"],
  ["Storage service failure in region eu-1", null, "SYSTEM_FAILURE"],
  ["Disk full on backup server", null, "SYSTEM_FAILURE"],
  ["Flood sensor triggered in data centre", null, "NATURAL_DISASTER"],
  ["Something odd on host 7", null, "CYBERATTACK"],
  ["Ransomware note found on FS-01", "DATA_BREACH", "DATA_BREACH"], // the source's own type wins
];

describe("promotion facts", () => {
  it.each(guesses)("%s (source says %s) → %s", (title, type, expected) => {
    expect(guessIncidentType({ title, type })).toBe(expected);
  });

  it("takes the observed time as detection and the receipt as awareness, never before detection", () => {
    expect(promotionFacts(alert)).toMatchObject({
      detectedAt: alert.observedAt,
      awareAt: alert.receivedAt,
      severity: "HIGH",
      type: "CYBERATTACK",
    });
    const skewed = { ...alert, receivedAt: new Date("2026-03-14T10:30:00Z") };
    expect(promotionFacts(skewed).awareAt).toEqual(alert.observedAt);
  });

  it("lists each system once and says how often the alert fired", () => {
    const f = promotionFacts({ ...alert, count: 4, assets: ["vpn-gw-02", " vpn-gw-02", "", "idp-01"] });
    expect(f.assets).toEqual(["vpn-gw-02", "idp-01"]);
    expect(f.summary).toContain("fired 4 times, last at 2026-03-14T10:55:00.000Z");
    expect(f.summary).toContain("wazuh alert (id 1773484851.123456)");
  });

  it("keeps a title within the incident's limits", () => {
    expect(promotionFacts({ ...alert, title: "x".repeat(300) }).title).toHaveLength(200);
    expect(promotionFacts({ ...alert, title: "ab" }).title).toBe("ab.");
  });
});
