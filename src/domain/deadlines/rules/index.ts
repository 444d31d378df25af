import { defineRules, inForceAt } from "../in-force";
import type { Rule, RuleGroup } from "../types";
import { ASIA_PACIFIC_RULES } from "./asia-pacific";
import { CANADA_RULES } from "./canada";
import { CARD_BRAND_RULES } from "./card-brands";
import { CONTRACT_RULES } from "./contract";
import { EUROPE_RULES } from "./europe";
import { US_FEDERAL_RULES } from "./us-federal";
import { US_STATE_RULES } from "./us-states";
import { US_SECTOR_RULES } from "./us-sector";
import { CARD_BRANDS_MORE_RULES } from "./card-brands-more";
import { LATIN_AMERICA_RULES } from "./latin-america";
import { ASIA_RULES } from "./asia";
import { SWITZERLAND_RULES } from "./switzerland";
import { CANADA_QUEBEC_RULES } from "./canada-quebec";
import { OCEANIA_AFRICA_RULES } from "./oceania-africa";

// Every notification rule Warden knows, as data: one file per jurisdiction group, each with its
// version and sources. The whole set is checked when loaded (defineRules): a bad rule anywhere,
// or two versions of one rule in force on the same day, stops the application from starting.

export const RULE_GROUPS: readonly RuleGroup[] = [
  CONTRACT_RULES,
  EUROPE_RULES,
  US_FEDERAL_RULES,
  CARD_BRAND_RULES,
  US_STATE_RULES,
  CANADA_RULES,
  ASIA_PACIFIC_RULES,
  US_SECTOR_RULES,
  CARD_BRANDS_MORE_RULES,
  LATIN_AMERICA_RULES,
  ASIA_RULES,
  SWITZERLAND_RULES,
  CANADA_QUEBEC_RULES,
  OCEANIA_AFRICA_RULES,
];

export const RULES: readonly Rule[] = defineRules(RULE_GROUPS.flatMap((g) => g.rules));

/**
 * The version of a rule in force at an instant (the one whose period holds it), or, without an
 * instant, its latest version. Day boundaries in the rule's zone, else `fallbackZone`.
 */
export function ruleById(id: string, at?: Date, fallbackZone = "UTC"): Rule | undefined {
  const versions = RULES.filter((r) => r.id === id).sort((a, b) => a.inForce.from.localeCompare(b.inForce.from));
  if (!at) return versions.at(-1);
  return versions.find((r) => inForceAt(r, at, fallbackZone) === "IN_FORCE");
}
