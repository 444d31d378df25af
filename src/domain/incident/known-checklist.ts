// Checklist items whose truth Warden records itself: nobody should have to tick what the app
// already knows. The services that change these facts tick the items in the same transaction;
// Warden never unticks them (a review reopened for an edit was still held).

/** What the app knows about an incident that some checklist items restate. */
export type KnownFacts = {
  awareAt: Date | null;
  review: { completed: boolean; lessons: string } | null;
  actionItems: ReadonlyArray<{ assigned: boolean }>;
};

type KnownItem = { holds: (f: KnownFacts) => boolean; because: string; hint: string };

export const KNOWN_CHECKLIST_ITEMS: Readonly<Record<string, KnownItem>> = {
  "awareness-recorded": {
    holds: (f) => f.awareAt !== null,
    because: "the moment of awareness is recorded on the incident",
    hint: "Ticks itself: the moment of awareness is part of the incident's facts.",
  },
  "review-held": {
    holds: (f) => f.review?.completed === true,
    because: "the post-incident review was completed",
    hint: "Ticks itself when the post-incident review is completed.",
  },
  "lessons-recorded": {
    holds: (f) => (f.review?.lessons.trim().length ?? 0) > 0,
    because: "the review's lessons learned were written",
    hint: "Ticks itself when the review's lessons learned are written.",
  },
  "actions-assigned": {
    holds: (f) => f.actionItems.length > 0 && f.actionItems.every((a) => a.assigned),
    because: "every action item of the review has an owner",
    hint: "Ticks itself once the review has action items and each has an owner.",
  },
};

/** Open items that the facts show are done, with why (what the audit entry says). */
export function itemsToTick<T extends { key: string; done: boolean }>(
  items: readonly T[],
  facts: KnownFacts,
): Array<{ item: T; because: string }> {
  return items.flatMap((item) => {
    const known = KNOWN_CHECKLIST_ITEMS[item.key];
    return !item.done && known?.holds(facts) ? [{ item, because: known.because }] : [];
  });
}

/** Why a person may not untick this item (the facts say it is done), or null. */
export function untickRefusal(key: string, facts: KnownFacts): string | null {
  const known = KNOWN_CHECKLIST_ITEMS[key];
  return known?.holds(facts) ? `Warden keeps this ticked: ${known.because}.` : null;
}

/** The note shown beside an item Warden ticks itself, or null for a manual item. */
export function knownItemHint(key: string): string | null {
  return KNOWN_CHECKLIST_ITEMS[key]?.hint ?? null;
}
