import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { ctxFor } from "./incident-fixture";
import {
  actorId,
  contractObligation,
  incidentIn,
  INCIDENT_INPUT,
  noticeIn,
  place,
  readNotice,
  shared,
  type Actor,
  type NoticeState,
  type Target,
  type World,
} from "./access-world";
import { addEvidence } from "@/server/services/incidents/add-evidence";
import { addIncidentTask } from "@/server/services/incidents/add-incident-task";
import { noticeDestinations } from "@/server/data/notice-destinations";
import { markObligationNotRequired } from "@/server/services/obligations/decide-obligation";
import { alertIn } from "./alert-fixture";
import { saveAutomationRule } from "@/server/services/automation/manage-rules";
import { saveRuleSchema } from "@/lib/validation/automation-rule";
import { createIntegration } from "@/server/services/admin/integrations";
import { addOverride, createRota } from "@/server/services/on-call/manage-rotas";
import { createWebhook } from "@/server/services/webhooks/manage-webhooks";

// A valid input for every server action the access registry lists with matrix "cases", so that
// "allowed" means the action did its work. `build` makes what the input names in the target's
// client: something new when `fresh` (an allowed case changes it), else one shared per target.
// `ids` are the fields that name tenant data: the matrix replaces them with random uuids to get
// the "does not exist" answer every refused case must equal. `allowed: "in-scope"` is for
// actions whose valid input still meets a state the fixture cannot cheaply reach (the review is
// written in the post-mortem phase): allowed then means "not the not-found answer".
// `targeted: false`: the input names no tenant data; the matrix runs it once per role.

export type Input = Record<string, string | string[]>;
export type BuildContext = { w: World; target: Target; actor: Actor; fresh: boolean };
export type ActionCase = {
  build: (c: BuildContext) => Promise<Input>;
  ids: readonly string[];
  allowed?: "ok" | "in-scope";
  targeted?: false;
  /** How the action is called when it does not take (previous state, FormData). */
  args?: (input: Input) => unknown[];
};

const resource = <T>(c: BuildContext, kind: string, make: () => Promise<T>) =>
  c.fresh ? make() : shared(c.w, `${kind}:${c.target}`, make);
const incident = (c: BuildContext) => resource(c, "incident", () => incidentIn(c.w, c.target));
const current = async (c: BuildContext) => db().incident.findUniqueOrThrow({ where: { id: (await incident(c)).id } });
const obligation = async (c: BuildContext) =>
  resource(c, "obligation", async () => (await contractObligation((await incidentIn(c.w, c.target)).id)).id);
/** An obligation the target's manager proposed as not required (a second person confirms or rejects it). */
const proposed = (c: BuildContext) =>
  resource(c, "proposed-obligation", async () => {
    const id = (await contractObligation((await incidentIn(c.w, c.target)).id)).id;
    const r = await markObligationNotRequired(await operator(c), {
      obligationId: id,
      reason: "No personal data was in the mailbox.",
    });
    if (!r.ok) throw new Error(r.message);
    return id;
  });
const notice = (c: BuildContext, state: NoticeState) =>
  resource(c, `notice-${state}`, () => noticeIn(c.w, c.target, state));
const tag = () => randomUUID().slice(0, 8);
/** A live integration of the target's organization (made by its administrator), posting for the target's client. */
const integration = (c: BuildContext) =>
  resource(c, "integration", async () => {
    const p = place(c.w, c.target);
    const r = await createIntegration(await ctxFor(p.tenant.admin.id), {
      name: `SIEM ${tag()}`,
      format: "GENERIC",
      clientIds: [p.client.id],
      rateLimitPerMinute: 600,
    });
    if (!r.ok) throw new Error(r.message);
    return r.value.integrationId;
  });
const operator = (c: BuildContext) => ctxFor(place(c.w, c.target).tenant.manager.id);
/** An on-call rota of the target's client (made by its organization's manager), its manager on it. */
const rota = (c: BuildContext) =>
  resource(c, "rota", async () => {
    const p = place(c.w, c.target);
    const r = await createRota(await ctxFor(p.tenant.manager.id), {
      name: `Standby ${tag()}`,
      clientId: p.client.id,
      timeZone: undefined,
      handoverTime: "09:00",
      rotation: "weekly",
      shiftHours: undefined,
      startsOn: "2026-01-05",
      memberIds: [p.tenant.manager.id],
      secondaryUserId: undefined,
      escalateAfterMinutes: 15,
      enabled: true,
    });
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  });
const rotaFields = async (c: BuildContext, rotaId?: string): Promise<Input> => {
  const p = place(c.w, c.target);
  return {
    ...(rotaId
      ? { rotaId, version: String((await db().onCallRota.findUniqueOrThrow({ where: { id: rotaId } })).version) }
      : {}),
    name: `Standby ${tag()}`,
    clientId: p.client.id,
    handoverTime: "09:00",
    rotation: "custom",
    shiftHours: "12",
    startsOn: "2026-01-05",
    memberIds: [p.tenant.manager.id],
    escalateAfterMinutes: "10",
    enabled: "on",
  };
};
/** A webhook subscription of the target's organization (made by its administrator), to a loopback port. */
const webhook = (c: BuildContext) =>
  resource(c, "webhook", async () => {
    const p = place(c.w, c.target);
    const r = await createWebhook(await ctxFor(p.tenant.admin.id), {
      url: "http://127.0.0.1:9/hook",
      events: ["incident.created"],
      allowPrivate: true,
    });
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  });

async function noticeEdit(c: BuildContext, noticeId: string): Promise<Input> {
  const n = await readNotice(place(c.w, c.target).tenant.manager.id, noticeId);
  const fields = Object.fromEntries(n.fields.map((f) => [`field.${f.key}`, f.value || `Filled in: ${f.label}`]));
  return { noticeId, version: String(n.version), subject: n.subject, ...fields };
}

const clientFields = async (clientId: string): Promise<Input> => {
  const c = await db().client.findUniqueOrThrow({ where: { id: clientId } });
  return {
    clientId,
    name: c.name,
    sector: c.sector,
    timeZone: c.timeZone,
    country: c.country,
    noticeHours: String(c.noticeHours),
  };
};

/** An undecided alert of the target's client (a new one when the case may decide it). */
const alert = (c: BuildContext) =>
  resource(c, "alert", () => {
    const p = place(c.w, c.target);
    return alertIn(p.tenant.org.id, p.client.id);
  });
/** A rule of the target's organization, saved by its administrator: its id and current version. */
const automationRule = (c: BuildContext) =>
  resource(c, "automation-rule", async () => {
    const admin = await ctxFor(place(c.w, c.target).tenant.admin.id);
    const r = await saveAutomationRule(
      admin,
      saveRuleSchema.parse({
        name: `Tell the managers ${tag()}`,
        trigger: "alert.created",
        conditionField: "severity",
        conditionOp: "at_least",
        conditionValue: "HIGH",
        actionKind: "notify_managers",
        actionValue: "A severe alert came in",
      }),
    );
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  });

export const ACTION_INPUTS: Record<string, ActionCase> = {
  acknowledgeNotice: { ids: ["noticeId"], build: async (c) => ({ noticeId: await notice(c, "SENT") }) },
  addActionItem: {
    ids: ["incidentId"],
    allowed: "in-scope",
    build: async (c) => ({ incidentId: (await incident(c)).id, title: "Review the phishing filters", timeZone: "UTC" }),
  },
  addAffectedAsset: {
    ids: ["incidentId"],
    build: async (c) => ({ incidentId: (await incident(c)).id, name: `Mail server ${tag()}`, kind: "server" }),
  },
  addCustodyEntry: {
    ids: ["incidentId", "evidenceId"],
    build: async (c) => {
      const { incidentId, evidenceId } = await resource(c, "evidence", async () => {
        const i = await incidentIn(c.w, c.target);
        const e = await addEvidence(await operator(c), {
          incidentId: i.id,
          description: "Mailbox export",
          location: "Vault 3",
          sha256: "a".repeat(64),
          collectedAt: "2026-01-11T10:00",
          timeZone: "UTC",
        });
        if (!e.ok) throw new Error(e.message);
        const row = await db().evidence.findFirstOrThrow({ where: { incidentId: i.id } });
        return { incidentId: i.id, evidenceId: row.id };
      });
      return { incidentId, evidenceId, action: "ACCESSED", note: "Checked the hash" };
    },
  },
  addEvidence: {
    ids: ["incidentId"],
    build: async (c) => ({
      incidentId: (await incident(c)).id,
      description: "Mailbox export",
      location: "Vault 3",
      sha256: "b".repeat(64),
      collectedAt: "2026-01-11T10:00",
      timeZone: "UTC",
    }),
  },
  addIncidentNote: {
    ids: ["incidentId"],
    build: async (c) => ({ incidentId: (await incident(c)).id, body: "Called the client's privacy officer." }),
  },
  addIncidentTask: {
    ids: ["incidentId"],
    build: async (c) => ({ incidentId: (await incident(c)).id, title: "Reset the agent's passwords", timeZone: "UTC" }),
  },
  assignIncidentOwner: {
    ids: ["incidentId"],
    // taking it oneself is open to every role that updates incidents
    build: async (c) => {
      const i = await current(c);
      return { incidentId: i.id, version: String(i.version), ownerId: actorId(c.w, c.actor) };
    },
  },
  completeReview: {
    ids: ["incidentId"],
    allowed: "in-scope",
    build: async (c) => ({ incidentId: (await incident(c)).id, version: "1" }),
  },
  createIncident: {
    ids: ["clientId"],
    build: async (c) => ({
      clientId: place(c.w, c.target).client.id,
      title: "Lost laptop",
      summary: "A laptop with claim files was left on a train.",
      type: "DATA_BREACH",
      severity: "MEDIUM",
      timeZone: "UTC",
      ...INCIDENT_INPUT,
      dataCategories: ["PERSONAL"],
      jurisdictions: ["US-CA"],
    }),
  },
  draftNotice: { ids: ["obligationId"], build: async (c) => ({ obligationId: await obligation(c) }) },
  markNoticeRead: {
    ids: ["noticeId"],
    args: (input) => [input.noticeId],
    build: async (c) => ({ noticeId: await notice(c, "SENT") }),
  },
  markNotificationsRead: { ids: [], targeted: false, build: async () => ({}) },
  markObligationNotRequired: {
    ids: ["obligationId"],
    build: async (c) => ({ obligationId: await obligation(c), reason: "No personal data was in the mailbox." }),
  },
  postNoticeMessage: {
    ids: ["noticeId"],
    build: async (c) => ({ noticeId: await notice(c, "SENT"), body: "When will the affected people be told?" }),
  },
  recordExternalFiling: {
    ids: ["obligationId"],
    build: async (c) => ({
      obligationId: await obligation(c),
      filedBy: "BPO",
      filedAt: "2026-01-11T10:00",
      timeZone: "UTC",
      reference: `REF-${tag()}`,
    }),
  },
  resetUserMfa: { ids: ["userId"], build: async (c) => ({ userId: place(c.w, c.target).contact.id }) },
  reviewNotice: {
    ids: ["noticeId"],
    build: async (c) => ({ noticeId: await notice(c, "AWAITING_APPROVAL"), decision: "APPROVE" }),
  },
  saveReview: {
    ids: ["incidentId"],
    allowed: "in-scope",
    build: async (c) => ({
      incidentId: (await incident(c)).id,
      version: "0",
      summary: "What happened",
      rootCause: "Phishing",
      contributingFactors: "",
      wentWell: "",
      wentBadly: "",
      lessons: "",
    }),
  },
  sendNotice: {
    ids: ["noticeId"],
    build: async (c) => ({
      noticeId: await notice(c, "APPROVED"),
      confirm: "yes",
      recipients: (await noticeDestinations(db(), place(c.w, c.target).client.id)).fingerprint,
    }),
  },
  startPasswordReset: { ids: ["userId"], build: async (c) => ({ userId: place(c.w, c.target).contact.id }) },
  submitNotice: { ids: ["noticeId"], build: async (c) => noticeEdit(c, await notice(c, "DRAFT")) },
  toggleChecklistItem: {
    ids: ["incidentId", "itemId"],
    build: async (c) => {
      const i = await incident(c);
      const item = await db().checklistItem.findFirstOrThrow({
        where: { incidentId: i.id, doneAt: null },
        orderBy: { id: "asc" },
      });
      return { incidentId: i.id, itemId: item.id, done: "true" };
    },
  },
  toggleIncidentTask: {
    ids: ["incidentId", "taskId"],
    build: async (c) => {
      const { incidentId, taskId } = await resource(c, "task", async () => {
        const i = await incidentIn(c.w, c.target);
        const made = await addIncidentTask(await operator(c), {
          incidentId: i.id,
          title: "Call the client",
          ownerId: null,
          dueAt: null,
        });
        if (!made.ok) throw new Error(made.message);
        return {
          incidentId: i.id,
          taskId: (await db().incidentTask.findFirstOrThrow({ where: { incidentId: i.id } })).id,
        };
      });
      return { incidentId, taskId, done: "true" };
    },
  },
  transitionIncident: {
    ids: ["incidentId"],
    build: async (c) => {
      const i = await current(c);
      return {
        incidentId: i.id,
        version: String(i.version),
        kind: "CHANGE_SEVERITY",
        severity: i.severity === "LOW" ? "MEDIUM" : "LOW",
        reason: "Fewer records than feared.",
      };
    },
  },
  updateActionItem: {
    ids: ["incidentId", "actionItemId"],
    allowed: "in-scope",
    build: async (c) => ({
      incidentId: (await incident(c)).id,
      actionItemId: randomUUID(),
      ownerId: "",
      status: "DONE",
    }),
  },
  updateAssessment: {
    ids: ["incidentId"],
    build: async (c) => {
      const i = await current(c);
      return {
        incidentId: i.id,
        version: String(i.version),
        timeZone: "UTC",
        risk: "RISK",
        riskAssessedAt: "2026-01-10T12:00",
      };
    },
  },
  updateIncidentFacts: {
    ids: ["incidentId"],
    build: async (c) => {
      const i = await current(c);
      return {
        incidentId: i.id,
        version: String(i.version),
        title: "Phishing led to mailbox access",
        summary: "Updated after the interview.",
        timeZone: "UTC",
        ...INCIDENT_INPUT,
        dataCategories: ["PERSONAL"],
        jurisdictions: ["US-CA"],
      };
    },
  },
  updateNoticeDraft: {
    ids: ["noticeId"],
    build: async (c) => ({
      ...(await noticeEdit(c, await notice(c, "DRAFT"))),
      subject: `Notice of a data incident ${tag()}`,
    }),
  },
  // rejecting: allowed to every approver, the proposer too (only confirming needs someone else)
  reviewObligationDecision: {
    ids: ["obligationId"],
    build: async (c) => ({
      obligationId: await proposed(c),
      decision: "REJECT",
      reason: "The client's health data was in it.",
    }),
  },
  waiveObligation: {
    ids: ["obligationId"],
    build: async (c) => ({
      obligationId: await obligation(c),
      reason: "The client confirmed in writing that it files itself.",
    }),
  },
  withdrawNotice: {
    ids: ["noticeId"],
    // only the person who drafted a notice withdraws it: an allowed case withdraws its own
    build: async (c) => ({
      noticeId: c.fresh
        ? await noticeIn(c.w, c.target, "AWAITING_APPROVAL", actorId(c.w, c.actor))
        : await notice(c, "AWAITING_APPROVAL"),
    }),
  },
  createClient: {
    ids: [],
    targeted: false,
    build: async () => ({
      name: `New client ${tag()}`,
      sector: "HEALTHCARE",
      timeZone: "UTC",
      country: "US",
      noticeHours: "72",
    }),
  },
  updateClient: { ids: ["clientId"], build: async (c) => clientFields(place(c.w, c.target).client.id) },
  createUser: {
    ids: ["clientId"],
    build: async (c) => ({
      name: "New contact",
      email: `new-${tag()}@fixture.test`,
      role: "CLIENT_CONTACT",
      clientId: place(c.w, c.target).client.id,
      clientIds: [],
    }),
  },
  updateUser: {
    ids: ["userId", "clientId"],
    build: async (c) => {
      const p = place(c.w, c.target);
      return { userId: p.contact.id, role: "CLIENT_CONTACT", clientId: p.client.id, clientIds: [], active: "on" };
    },
  },
  setIncidentLegalHold: {
    ids: ["incidentId"],
    build: async (c) => ({
      incidentId: (await incident(c)).id,
      mode: "set",
      reason: "Smith v. Acme: counsel asked to keep it",
    }),
  },
  setClientLegalHold: {
    ids: ["clientId"],
    // one client per target: each allowed case flips its hold, so none meets the one before
    build: async (c) => {
      const client = await db().client.findUniqueOrThrow({ where: { id: place(c.w, c.target).client.id } });
      return { clientId: client.id, mode: client.legalHoldAt ? "lift" : "set", reason: "The regulator's inquiry" };
    },
  },
  setMfaPolicy: { ids: [], targeted: false, build: async () => ({ roles: [] }) },
  createIntegration: {
    ids: ["clientIds"],
    build: async (c) => ({
      name: `SIEM ${tag()}`,
      format: "WAZUH",
      clientIds: [place(c.w, c.target).client.id],
      rateLimitPerMinute: "600",
    }),
  },
  revokeIntegration: { ids: ["integrationId"], build: async (c) => ({ integrationId: await integration(c) }) },
  rotateIntegrationSecret: { ids: ["integrationId"], build: async (c) => ({ integrationId: await integration(c) }) },
  createRota: { ids: ["clientId", "memberIds"], build: async (c) => rotaFields(c) },
  updateRota: { ids: ["rotaId", "clientId", "memberIds"], build: async (c) => rotaFields(c, await rota(c)) },
  addOnCallOverride: {
    ids: ["rotaId", "userId"],
    build: async (c) => ({
      rotaId: await rota(c),
      userId: place(c.w, c.target).tenant.manager.id,
      startsAt: "2026-12-10T09:00",
      endsAt: "2026-12-10T17:00",
      reason: "Covering a day's leave",
    }),
  },
  removeOnCallOverride: {
    ids: ["overrideId"],
    // one override per allowed case: removing it is the change
    build: async (c) => {
      const p = place(c.w, c.target);
      const made = await addOverride(await ctxFor(p.tenant.manager.id), {
        rotaId: await rota(c),
        userId: p.tenant.manager.id,
        startsAt: "2026-12-11T09:00",
        endsAt: "2026-12-11T17:00",
        reason: "Covering a day's leave",
      });
      if (!made.ok) throw new Error(made.message);
      return { overrideId: made.value.id };
    },
  },
  acknowledgePage: {
    ids: ["incidentId"],
    // an analyst in scope who was not paged is refused (not "not found"): a manager acknowledges
    allowed: "in-scope",
    build: async (c) => {
      const { id } = c.fresh ? await incidentIn(c.w, c.target) : await incident(c);
      const i = await db().incident.findUniqueOrThrow({ where: { id }, select: { organizationId: true } });
      await db().onCallPage.upsert({
        where: { incidentId: id },
        create: {
          organizationId: i.organizationId,
          incidentId: id,
          pagedUserIds: [],
          escalateAfterMinutes: 15,
          pagedAt: new Date(),
          escalateAt: new Date(Date.now() + 900_000),
        },
        update: {},
      });
      return { incidentId: id };
    },
  },
  createWebhook: {
    ids: [],
    targeted: false,
    build: async () => ({ url: "http://127.0.0.1:9/hook", events: ["incident.created"], allowPrivate: "on" }),
  },
  updateWebhook: {
    ids: ["subscriptionId"],
    build: async (c) => ({
      subscriptionId: await webhook(c),
      url: "http://127.0.0.1:9/other",
      events: ["incident.created", "notice.sent"],
      allowPrivate: "on",
      enabled: "on",
    }),
  },
  rotateWebhookSecret: { ids: ["subscriptionId"], build: async (c) => ({ subscriptionId: await webhook(c) }) },
  sendWebhookTest: { ids: ["subscriptionId"], build: async (c) => ({ subscriptionId: await webhook(c) }) },
  setRuleOverride: {
    ids: [],
    targeted: false,
    build: async () => ({ ruleId: "pci-visa", amount: "24", unit: "HOURS", note: "From the card brand's letter." }),
  },
  setWorkingTarget: { ids: [], targeted: false, build: async () => ({ hours: "48" }) },
  dismissAlert: {
    ids: ["alertId"],
    build: async (c) => ({ alertId: (await alert(c)).id, reason: "A scheduled vulnerability scan" }),
  },
  mergeAlert: {
    ids: ["alertId", "incidentId"],
    build: async (c) => ({ alertId: (await alert(c)).id, incidentId: (await incident(c)).id }),
  },
  promoteAlert: {
    ids: ["alertId"],
    build: async (c) => ({
      alertId: (await alert(c)).id,
      clientId: place(c.w, c.target).client.id,
      title: "Brute force on the agent VPN",
      summary: "Promoted from a Wazuh alert: repeated failed logins.",
      type: "CYBERATTACK",
      severity: "HIGH",
      timeZone: "UTC",
      ...INCIDENT_INPUT,
      dataCategories: ["CREDENTIALS"],
    }),
  },
  saveAutomationRule: {
    ids: ["ruleId"],
    build: async (c) => {
      const ruleId = await automationRule(c);
      const { version } = await db().automationRule.findUniqueOrThrow({ where: { id: ruleId } });
      return {
        ruleId,
        version: String(version),
        name: `Tell the managers ${tag()}`,
        trigger: "alert.created",
        conditionField: ["source"],
        conditionOp: ["equals"],
        conditionValue: ["wazuh"],
        actionKind: ["notify_managers"],
        actionValue: [""],
      };
    },
  },
  setAutomationRuleEnabled: {
    ids: ["ruleId"],
    build: async (c) => {
      const ruleId = await automationRule(c);
      const { enabled } = await db().automationRule.findUniqueOrThrow({ where: { id: ruleId } });
      return { ruleId, enabled: enabled ? "false" : "true" };
    },
  },
};

/** FormData as a browser form posts it: a list field once per value. */
export function formDataOf(input: Input): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input))
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  return form;
}

/**
 * The actions that act on the caller's own session (matrix: skipped, see the registry): a
 * plausible input each, for the fuzzer to start from. Nothing here is a valid secret.
 */
export const SESSION_ACTION_INPUTS: Record<string, { input: Input; args?: (input: Input) => unknown[] }> = {
  changePassword: { input: { currentPassword: "not the password", newPassword: "a long enough new pass phrase" } },
  confirmMfaEnrolment: { input: { sealed: "not-a-sealed-secret", code: "123456" } },
  endOneSession: { input: { sessionId: randomUUID() } },
  endOtherSessions: { input: {}, args: () => [{ ok: false }] },
  signOutEverywhere: { input: {}, args: () => [] },
  regenerateRecoveryCodes: { input: { code: "123456" } },
  setPassword: { input: { token: "not-a-token", password: "a long enough new pass phrase" } },
  signOut: { input: {}, args: () => [] },
  touchSession: { input: {}, args: () => [] },
  verifySecondFactor: { input: { code: "123456", callbackUrl: "/incidents" } },
};
