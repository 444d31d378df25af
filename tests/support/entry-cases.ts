import { db } from "@/server/db";
import { viewerModule } from "./next-mocks";
import { incidentIn, noticeIn, place, shared, type Actor, type Target, type World } from "./access-world";
import type { Input } from "./action-inputs";
import type { Permission } from "@/domain/access/permissions";
import { getIncidentPageData } from "@/server/data/incident-page";
import { getNoticeForStaff } from "@/server/data/obligations";
import { getVisibleClient } from "@/server/data/clients";
import { listPortalIncidents } from "@/server/data/portal";
import { dashboardFigures } from "@/server/data/dashboard";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { GET as dashboardExport } from "@/app/api/exports/dashboard/route";
import { GET as incidentsExport } from "@/app/api/exports/incidents/route";
import { GET as auditExport } from "@/app/api/incidents/[id]/audit/route";
import { GET as reportExport } from "@/app/api/incidents/[id]/report/route";
import { GET as noticePdf } from "@/app/api/portal/notices/[id]/pdf/route";
import { GET as staffList } from "@/app/api/staff/route";
import { GET as auditLogExport } from "@/app/api/audit/export/route";
import { auditFilterOptions, resolveAuditFilter } from "@/server/data/audit-filters";
import { listAuditLog } from "@/server/data/audit-log";
import { parseAuditLogQuery } from "@/lib/validation/audit-log";
import { getAlertForTriage } from "@/server/data/alerts";
import { getAutomationRule } from "@/server/data/automation";
import { saveAutomationRule } from "@/server/services/automation/manage-rules";
import { saveRuleSchema } from "@/lib/validation/automation-rule";
import { alertIn } from "./alert-fixture";
import { ctxFor } from "./incident-fixture";

// The route handlers and the data loaders behind the pages that take an id or a client, as the
// access registry lists them with matrix "cases". `call` answers with something comparable:
// a route's { status, type, body }, a page's { loaded } data (or "not found" when its permission
// check or its loader says so). Cases only read, so what they need is made once per target.

export type EntryContext = { w: World; target: Target; actor: Actor };
export type EntryCase = {
  build: (c: EntryContext) => Promise<Input>;
  ids: readonly string[];
  targeted?: false;
  call: (input: Input) => Promise<unknown>;
};

const sharedIncident = (c: EntryContext) => shared(c.w, `incident:${c.target}`, () => incidentIn(c.w, c.target));
const sentNotice = (c: EntryContext) => shared(c.w, `notice-SENT:${c.target}`, () => noticeIn(c.w, c.target, "SENT"));
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0]! : (v ?? ""));
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/** A response as a comparable value: status, type, and a text body with its instants blanked. */
async function answerOf(res: Response) {
  const type = res.headers.get("content-type") ?? "";
  const body = /json|text|csv/.test(type)
    ? (await res.text()).replace(ISO, "<instant>").replace(/\d{4}-\d{2}-\d{2}\.csv/g, "<day>.csv")
    : `<${(await res.arrayBuffer()).byteLength > 0 ? "bytes" : "empty"}>`;
  return { status: res.status, type: type.split(";")[0], body };
}

const request = (path: string) => new Request(`http://localhost:3000${path}`);
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

/** A page: its permission check, then its loader; a refusal of either is the page's 404. */
async function page(
  permission: Permission,
  load: (viewer: Awaited<ReturnType<typeof viewerModule.requireViewer>>) => Promise<unknown>,
) {
  let viewer;
  try {
    viewer = await viewerModule.requireViewer(permission);
  } catch {
    return "not found";
  }
  const value = await load(viewer);
  return value === null || value === undefined
    ? "not found"
    : { loaded: JSON.parse(JSON.stringify(value).replace(ISO, "<instant>")) };
}

export const ROUTE_CASES: Record<string, EntryCase> = {
  "src/app/api/audit/export/route.ts#GET": {
    ids: ["client"],
    build: async (c) => {
      await sharedIncident(c);
      return { client: place(c.w, c.target).client.id };
    },
    call: async (input) =>
      answerOf(
        await auditLogExport(
          request(`/api/audit/export?kind=incident.&client=${encodeURIComponent(str(input.client))}`),
        ),
      ),
  },
  "src/app/api/exports/dashboard/route.ts#GET": {
    ids: ["clientId"],
    build: async (c) => {
      await sharedIncident(c);
      return { clientId: place(c.w, c.target).client.id };
    },
    call: async (input) =>
      answerOf(
        await dashboardExport(request(`/api/exports/dashboard?clientId=${encodeURIComponent(str(input.clientId))}`)),
      ),
  },
  "src/app/api/exports/incidents/route.ts#GET": {
    ids: ["clientId"],
    build: async (c) => {
      await sharedIncident(c);
      return { clientId: place(c.w, c.target).client.id };
    },
    call: async (input) =>
      answerOf(
        await incidentsExport(request(`/api/exports/incidents?clientId=${encodeURIComponent(str(input.clientId))}`)),
      ),
  },
  "src/app/api/incidents/[id]/audit/route.ts#GET": {
    ids: ["id"],
    build: async (c) => ({ id: (await sharedIncident(c)).id }),
    call: async (input) =>
      answerOf(await auditExport(request(`/api/incidents/${str(input.id)}/audit`), params({ id: str(input.id) }))),
  },
  "src/app/api/incidents/[id]/report/route.ts#GET": {
    ids: ["id"],
    build: async (c) => ({ id: (await sharedIncident(c)).id }),
    call: async (input) =>
      answerOf(
        await reportExport(request(`/api/incidents/${str(input.id)}/report?format=md`), params({ id: str(input.id) })),
      ),
  },
  "src/app/api/portal/notices/[id]/pdf/route.ts#GET": {
    ids: ["id"],
    build: async (c) => ({ id: await sentNotice(c) }),
    call: async (input) =>
      answerOf(await noticePdf(request(`/api/portal/notices/${str(input.id)}/pdf`), params({ id: str(input.id) }))),
  },
  "src/app/api/staff/route.ts#GET": {
    ids: [],
    targeted: false,
    build: async () => ({}),
    call: async () => answerOf(await staffList()),
  },
};

export const PAGE_CASES: Record<string, EntryCase> = {
  // a client of someone else's is named beside the filter, exactly like one that does not exist: nothing is listed
  "src/app/(staff)/audit/page.tsx": {
    ids: ["client"],
    build: async (c) => {
      await sharedIncident(c);
      return { client: place(c.w, c.target).client.id };
    },
    call: (input) =>
      page("audit:read", async (viewer) => {
        const { query, fieldErrors } = parseAuditLogQuery(
          { client: str(input.client), kind: "incident." },
          viewer.timeZone,
        );
        const resolved = await resolveAuditFilter(viewer, query, await auditFilterOptions(viewer));
        return Object.keys({ ...fieldErrors, ...resolved.fieldErrors }).length
          ? null
          : listAuditLog(viewer, resolved.filter);
      }),
  },
  "src/app/(staff)/dashboard/page.tsx": {
    ids: ["clientId"],
    build: async (c) => {
      await sharedIncident(c);
      return { clientId: place(c.w, c.target).client.id };
    },
    call: (input) =>
      page("dashboard:view", async (viewer) => {
        const { query } = parseDashboardQuery({ clientId: str(input.clientId) }, viewer.timeZone, new Date());
        return (await dashboardFigures(viewer, query)).value;
      }),
  },
  "src/app/(staff)/alerts/[id]/page.tsx": {
    ids: ["id"],
    build: async (c) => {
      const p = place(c.w, c.target);
      return { id: (await shared(c.w, `alert:${c.target}`, () => alertIn(p.tenant.org.id, p.client.id))).id };
    },
    call: (input) => page("alert:triage", (viewer) => getAlertForTriage(viewer, str(input.id))),
  },
  "src/app/(staff)/admin/automation/[id]/page.tsx": {
    ids: ["id"],
    build: async (c) => {
      const id = await shared(c.w, `automation-rule:${c.target}`, async () => {
        const r = await saveAutomationRule(
          await ctxFor(place(c.w, c.target).tenant.admin.id),
          saveRuleSchema.parse({
            name: `Dry run ${c.target}`,
            trigger: "alert.created",
            actionKind: "notify_managers",
          }),
        );
        if (!r.ok) throw new Error(r.message);
        return r.value.id;
      });
      return { id };
    },
    call: (input) => page("automation:manage", (viewer) => getAutomationRule(viewer, str(input.id))),
  },
  "src/app/(staff)/incidents/[id]/page.tsx": {
    ids: ["id"],
    build: async (c) => ({ id: (await sharedIncident(c)).id }),
    call: (input) => page("incident:read", (viewer) => getIncidentPageData(viewer, str(input.id))),
  },
  "src/app/(staff)/incidents/[id]/notices/[noticeId]/page.tsx": {
    ids: ["id", "noticeId"],
    build: async (c) => {
      const noticeId = await sentNotice(c);
      const n = await db().notice.findUniqueOrThrow({ where: { id: noticeId } });
      return { id: n.incidentId, noticeId };
    },
    call: (input) => page("notice:draft", (viewer) => getNoticeForStaff(viewer, str(input.id), str(input.noticeId))),
  },
  "src/app/(portal)/portal/[clientId]/page.tsx": {
    ids: ["clientId"],
    build: async (c) => {
      await sentNotice(c);
      return { clientId: place(c.w, c.target).client.id };
    },
    call: (input) =>
      page("portal:view", async (viewer) => {
        const client = await getVisibleClient(viewer, str(input.clientId));
        return client ? { client, incidents: await listPortalIncidents(viewer, client.id) } : null;
      }),
  },
  "src/app/(portal)/portal/[clientId]/notices/[noticeId]/page.tsx": {
    ids: ["clientId", "noticeId"],
    build: async (c) => ({ clientId: place(c.w, c.target).client.id, noticeId: await sentNotice(c) }),
    call: (input) =>
      page("portal:view", async (viewer) => {
        const client = await getVisibleClient(viewer, str(input.clientId));
        if (!client) return null;
        const incidents = (await listPortalIncidents(viewer, client.id)) ?? [];
        return incidents.flatMap((i) => i.notices).find((n) => n.id === str(input.noticeId)) ?? null;
      }),
  },
};
