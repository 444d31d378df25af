import "server-only";
import type { IncidentCipher } from "./incident-keys";
import { REVIEW_SECTIONS, type ReviewSection } from "@/domain/incident/post-mortem";

type Sections = Record<ReviewSection, string>;

/** The post-mortem's sections as stored: each sealed under the incident's data key. */
export function sealSections(cipher: IncidentCipher, sections: Sections): Sections {
  return Object.fromEntries(
    REVIEW_SECTIONS.map((s) => [s.key, cipher.seal("postmortem.section", sections[s.key])]),
  ) as Sections;
}

/** A stored review with its sections opened (every other field as it is). */
export function openSections<T extends Sections>(cipher: IncidentCipher, review: T): T {
  const out = { ...review };
  for (const s of REVIEW_SECTIONS) out[s.key] = cipher.open("postmortem.section", review[s.key]) as T[ReviewSection];
  return out;
}
