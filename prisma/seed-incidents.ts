// Demo incidents: every type in every phase, each walked there through the real services (so
// phase events, checklist progress, notes, evidence and the audit chain are all genuine), by a
// well-run team: notices go out within hours of awareness and are acknowledged, the client's own
// filings are recorded as they are made. A few things are in flight, as on any real day (see
// IN_FLIGHT): a contract notice due in a few hours, one waiting for the manager's approval, one
// a few hours late, and a client question not yet answered.
import { loadViewer } from "../src/server/data/load-viewer";
import type { ServiceContext } from "../src/server/services/context";
import { createIncident } from "../src/server/services/incidents/create-incident";
import { transitionIncident } from "../src/server/services/incidents/transition-incident";
import { toggleChecklistItem } from "../src/server/services/incidents/toggle-checklist-item";
import { addIncidentNote } from "../src/server/services/incidents/add-incident-note";
import { addIncidentTask } from "../src/server/services/incidents/add-incident-task";
import { addEvidence } from "../src/server/services/incidents/add-evidence";
import { addAffectedAsset } from "../src/server/services/incidents/add-affected-asset";
import { createIncidentSchema } from "../src/lib/validation/incident";
import { updateAssessment } from "../src/server/services/incidents/update-assessment";
import { draftNotice, updateNoticeDraft } from "../src/server/services/notices/draft-notice";
import { submitNotice, reviewNotice } from "../src/server/services/notices/review-notice";
import { sendNotice } from "../src/server/services/notices/send-notice";
import { noticeDestinations } from "../src/server/data/notice-destinations";
import { acknowledgeNotice, postNoticeMessage } from "../src/server/services/notices/portal-actions";
import { recordExternalFiling, markObligationNotRequired } from "../src/server/services/obligations/decide-obligation";
import { reviewObligationDecision } from "../src/server/services/obligations/confirm-obligation-decision";
import {
  addActionItem,
  completeReview,
  saveReview,
  updateActionItem,
} from "../src/server/services/post-mortem/post-mortem";
import { PHASES, type IncidentType } from "../src/domain/incident/types";
import { present } from "../scripts/lib/present";
import type { PrismaClient } from "../src/generated/prisma/client";
import type { Result } from "../src/server/services/result";
import { createHash } from "node:crypto";
import { readCipher } from "../src/server/crypto/incident-keys";
import { openNoticeFields } from "../src/server/crypto/sealed-notice";
import { SETTLED_STATUSES } from "../src/domain/deadlines/obligation-status";

const HOUR = 3600_000;

type Story = {
  type: IncidentType;
  title: string;
  summary: string;
  /** What the client reads: plain facts, no internal names or suspicions. */
  clientSummary: string;
  severity: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
  categories: string[];
  jurisdictions: Record<string, string[]>;
  subjects: number;
  records: number;
  asset: [string, string];
  note: string;
  evidence: string;
};

const STORIES: Story[] = [
  {
    type: "CYBERATTACK",
    title: "Ransomware on claims-processing file server",
    summary: "EDR flagged mass file encryption on the claims share; a ransom note was found on three hosts.",
    clientSummary:
      "Ransomware encrypted files on the server our team uses to process your claims. The affected hosts were isolated the same day; we are restoring from backups and checking whether any files were copied out.",
    severity: "CRITICAL",
    categories: ["PERSONAL", "HEALTH", "FINANCIAL"],
    jurisdictions: { health: ["US-IL", "US-WI"], bank: ["DE", "AT"], law: ["GB"] },
    subjects: 18400,
    records: 52000,
    asset: ["claims-fs-02", "File server"],
    note: "Attacker entered through an unpatched VPN appliance; lateral movement via a reused service account.",
    evidence: "EDR telemetry export of the three encrypted hosts",
  },
  {
    type: "DATA_BREACH",
    title: "Customer records exfiltrated through compromised agent account",
    summary: "An agent's SSO account was phished; 4,000 customer records were exported from the CRM overnight.",
    clientSummary:
      "A staff account was taken over through a phishing e-mail and used overnight to export about 4,000 of your customer records from the case-management system. The account was disabled and its sessions ended when we found it.",
    severity: "HIGH",
    categories: ["PERSONAL", "FINANCIAL"],
    jurisdictions: { health: ["US-IL", "US-CA"], bank: ["DE", "FR", "NL"], law: ["GB", "IE"] },
    subjects: 4000,
    records: 4000,
    asset: ["CRM tenant", "SaaS"],
    note: "CRM audit log shows the export from an IP in a hosting range; MFA fatigue prompt accepted at 02:14.",
    evidence: "CRM audit log export for the compromised account",
  },
  {
    type: "ACCIDENTAL_LEAK",
    title: "Billing statements e-mailed to the wrong customer",
    summary: "A mail-merge error sent 37 billing statements to a single customer address.",
    clientSummary:
      "A printing and mailing error sent 37 billing statements to a single customer's address. The recipient has returned them unopened except for one.",
    severity: "MEDIUM",
    categories: ["PERSONAL", "PAYMENT_CARD"],
    jurisdictions: { health: ["US-IL"], bank: ["DE"], law: ["GB"] },
    subjects: 37,
    records: 37,
    asset: ["Statement mail-merge job", "Batch job"],
    note: "Recipient confirmed deletion in writing; the merge template used a cached address column.",
    evidence: "Outbound mail log entries for the mis-sent batch",
  },
  {
    type: "SYSTEM_FAILURE",
    title: "Storage controller failure corrupted the case-notes database",
    summary: "A firmware fault on the SAN controller corrupted the case-notes database; service was down 6 hours.",
    clientSummary:
      "A storage hardware fault corrupted the database holding case notes for your account; the service was unavailable for 6 hours and was restored from the previous night's backup. No data left our systems.",
    severity: "HIGH",
    categories: ["OPERATIONAL_ONLY"],
    jurisdictions: { health: [], bank: [], law: [] },
    subjects: 0,
    records: 120000,
    asset: ["san-ctrl-a", "Storage"],
    note: "Restored from the 01:00 snapshot; 3 hours of case notes re-keyed from agent call logs.",
    evidence: "SAN controller fault log",
  },
  {
    type: "NATURAL_DISASTER",
    title: "Flooding at the Manila delivery centre",
    summary: "Typhoon flooding cut power and connectivity at the Manila site; 240 agents moved to the Cebu site.",
    clientSummary:
      "Typhoon flooding cut power and connectivity at our Manila delivery site. Your service moved to our Cebu site under the continuity plan; no records were lost or exposed.",
    severity: "HIGH",
    categories: ["OPERATIONAL_ONLY"],
    jurisdictions: { health: [], bank: [], law: [] },
    subjects: 0,
    records: 0,
    asset: ["Manila delivery centre", "Site"],
    note: "Paper files on the ground floor were water-damaged; an inventory is being drawn up.",
    evidence: "Site facilities report and photos of the server room",
  },
  {
    type: "INTERNAL_FRAUD",
    title: "Agent sold card data from call recordings",
    summary: "Fraud monitoring linked card-not-present fraud to calls handled by one agent over three weeks.",
    clientSummary:
      "Our fraud monitoring linked fraudulent card-not-present payments to card details taken during calls handled by one member of staff over three weeks. Their access was removed and the matter is with the police.",
    severity: "CRITICAL",
    categories: ["PERSONAL", "PAYMENT_CARD"],
    jurisdictions: { health: ["US-IL", "US-IN"], bank: ["DE"], law: ["GB"] },
    subjects: 212,
    records: 212,
    asset: ["Call recording platform", "SaaS"],
    note: "HR suspended the agent; legal counsel engaged; police report filed.",
    evidence: "Call recording access log of the agent",
  },
];

const CLIENT_ORDER = ["health", "bank", "law"] as const;

/** How far the team got with the first notice it owes, on the incidents that are still in flight. */
type NoticeStage = "DRAFT" | "AWAITING_APPROVAL";
type InFlight = { hoursAgo: number; stage: NoticeStage };
// keyed by story and phase index; all three are in Identify, so they are the newest incidents
const IN_FLIGHT: Record<string, InFlight> = {
  // ransomware at the hospital: the contract notice waits for the manager's approval
  "0/0": { hoursAgo: 14, stage: "AWAITING_APPROVAL" },
  // phished agent at the bank (12 h contract window): notice drafted, due in a few hours
  "1/0": { hoursAgo: 6, stage: "DRAFT" },
  // storage failure at the hospital: the contract notice slipped, a few hours overdue
  "3/0": { hoursAgo: 29, stage: "DRAFT" },
};
/** The client asked a question on this incident's first notice today; nobody has answered yet. */
const OPEN_QUESTION = "0/3";
/** Questions the team answered within the hour. */
const ANSWERED_QUESTIONS = new Set(["1/3", "2/2", "5/4"]);

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo seed: ${what} refused: ${r.message}`);
  return r.value;
}

export async function seedIncidents(
  prisma: PrismaClient,
  org: { id: string },
  clientIds: Map<string, string>,
  now = new Date(),
): Promise<number> {
  if ((await prisma.incident.count({ where: { organizationId: org.id } })) > 0) return 0;
  const team = await demoTeam(prisma, org.id);
  let created = 0;
  for (const s of STORIES.keys()) {
    for (const p of PHASES.keys()) {
      await walkStory(prisma, team, clientIds, s, p, now);
      created += 1;
    }
  }
  // A well-run team has read what reached it before today; what came in today is still unread.
  await prisma.$executeRaw`
    UPDATE "StaffNotification" n SET "readAt" = n."createdAt" + interval '20 minutes'
    FROM "User" u
    WHERE n."userId" = u.id AND u."organizationId" = ${org.id}::uuid AND n."readAt" IS NULL AND n."createdAt" < ${new Date(now.getTime() - 24 * HOUR)}`;
  return created;
}

type Ctx = (userId: string, at: Date) => Promise<ServiceContext>;
type DemoTeam = Awaited<ReturnType<typeof demoTeam>>;

/** The organization's manager, an analyst for each client, its contacts, and their service contexts. */
async function demoTeam(prisma: PrismaClient, organizationId: string) {
  const users = await prisma.user.findMany({ where: { organizationId }, include: { assignments: true } });
  const manager = present(
    users.find((u) => u.role === "MANAGER"),
    "the demo organization's manager",
  );
  const analystFor = (clientId: string) =>
    users.find((u) => u.role === "ANALYST" && u.assignments.some((a) => a.clientId === clientId)) ?? manager;
  const viewers = new Map<string, NonNullable<Awaited<ReturnType<typeof loadViewer>>>>();
  const ctxOf: Ctx = async (userId, at) => {
    let viewer = viewers.get(userId);
    if (!viewer) {
      viewer = present(await loadViewer(userId), `the viewer of demo user ${userId}`);
      viewers.set(userId, viewer);
    }
    return { viewer, now: at, requestId: "demo-seed" };
  };

  const contactOf = new Map(
    users.flatMap((u) => (u.role === "CLIENT_CONTACT" && u.clientId ? [[u.clientId, u.id] as const] : [])),
  );
  return { manager, analystFor, ctxOf, contactOf };
}

/**
 * Creates one demo incident (a story, walked to a phase) through the real services, as the seed
 * makes each of its own: the browser tests make incidents of their own with it. `titleSuffix` is
 * added to the story's title; `clientKey` replaces the client the seed would choose.
 */
export async function seedDemoIncident(
  prisma: PrismaClient,
  org: { id: string },
  clientIds: Map<string, string>,
  opts: {
    story: number;
    phase: (typeof PHASES)[number];
    titleSuffix?: string;
    clientKey?: (typeof CLIENT_ORDER)[number];
  },
  now = new Date(),
): Promise<string> {
  const team = await demoTeam(prisma, org.id);
  return walkStory(prisma, team, clientIds, opts.story, PHASES.indexOf(opts.phase), now, opts);
}

/** Story `s` walked to phase `p` (the seed's one incident for that pair). Returns its id. */
async function walkStory(
  prisma: PrismaClient,
  { manager, analystFor, ctxOf, contactOf }: DemoTeam,
  clientIds: Map<string, string>,
  s: number,
  p: number,
  now: Date,
  opts: { titleSuffix?: string; clientKey?: (typeof CLIENT_ORDER)[number] } = {},
): Promise<string> {
  const story = present(STORIES[s], `demo story ${s}`);
  const target = present(PHASES[p], `phase ${p}`);
  const clientKey = opts.clientKey ?? present(CLIENT_ORDER[(s + p) % CLIENT_ORDER.length], "a client key");
  const clientId = present(clientIds.get(clientKey), `the ${clientKey} client`);
  const analyst = analystFor(clientId);
  const inFlight = IN_FLIGHT[`${s}/${p}`];
  // later phases happened longer ago; each step takes a few hours, each step of a notice minutes
  let at = new Date(now.getTime() - (inFlight ? inFlight.hoursAgo * HOUR : (p * 30 + 4 + s * 3) * 24 * HOUR));
  const step = () => (at = new Date(at.getTime() + (1 + ((s + p) % 4)) * HOUR));
  const soon = () => (at = new Date(at.getTime() + (10 + ((s + p) % 3) * 5) * 60_000));
  const aware = new Date(at.getTime() - 2 * HOUR);
  const iso = (d: Date) => d.toISOString();
  const input = createIncidentSchema(at).parse({
    clientId,
    title: story.title + (opts.titleSuffix ?? ""),
    summary: story.summary,
    clientSummary: story.clientSummary,
    type: story.type,
    severity: story.severity,
    timeZone: "UTC",
    occurredAt: iso(new Date(aware.getTime() - 5 * HOUR)),
    detectedAt: iso(new Date(aware.getTime() - HOUR)),
    awareAt: iso(aware),
    dataCategories: story.categories,
    dataSubjectsCount: String(story.subjects),
    recordsCount: String(story.records),
    jurisdictions: story.jurisdictions[clientKey],
    dataEncrypted: story.type === "ACCIDENTAL_LEAK" ? "no" : "unknown",
  });
  const { id } = must(await createIncident(await ctxOf(analyst.id, at), input), "create incident");
  must(
    await addAffectedAsset(await ctxOf(analyst.id, step()), {
      incidentId: id,
      name: story.asset[0],
      kind: story.asset[1],
    }),
    "asset",
  );
  const contactId = contactOf.get(clientId);
  const settle = () => settleObligations(prisma, id, analyst.id, manager.id, contactId, ctxOf, soon);
  // the notices we owe go out within hours of awareness; the client's filings are recorded.
  // On the newest incidents the first notice we owe is part-way and the rest not yet due.
  if (inFlight) await startFirstNotice(prisma, id, analyst.id, ctxOf, soon, inFlight.stage);
  else await settle();

  for (const phase of PHASES.slice(0, p)) {
    const items = await prisma.checklistItem.findMany({
      where: { incidentId: id, phase },
      orderBy: { position: "asc" },
    });
    for (const item of items.filter((i, k) => i.required || k % 2 === 0)) {
      must(
        await toggleChecklistItem(await ctxOf(analyst.id, step()), { incidentId: id, itemId: item.id, done: true }),
        "checklist",
      );
    }
    if (phase === "CONTAIN") {
      must(
        await addEvidence(await ctxOf(analyst.id, step()), {
          incidentId: id,
          description: story.evidence,
          location: `evidence-locker://${story.type.toLowerCase()}/${id.slice(0, 8)}`,
          sha256: createHash("sha256").update(`${id}:${story.evidence}`).digest("hex"),
          collectedAt: iso(at),
          timeZone: "UTC",
        }),
        "evidence",
      );
    }
    if (phase === "INVESTIGATE") {
      must(await addIncidentNote(await ctxOf(analyst.id, step()), { incidentId: id, body: story.note }), "note");
      const inc = await prisma.incident.findUniqueOrThrow({ where: { id } });
      const t = step();
      must(
        await updateAssessment(await ctxOf(analyst.id, t), {
          incidentId: id,
          version: inc.version,
          risk: story.severity === "CRITICAL" ? "HIGH_RISK" : "RISK",
          riskAssessedAt: t,
          nis2Significant: story.severity === "CRITICAL",
          doraMajor: story.severity === "CRITICAL",
          doraClassifiedAt: story.severity === "CRITICAL" ? t : null,
          secMaterial: false,
          secDeterminedAt: null,
          subjectsByJurisdiction: null,
        }),
        "assessment",
      );
      // the assessment may call for more notices and filings (high risk, DORA, NIS2)
      await settle();
    }
    if (phase === "CONTAIN" && contactId && ANSWERED_QUESTIONS.has(`${s}/${p}`))
      await askQuestion(prisma, id, contactId, analyst.id, ctxOf, soon, true);
    if (phase === "REPORT") await settle();
    if (phase === "POST_MORTEM") await review(id, story, analyst.id, manager.id, ctxOf, step, true);
    const version = (await prisma.incident.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    must(
      await transitionIncident(await ctxOf(analyst.id, step()), { incidentId: id, version, kind: "ADVANCE" }),
      `advance from ${phase}`,
    );
  }

  if (target === "POST_MORTEM") await review(id, story, analyst.id, manager.id, ctxOf, step, false);
  if (target !== "CLOSED") {
    must(
      await addIncidentTask(await ctxOf(analyst.id, step()), {
        incidentId: id,
        title:
          target === "POST_MORTEM" ? "Schedule the post-incident review" : "Update the client with the latest facts",
        ownerId: analyst.id,
        dueAt: new Date(now.getTime() + (((s + p) % 4) - 1) * 24 * HOUR),
      }),
      "task",
    );
  }
  if (story.severity === "HIGH" && (p === 2 || p === 3)) {
    const version = (await prisma.incident.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    must(
      await transitionIncident(await ctxOf(manager.id, step()), {
        incidentId: id,
        version,
        kind: "CHANGE_SEVERITY",
        severity: "CRITICAL",
        reason: "Scope grew: more data subjects affected than first estimated.",
      }),
      "severity",
    );
    await settle();
  }
  if (`${s}/${p}` === OPEN_QUESTION && contactId) {
    at = new Date(now.getTime() - 2 * HOUR); // asked today
    await askQuestion(prisma, id, contactId, analyst.id, ctxOf, soon, false);
  }
  return id;
}

/**
 * What the team does as soon as an obligation arises: notices to the client go out (four-eyes)
 * and are acknowledged, the client's own filings are recorded, open questions are assessed with
 * the client. Repeated while new ones appear (a filing in a chain opens the next report).
 */
async function settleObligations(
  prisma: PrismaClient,
  incidentId: string,
  analystId: string,
  managerId: string,
  contactId: string | undefined,
  ctxOf: (userId: string, at: Date) => Promise<ServiceContext>,
  step: () => Date,
) {
  for (let round = 0; round < 5; round++) {
    const open = await prisma.obligation.findMany({
      where: { incidentId, active: true, status: { notIn: [...SETTLED_STATUSES] } },
      orderBy: { dueAt: "asc" },
    });
    if (open.length === 0) return;
    for (const o of open) await settleOne(prisma, o, analystId, managerId, contactId, ctxOf, step);
  }
}

type OpenObligation = {
  id: string;
  incidentId: string;
  applicability: string;
  party: string;
  explanation: string;
  regime: string;
};

async function settleOne(
  prisma: PrismaClient,
  o: OpenObligation,
  analystId: string,
  managerId: string,
  contactId: string | undefined,
  ctxOf: (userId: string, at: Date) => Promise<ServiceContext>,
  step: () => Date,
) {
  if (o.applicability === "TO_ASSESS") {
    const reason = `Assessed with the client: ${o.explanation.replace(/^To assess: /, "").slice(0, 200)}`;
    // proposed by the analyst, confirmed by the manager: a decision without a notice takes two people
    must(
      await markObligationNotRequired(await ctxOf(analystId, step()), { obligationId: o.id, reason }),
      "not required",
    );
    must(
      await reviewObligationDecision(await ctxOf(managerId, step()), { obligationId: o.id, decision: "CONFIRM" }),
      "confirm not required",
    );
  } else if (o.party === "BPO") {
    const noticeId = await prepareNotice(prisma, o.id, analystId, ctxOf, step, "AWAITING_APPROVAL");
    must(await reviewNotice(await ctxOf(managerId, step()), { noticeId, decision: "APPROVE" }), "approve");
    const { clientId } = await prisma.notice.findUniqueOrThrow({ where: { id: noticeId }, select: { clientId: true } });
    const { fingerprint } = await noticeDestinations(prisma, clientId);
    must(await sendNotice(await ctxOf(analystId, step()), { noticeId, recipients: fingerprint }), "send");
    if (contactId) must(await acknowledgeNotice(await ctxOf(contactId, step()), { noticeId }), "acknowledge");
  } else {
    const filedAt = step();
    const reference = `${o.regime.toUpperCase().replace(/[^A-Z0-9]+/g, "-")}-${o.incidentId.slice(0, 6)}`;
    must(
      await recordExternalFiling(await ctxOf(analystId, step()), {
        obligationId: o.id,
        filedBy: "CLIENT",
        filedAt,
        reference,
        document: null,
      }),
      "filing",
    );
    must(
      await reviewObligationDecision(await ctxOf(managerId, step()), { obligationId: o.id, decision: "CONFIRM" }),
      "confirm filing",
    );
  }
}

/** Drafts the notice for an obligation, completes what the rule could not prefill, and (optionally) submits it. */
async function prepareNotice(
  prisma: PrismaClient,
  obligationId: string,
  analystId: string,
  ctxOf: (userId: string, at: Date) => Promise<ServiceContext>,
  step: () => Date,
  until: NoticeStage,
): Promise<string> {
  const { id: noticeId } = must(await draftNotice(await ctxOf(analystId, step()), { obligationId }), "draft");
  const draft = await prisma.notice.findUniqueOrThrow({ where: { id: noticeId } });
  const fields = openNoticeFields(await readCipher(prisma, draft.incidentId), draft.fields);
  const values = Object.fromEntries(
    fields.map((f) => [
      f.key,
      f.value ||
        (["consequences", "harm", "impact"].includes(f.key)
          ? "Possible misuse of the data for fraud or phishing; no misuse seen so far. We monitor and will tell you at once if that changes."
          : "We will complete this as the investigation establishes it."),
    ]),
  );
  const input = { noticeId, version: draft.version, subject: draft.subject, values };
  if (until === "DRAFT") must(await updateNoticeDraft(await ctxOf(analystId, step()), input), "complete draft");
  else must(await submitNotice(await ctxOf(analystId, step()), input), "submit");
  return noticeId;
}

/** On the newest incidents: the first notice we owe (the contract notice, due soonest) is part-way. */
async function startFirstNotice(
  prisma: PrismaClient,
  incidentId: string,
  analystId: string,
  ctxOf: (userId: string, at: Date) => Promise<ServiceContext>,
  step: () => Date,
  stage: NoticeStage,
) {
  const first = await prisma.obligation.findFirst({
    where: { incidentId, active: true, party: "BPO", applicability: "APPLIES", dueAt: { not: null } },
    orderBy: { dueAt: "asc" },
  });
  if (!first) throw new Error("demo seed: an incident in flight owes no notice");
  await prepareNotice(prisma, first.id, analystId, ctxOf, step, stage);
}

/** The client contact asks about the incident's first sent notice; the analyst answers within the hour, or not yet. */
async function askQuestion(
  prisma: PrismaClient,
  incidentId: string,
  contactId: string,
  analystId: string,
  ctxOf: (userId: string, at: Date) => Promise<ServiceContext>,
  step: () => Date,
  answered: boolean,
) {
  const notice = await prisma.notice.findFirst({ where: { incidentId, status: "SENT" }, orderBy: { sentAt: "asc" } });
  if (!notice) throw new Error("demo seed: no sent notice to ask about");
  const body = answered
    ? "Thank you for the notice. Could you confirm which of our systems the affected agents could reach?"
    : "Our board meets tomorrow morning: can you confirm whether any of the affected records belong to patients in Wisconsin?";
  must(await postNoticeMessage(await ctxOf(contactId, step()), { noticeId: notice.id, body }), "question");
  if (answered) {
    const answer =
      "Only the CRM and the case-notes tool; access to both is now limited to named agents, and we will send the access logs with the next update.";
    must(await postNoticeMessage(await ctxOf(analystId, step()), { noticeId: notice.id, body: answer }), "answer");
  }
}

/** The post-incident review: complete (with assigned action items, one done) or still in progress. */
async function review(
  incidentId: string,
  story: Story,
  analystId: string,
  managerId: string,
  ctxOf: (userId: string, at: Date) => Promise<ServiceContext>,
  step: () => Date,
  complete: boolean,
) {
  const sections = {
    summary: story.summary,
    rootCause: story.note,
    contributingFactors: complete ? "Monitoring alerts went to a shared mailbox outside business hours." : "",
    wentWell: complete ? "Containment within the internal target; the client was told within the contract window." : "",
    wentBadly: complete ? "Evidence collection started late; two hours of logs were rotated away." : "",
    lessons: complete ? "Page the on-call lead directly; preserve logs before any change." : "",
  };
  must(await saveReview(await ctxOf(analystId, step()), { incidentId, version: 0, ...sections }), "review");
  const first = must(
    await addActionItem(await ctxOf(managerId, step()), {
      incidentId,
      title: "Route security alerts to the on-call pager",
      ownerId: complete ? managerId : null,
      dueAt: new Date(step().getTime() + 14 * 24 * HOUR),
    }),
    "action item",
  );
  if (complete) {
    must(
      await addActionItem(await ctxOf(managerId, step()), {
        incidentId,
        title: "Extend log retention to 90 days",
        ownerId: analystId,
        dueAt: new Date(step().getTime() + 30 * 24 * HOUR),
      }),
      "action item",
    );
    must(
      await updateActionItem(await ctxOf(managerId, step()), {
        incidentId,
        actionItemId: first.id,
        ownerId: managerId,
        status: "DONE",
      }),
      "action item done",
    );
    must(await completeReview(await ctxOf(managerId, step()), { incidentId, version: 1 }), "complete review");
  }
}
