import { expect } from "vitest";
import { ctxFor } from "./incident-fixture";
import type { makeTenant } from "./tenant-fixture";
import { markObligationNotRequired } from "@/server/services/obligations/decide-obligation";
import { reviewObligationDecision } from "@/server/services/obligations/confirm-obligation-decision";

type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** Settles an obligation as not required the only way there is: `proposerId` proposes, the tenant's manager confirms. */
export async function settleNotRequired(
  t: Tenant,
  obligationId: string,
  reason = "Test: settled outside this test",
  proposerId = t.analyst.id,
) {
  expect(await markObligationNotRequired(await ctxFor(proposerId), { obligationId, reason })).toMatchObject({
    ok: true,
  });
  const confirmer = proposerId === t.manager.id ? t.admin.id : t.manager.id;
  expect(await reviewObligationDecision(await ctxFor(confirmer), { obligationId, decision: "CONFIRM" })).toMatchObject({
    ok: true,
  });
}
