import { describe, expect, it } from "vitest";
import { settlementTiming, termsChangeFor, type StoredObligation } from "@/domain/deadlines/terms-change";

const d = (iso: string) => new Date(iso);

describe("settlement timing is judged by the due time in force when settled", () => {
  it.each([
    // status, delivered, due now, due when settled → timing
    ["SENT", "2026-01-10T16:00Z", "2026-01-11T09:30Z", null, "ON_TIME"],
    ["SENT", "2026-01-11T10:00Z", "2026-01-11T09:30Z", null, "LATE"],
    // terms tightened after it was sent on time
    ["SENT", "2026-01-10T16:00Z", "2026-01-10T15:30Z", "2026-01-11T09:30Z", "ON_TIME_UNDER_EARLIER_TERMS"],
    // terms loosened after it was sent late: still late
    ["ACKNOWLEDGED", "2026-01-11T10:00Z", "2026-01-12T09:30Z", "2026-01-11T09:30Z", "LATE"],
    ["FILED", "2026-01-11T09:30Z", "2026-01-11T09:30Z", null, "ON_TIME"], // at the due instant: on time
    ["PENDING", null, "2026-01-11T09:30Z", null, null],
    ["WAIVED", null, "2026-01-11T09:30Z", null, null],
  ] as const)("%s delivered %s, due %s (then %s) → %s", (status, delivered, due, then, expected) => {
    expect(
      settlementTiming({
        status,
        deliveredAt: delivered ? d(delivered) : null,
        dueAt: d(due),
        settledDueAt: then ? d(then) : null,
      }),
    ).toBe(expected);
  });
});

describe("what new terms would change", () => {
  const now = d("2026-01-10T20:00Z");
  const stored = (patch: Partial<StoredObligation>): StoredObligation => ({
    ruleId: "contract",
    title: "Notice to the client under the contract",
    citation: "Client contract notice clause",
    active: true,
    status: "PENDING",
    dueAt: d("2026-01-11T09:30Z"),
    deliveredAt: null,
    settledDueAt: null,
    ...patch,
  });
  const next = (ruleId: string, dueAt: Date | null) => ({ ruleId, title: ruleId, citation: ruleId, dueAt });

  it("names moved, newly owed, no longer owed, overdue at once, and settled on time then", () => {
    const rows = termsChangeFor(
      [
        stored({}),
        stored({
          ruleId: "gdpr-33-2",
          status: "SENT",
          deliveredAt: d("2026-01-10T16:00Z"),
          dueAt: d("2026-01-11T09:30Z"),
        }),
        stored({ ruleId: "hipaa-410" }),
        stored({ ruleId: "old", active: false }),
      ],
      {
        obligations: [
          next("contract", d("2026-01-10T17:30Z")),
          next("gdpr-33-2", d("2026-01-10T15:30Z")),
          next("pci-visa", d("2026-01-13T05:59Z")),
        ],
      },
      now,
    );
    expect(rows.map((r) => [r.ruleId, r.change, r.newlyOverdue, r.settledOnTimeThen])).toEqual([
      ["contract", "MOVED", true, false],
      ["gdpr-33-2", "MOVED", false, true],
      ["pci-visa", "ADDED", false, false],
      ["hipaa-410", "RETIRED", false, false],
    ]);
  });

  it("an unchanged due time is not a change; one already overdue is not overdue anew", () => {
    expect(termsChangeFor([stored({})], { obligations: [next("contract", d("2026-01-11T09:30Z"))] }, now)).toEqual([]);
    const late = termsChangeFor(
      [stored({ dueAt: d("2026-01-10T18:00Z") })],
      { obligations: [next("contract", d("2026-01-10T17:00Z"))] },
      now,
    );
    expect(late[0]).toMatchObject({ change: "MOVED", newlyOverdue: false });
  });
});
