import { afterAll, describe, expect, it } from "vitest";
import { makeTenant } from "../support/tenant-fixture";
import { ctxFor, logIncident } from "../support/incident-fixture";
import { until } from "../support/until";
import { cachedViewer } from "@/server/data/viewer-cache";
import { getIncidentPageData } from "@/server/data/incident-page";
import { latestVersion, stopChangeFeed, trustedGeneration } from "@/server/change-feed";
import { addIncidentNote } from "@/server/services/incidents/add-incident-note";

// The incident page keeps its data per organization data version (incident-page.ts): these hold
// it to the database's word after a change, and to the viewer's scope.
describe("the incident page's data kept between visits", () => {
  afterAll(stopChangeFeed); // its connection would keep the worker alive

  it("is reused while nothing changes, read afresh after a change in the organization, and only ever in scope", async () => {
    await until(() => trustedGeneration() !== null); // the feed proved it delivers
    const t = await makeTenant();
    const other = await makeTenant();
    const { id } = await logIncident(await ctxFor(t.manager.id), t.clientB.id);
    await until(async () => (await cachedViewer(t.manager.id))?.dataVersion === latestVersion(t.org.id));

    const manager = (await cachedViewer(t.manager.id))!;
    const first = await getIncidentPageData(manager, id);
    expect(first?.detail.incident.id).toBe(id);
    expect(await getIncidentPageData(manager, id)).toBe(first); // no query: the same object

    // kept for the manager, yet never for a viewer whose clients do not include the incident's
    const analyst = (await cachedViewer(t.analyst.id))!;
    expect(analyst.clientIds).toEqual([t.clientA.id]);
    expect(await getIncidentPageData(analyst, id)).toBeNull();
    expect(await getIncidentPageData((await cachedViewer(other.manager.id))!, id)).toBeNull();

    // a note: once its change is announced, the next visit reads the incident again and shows it
    const before = latestVersion(t.org.id);
    const note = await addIncidentNote(await ctxFor(t.manager.id), {
      incidentId: id,
      body: "Mailbox rules reviewed: no forwarding.",
    });
    expect(note.ok).toBe(true);
    await until(() => latestVersion(t.org.id) !== before);
    const after = (await cachedViewer(t.manager.id))!;
    expect(after.dataVersion).not.toBe(manager.dataVersion);
    const second = await getIncidentPageData(after, id);
    expect(second).not.toBe(first);
    expect(second?.detail.incident.notes.map((n) => n.body)).toContain("Mailbox rules reviewed: no forwarding.");
    expect(first?.detail.incident.notes.map((n) => n.body)).not.toContain("Mailbox rules reviewed: no forwarding.");
  });
});
