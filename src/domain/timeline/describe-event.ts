import { PHASE_LABEL, SEVERITY_LABEL, TYPE_LABEL } from "@/domain/incident/types";

// Every audit action in plain English, for the incident page's timeline and every document:
// "Moved from Identify to Contain", never "incident.advance". One entry per action the services
// write (tests/unit/describe-event.test.ts fails when an action has none). Pure: names of the
// people, notices and obligations an event refers to by id come in `names`.

export type DescribableEvent = {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes: unknown;
};

export type EventNames = {
  /** User id → name. */
  people?: Readonly<Record<string, string>>;
  /** Notice id → who it is addressed to. */
  notices?: Readonly<Record<string, { recipient: string }>>;
  /** Obligation id → its citation ("GDPR Art. 33"). */
  obligations?: Readonly<Record<string, string>>;
  /** Rule id → its citation, for events that name a rule rather than an obligation. */
  rules?: Readonly<Record<string, string>>;
};

type Changes = Record<string, unknown>;
type Wording = (c: Changes, e: DescribableEvent, names: EventNames) => string;

const FIELD_LABEL: Record<string, string> = {
  title: "title",
  summary: "internal description",
  clientSummary: "client-facing description",
  occurredAt: "when it occurred",
  detectedAt: "when it was detected",
  awareAt: "when we became aware",
  dataCategories: "data categories",
  dataSubjectsCount: "number of people affected",
  recordsCount: "number of records",
  jurisdictions: "jurisdictions",
  dataEncrypted: "encryption",
  risk: "risk to people",
  riskAssessedAt: "when the risk was assessed",
  doraMajor: "DORA major-incident classification",
  doraClassifiedAt: "when it was classified under DORA",
  secMaterial: "SEC materiality",
  secDeterminedAt: "when materiality was determined",
  subjectsByJurisdiction: "people affected per jurisdiction",
  noticeHours: "contract notice window",
  businessHoursOnly: "business-hours counting",
  timeZone: "time zone",
  regimes: "regimes",
  name: "name",
  sector: "sector",
  privacyEmail: "privacy contact",
  retentionYears: "retention of closed incidents",
};

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Changes => (v && typeof v === "object" && !Array.isArray(v) ? (v as Changes) : {});
const quoted = (v: unknown, fallback: string) => (text(v) ? `“${text(v)}”` : fallback);
const phase = (v: unknown) =>
  typeof v === "string" && v in PHASE_LABEL ? PHASE_LABEL[v as keyof typeof PHASE_LABEL] : "another phase";
const severity = (v: unknown) =>
  typeof v === "string" && v in SEVERITY_LABEL
    ? SEVERITY_LABEL[v as keyof typeof SEVERITY_LABEL].toLowerCase()
    : "unknown";
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "number of records", "sector": a field's name as a reader would say it. */
export function fieldLabel(key: string): string {
  return (
    FIELD_LABEL[key] ??
    key
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/_/g, " ")
      .toLowerCase()
  );
}

const fields = (c: Changes, skip: string[] = []) => {
  const keys = Object.keys(c).filter((k) => !skip.includes(k));
  return keys.length ? keys.map(fieldLabel).join(", ") : "no fields";
};

const person = (id: unknown, names: EventNames, fallback: string) =>
  (typeof id === "string" && names.people?.[id]) || fallback;

/** "Confirmed (proposed by Ana) " for a decision confirmed by a second person; "" for older ones. */
const confirmed = (c: Changes, names: EventNames) =>
  c.proposedBy ? `Confirmed (proposed by ${person(c.proposedBy, names, "a colleague")}) ` : "";

/** "that GDPR Art. 33 is not required", "to waive …", "to record the filing of …". */
function proposal(c: Changes, e: DescribableEvent, names: EventNames): string {
  const what = obligation(e, c, names);
  if (c.kind === "WAIVED") return `to waive ${what}`;
  if (c.kind === "FILED")
    return `to record the filing of ${what}${text(obj(c.filing).reference) ? ` (reference ${text(obj(c.filing).reference)})` : ""}`;
  return `that ${what} is not required`;
}

/** "the notice to the Bavarian data protection authority" or "the notice". */
function notice(e: DescribableEvent, c: Changes, names: EventNames): string {
  const id = text(c.noticeId) ?? (e.entityType === "Notice" ? e.entityId : null);
  const recipient = id ? names.notices?.[id]?.recipient : undefined;
  return recipient ? `the notice to ${recipient}` : "the notice";
}

/** "the GDPR Art. 33 notice" or "a notice". */
function obligation(e: DescribableEvent, c: Changes, names: EventNames): string {
  const ruleId = text(c.ruleId);
  const citation =
    (e.entityType === "Obligation" && e.entityId ? names.obligations?.[e.entityId] : undefined) ??
    (ruleId ? names.rules?.[ruleId] : undefined);
  return citation ? `the ${citation} notice` : "a notice";
}

function recomputeCause(cause: string | null, names: EventNames): string {
  if (!cause) return "";
  const after = (what: string, list: string) => {
    const items = list
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map(fieldLabel);
    return items.length ? `${what} (${items.join(", ")})` : what;
  };
  const [head, rest = ""] = cause.split(/:\s*/, 2);
  switch (head) {
    case "incident logged":
      return " for the newly logged incident";
    case "facts changed":
      return ` after ${after("the facts changed", rest)}`;
    case "assessment changed":
      return ` after ${after("the assessment changed", rest)}`;
    case "client terms changed":
      return ` after ${after("the client's contract terms changed", rest)}`;
  }
  const rule = (id: string) => names.rules?.[id] ?? "a rule";
  const changed = /^administrator changed the (.+) figure$/.exec(cause)?.[1];
  if (changed) return ` after an administrator changed the figure of ${rule(changed)}`;
  const sent = /^notice sent for (.+)$/.exec(cause)?.[1];
  if (sent) return ` after the ${rule(sent)} notice was sent`;
  const filed = /^filing recorded for (.+)$/.exec(cause)?.[1];
  if (filed) return ` after the ${rule(filed)} filing was recorded`;
  if (head === "rule change") return ` after a rule change (${rest})`;
  if (cause === "working target changed") return " after the organization's working target changed";
  return ` (${cause})`;
}

const EVIDENCE_STEP: Record<string, string> = {
  COLLECTED: "collected",
  TRANSFERRED: "handed over",
  ACCESSED: "accessed",
  RETURNED: "returned",
  DISPOSED: "disposed of",
};

const SIGN_IN_REFUSAL: Record<string, string> = {
  wrong_password: "wrong password",
  inactive: "account disabled",
  throttled: "too many attempts",
  mfa_failed: "five wrong two-step codes",
};

export const EVENT_WORDING: Readonly<Record<string, Wording>> = {
  "organization.create": (c) => `Created the organization${text(c.name) ? ` ${text(c.name)}` : ""}`,
  "organization.mfa_policy": () => "Changed which roles must use two-step sign-in",
  "auth.sign_in": () => "Signed in",
  "auth.sign_in_failed": (c) =>
    `A sign-in was refused${SIGN_IN_REFUSAL[String(c.reason)] ? ` (${SIGN_IN_REFUSAL[String(c.reason)]})` : ""}`,
  "auth.sign_in_locked": () => "Sign-in from one address was locked after repeated failures",
  "auth.sign_in_unlocked": (c) =>
    c.after === "password_set"
      ? "Sign-in locks were cleared when a new password was set"
      : "Signed in after an earlier lock",
  "auth.mfa_verified": () => "Gave a two-step sign-in code",
  "auth.mfa_failed": (c) =>
    c.reason === "replayed"
      ? "Typed a two-step code that had already been used"
      : c.reason === "account_locked"
        ? "Typed a two-step code while too many wrong codes kept the account waiting"
        : "Typed a wrong two-step code",
  "auth.recovery_code_used": (c) =>
    `Signed in with a recovery code${typeof c.recoveryCodesLeft === "number" ? ` (${c.recoveryCodesLeft} left)` : ""}`,
  "auth.sign_out": () => "Signed out",
  "auth.session_ended": () => "A session was ended",
  "auth.other_sessions_ended": () => "Signed out of every other session",
  "auth.signed_out_everywhere": () => "Signed out everywhere",
  "user.mfa_enrolled": () => "Set up two-step sign-in",
  "user.mfa_replaced": () => "Replaced the two-step sign-in authenticator",
  "user.recovery_codes_replaced": () => "Made new recovery codes",
  "user.mfa_reset": (_c, e, n) => `Reset two-step sign-in for ${person(e.entityId, n, "a person")}`,
  "user.mfa_reset_refused": () => "Was refused a reset of their own two-step sign-in",
  "user.password_changed": () => "Changed their password",
  "user.password_change_refused": (c) =>
    `Was refused a password change (${c.reason === "throttled" ? "too many wrong passwords from that address" : "wrong current password"})`,
  "user.mfa_enrol_refused": (c) =>
    `Was refused setting up an authenticator (${c.reason === "throttled" ? "too many wrong passwords from that address" : "wrong current password"})`,
  "user.password_reset_started": (_c, e, n) => `Started a password reset for ${person(e.entityId, n, "a person")}`,
  "user.password_reset_completed": () => "Set a new password with a reset link",
  "user.invite": (c) =>
    `Invited ${text(c.name) ?? "a person"}${text(c.role) ? ` as ${String(c.role).toLowerCase().replace("_", " ")}` : ""}`,
  "user.invitation_accepted": () => "Accepted the invitation and chose a password",
  "user.create": (c) =>
    `Added ${text(c.name) ?? "a person"}${text(c.role) ? ` as ${String(c.role).toLowerCase().replace("_", " ")}` : ""}`,
  "user.update": (c, e, n) => {
    const who = person(e.entityId, n, "a person");
    const active = obj(c.active);
    if (active.after === false) return `Disabled sign-in for ${who}`;
    if (active.after === true) return `Enabled sign-in for ${who}`;
    return `Changed ${fields(c)} for ${who}`;
  },
  "client.create": (c) => `Added the client ${text(c.name) ?? ""}`.trimEnd(),
  "client.update": (c) => `Changed the client's ${fields(c, ["confirmedPreview"])}`,
  "client.legal_hold_set": () => "Put the client on legal hold: none of its incidents is erased while it stands",
  "client.legal_hold_lifted": () => "Lifted the client's legal hold",

  // On call: rotas, overrides, and each page, escalation and acknowledgement
  "oncall.rota_create": (c) => `Created the on-call rota ${quoted(c.name, "")}`,
  "oncall.rota_update": (c) => `Changed the on-call rota ${quoted(obj(c.after).name, "")}`,
  "oncall.override_add": (c, _e, n) =>
    `Put ${person(text(c.userId), n, "someone")} on call in place of the rota${text(c.reason) ? `: ${quoted(c.reason, "")}` : ""}`,
  "oncall.override_remove": (c, _e, n) => `Removed the on-call override for ${person(text(c.userId), n, "someone")}`,
  "oncall.page": (c) =>
    `Paged the ${text(c.level) ?? "on-call analyst"}${text(c.rota) ? ` of ${quoted(c.rota, "")}` : ""} for a ${String(text(c.severity) ?? "").toLowerCase()} incident`,
  "oncall.escalate": (c) =>
    `Escalated the unacknowledged page to the ${text(c.to) ?? "next in line"}${num(c.unacknowledgedMinutes) !== null ? ` after ${num(c.unacknowledgedMinutes)} minutes` : ""}`,
  "oncall.acknowledge": (c) =>
    `Acknowledged the on-call page${num(c.minutesAfterPage) !== null ? ` ${num(c.minutesAfterPage)} minutes after it went out` : ""}`,

  // Webhooks out: subscriptions (the secret itself is never in the trail)
  "webhook.create": (c) => `Subscribed a URL at ${text(c.url) ?? "an address"} to webhook events`,
  "webhook.update": (c) => `Changed the webhook subscription for ${text(obj(c.url).after) ?? "a URL"}`,
  "webhook.rotate_secret": () => "Rotated a webhook subscription's signing secret",
  "webhook.test": () => "Sent a test event to a webhook subscription",
  "organization.working_target": (c) => {
    const after = num(obj(c.workingTargetHours).after);
    return `Set the working target for laws that fix no time to ${after === null ? "?" : plural(after, "hour")}`;
  },
  "rule.override": (c, e, n) => {
    const amount = num(obj(c.amount).after);
    const unit = text(obj(c.unit).after);
    const rule = (e.entityId && n.rules?.[e.entityId]) || "a rule";
    return `Set the deadline of ${rule} to ${amount ?? "?"} ${unit ? unit.toLowerCase() : ""}`.trimEnd();
  },

  "incident.create": (c) => {
    const type =
      typeof c.type === "string" && c.type in TYPE_LABEL
        ? TYPE_LABEL[c.type as keyof typeof TYPE_LABEL].toLowerCase()
        : "incident";
    return `Logged the incident (${type}, ${severity(c.severity)} severity)`;
  },
  "incident.advance": (c) => {
    const p = obj(c.phase);
    return p.after === "CLOSED"
      ? "Closed the incident as resolved"
      : `Moved from ${phase(p.before)} to ${phase(p.after)}`;
  },
  "incident.step_back": (c) => `Stepped back from ${phase(obj(c.phase).before)} to ${phase(obj(c.phase).after)}`,
  "incident.close_false_positive": () => "Closed the incident as a false positive",
  "incident.reopen": (c) => `Reopened the incident in ${phase(obj(c.phase).after)}`,
  "incident.change_severity": (c) =>
    `Changed the severity from ${severity(obj(c.severity).before)} to ${severity(obj(c.severity).after)}`,
  "incident.update_facts": (c) => `Updated the facts: ${fields(c)}`,
  "incident.assess": (c) => `Updated the assessment: ${fields(c)}`,
  "incident.assign": (c, _e, n) => {
    const after = obj(c.ownerId).after;
    return typeof after === "string" ? `Made ${person(after, n, "someone else")} the owner` : "Removed the owner";
  },
  "incident.legal_hold_set": () => "Put the incident on legal hold: it is not erased while the hold stands",
  "incident.legal_hold_lifted": () => "Lifted the incident's legal hold",
  "incident.erased": (c) =>
    `Erased the incident's content${text(c.policy) ? ` under the policy “${text(c.policy)}”` : " under its client's retention policy"}`,

  "checklist.check": (c) =>
    `Ticked ${quoted(c.item, "a checklist item")}${text(c.phase) ? ` (${phase(c.phase)} checklist)` : ""}`,
  "checklist.uncheck": (c) =>
    `Unticked ${quoted(c.item, "a checklist item")}${text(c.phase) ? ` (${phase(c.phase)} checklist)` : ""}`,
  "checklist.auto_check": (c) =>
    `Warden ticked ${quoted(c.item, "a checklist item")}${text(c.phase) ? ` (${phase(c.phase)} checklist)` : ""}`,
  "task.create": (c) => `Added the task ${quoted(c.title, "")}`.trimEnd(),
  "task.complete": (c) => `Completed the task ${quoted(c.title, "")}`.trimEnd(),
  "task.reopen": (c) => `Reopened the task ${quoted(c.title, "")}`.trimEnd(),
  "note.create": () => "Added an internal note",
  "evidence.create": (c) => `Recorded evidence: ${text(c.description) ?? "an item"}`,
  "evidence.custody": (c) => `Recorded that the evidence was ${EVIDENCE_STEP[String(c.action)] ?? "handled"}`,
  "asset.create": (c) => `Added the affected system ${quoted(c.name, "")}`.trimEnd(),

  "postmortem.create": () => "Started the post-incident review",
  "postmortem.update": (c) =>
    c.reopened === true ? "Reopened and edited the post-incident review" : "Edited the post-incident review",
  "postmortem.complete": () => "Completed the post-incident review",
  "action_item.create": (c) => `Added the action item ${quoted(c.title, "")}`.trimEnd(),
  "action_item.update": (c, _e, n) => {
    const title = quoted(c.title, "an action item");
    const status = text(obj(c.status).after);
    if (status === "DONE") return `Completed the action item ${title}`;
    if (status === "IN_PROGRESS") return `Started work on the action item ${title}`;
    if (status === "OPEN") return `Reopened the action item ${title}`;
    if ("ownerId" in c) {
      const after = obj(c.ownerId).after;
      return typeof after === "string"
        ? `Gave the action item ${title} to ${person(after, n, "someone else")}`
        : `Unassigned the action item ${title}`;
    }
    return `Updated the action item ${title}`;
  },

  "notice.draft": (c, e, n) => `Drafted ${notice(e, c, n)}`,
  "notice.edit": (c, e, n) => `Edited ${notice(e, c, n)}`,
  "notice.submit": (c, e, n) => `Submitted ${notice(e, c, n)} for approval`,
  "notice.self_approval_refused": (c, e, n) =>
    `Was refused approval of ${notice(e, c, n)}: a notice needs a second person to approve it`,
  "notice.return": (c, e, n) => `Returned ${notice(e, c, n)} for changes`,
  "notice.approve": (c, e, n) => `Approved ${notice(e, c, n)}`,
  "notice.withdraw": (c, e, n) => `Withdrew ${notice(e, c, n)} from approval`,
  "notice.send": (c, e, n) => {
    const count = num(c.recipients);
    return `Sent ${notice(e, c, n)}${count !== null ? ` (${plural(count, "recipient")})` : ""}`;
  },
  "notice.read": (c, e, n) => `Opened ${notice(e, c, n)} in the portal`,
  "notice.acknowledge": (c, e, n) => `Acknowledged receipt of ${notice(e, c, n)}`,
  "notice.question": (c, e, n) => `Asked a question about ${notice(e, c, n)}`,
  "notice.answer": (c, e, n) => `Answered a question about ${notice(e, c, n)}`,

  "obligations.recompute": (c, _e, n) => {
    const counts = [
      ["added", c.added],
      ["changed", c.changed],
      ["no longer owed", c.retired],
    ]
      .filter(([, v]) => typeof v === "number" && v > 0)
      .map(([k, v]) => `${v} ${k}`);
    return `Recomputed the notification deadlines${recomputeCause(text(c.cause), n)}${counts.length ? ` (${counts.join(", ")})` : ""}`;
  },
  "obligations.rule_change": (c, _e, n) => {
    const counts = [
      ["added", c.added],
      ["changed", c.changed],
      ["no longer owed", c.retired],
    ]
      .filter(([, v]) => typeof v === "number" && v > 0)
      .map(([k, v]) => `${v} ${k}`);
    const rules = (Array.isArray(c.rules) ? c.rules : []).map((r) => {
      const x = obj(r);
      const name = (typeof x.ruleId === "string" && (n.rules?.[x.ruleId] ?? x.ruleId)) || "a rule";
      if (x.from === null) return `${name} added (${text(x.to) ?? "?"})`;
      if (x.to === null) return `${name} withdrawn (was ${text(x.from) ?? "?"})`;
      return `${name} ${text(x.from) ?? "?"} → ${text(x.to) ?? "?"}`;
    });
    const why = c.firstRecord === true ? "recorded the rule versions in force" : `rules changed: ${rules.join("; ")}`;
    return `Recomputed the notification deadlines after a rule update (${why})${counts.length ? ` (${counts.join(", ")})` : ""}`;
  },
  // Since decisions take two people, these are written when the second one confirms (the actor),
  // naming who proposed it; older entries have no proposer.
  "obligation.waive": (c, e, n) =>
    `${confirmed(c, n)}${c.proposedBy ? "the waiver of" : "Waived"} ${obligation(e, c, n)}`,
  "obligation.not_required": (c, e, n) =>
    `${confirmed(c, n)}${c.proposedBy ? "that" : "Recorded that"} ${obligation(e, c, n)} is not required`,
  "obligation.filing": (c, e, n) =>
    `${confirmed(c, n)}${c.proposedBy ? "the filing of" : "Recorded the filing of"} ${obligation(e, c, n)}${text(c.reference) ? ` (reference ${text(c.reference)})` : ""}`,
  "obligation.propose": (c, e, n) =>
    `Proposed ${proposal(c, e, n)}${text(c.reason) && c.kind !== "FILED" ? `: ${quoted(c.reason, "")}` : ""}; a second person must confirm it`,
  "obligation.proposal_reject": (c, e, n) =>
    `Rejected the proposal ${proposal(c, e, n)}${text(c.reason) ? `: ${quoted(c.reason, "")}` : ""}`,
  "obligation.self_confirmation_refused": (c, e, n) =>
    `Was refused confirmation of their own proposal on ${obligation(e, c, n)}: a second person must confirm it`,
  "obligation.remind": (c, e, n) => {
    const share = text(c.kind);
    const who = Array.isArray(c.recipients) ? plural(c.recipients.length, "person", "people") : "the owner";
    return `Reminded ${who} that ${obligation(e, c, n)} is due${share ? ` (${share} of the time used)` : ""}`;
  },
  "obligation.escalate": (c, e, n) => `Told the owner and the managers that ${obligation(e, c, n)} is overdue`,

  // Alert ingestion (POST /api/v1/alerts) and the integrations that post
  "alert.created": (c) => {
    const severity = text(c.severity);
    return `Received the ${text(c.source) ?? ""} alert ${text(c.externalId) ?? ""}${severity ? ` (${severity.toLowerCase()})` : ""}`;
  },
  "alert.grouped": (c) =>
    `Received the ${text(c.source) ?? ""} alert ${text(c.externalId) ?? ""}: a repeat, counted on the recent alert with the same fingerprint`,
  "integration.create": (c) =>
    `Made the integration ${quoted(c.name, "")}${text(c.format) ? ` (${text(c.format)})` : ""} with key ${text(c.keyPrefix) ?? ""}…`,
  "integration.revoke": (c) => `Revoked the integration's key ${text(c.keyPrefix) ?? ""}…`,
  "integration.rotate_secret": () => "Rotated the integration's signing secret",

  // Alert triage: each decision names the alert (its source and the source's id)
  "alert.dismiss": (c) => `Dismissed ${alertName(c)}${text(c.reason) ? `: ${quoted(c.reason, "")}` : ""}`,
  "alert.merge": (c) => `Merged ${alertName(c)} into ${text(c.reference) ?? "this incident"}; it is listed as evidence`,
  "alert.promote": (c) =>
    `Promoted ${alertName(c)} to ${text(c.reference) ?? "this incident"}${automationVersion(c) ? ` (automation rule, ${automationVersion(c)})` : ""}`,

  // Automation: each action a rule takes names the rule and the version that fired
  "automation.action": (c) =>
    `Automation rule ${quoted(c.ruleName, "")} (${automationVersion(c) ?? "unknown version"}): ${text(c.outcome) ?? "acted"}`,
  "automation.rule_failed": (c) =>
    `Automation rule ${quoted(c.ruleName, "")} (${automationVersion(c) ?? "unknown version"}) failed${text(c.error) ? `: ${text(c.error)}` : ""}`,
  "automation.rule_disabled": (c) =>
    `Disabled automation rule ${quoted(c.ruleName, "")} after ${num(c.failures) ?? "repeated"} failed runs in a row${text(c.error) ? `; the last: ${text(c.error)}` : ""}`,
  "automation.rule_create": (c) => `Created automation rule ${quoted(c.name, "")} (version 1)`,
  "automation.rule_update": (c) =>
    `Edited automation rule ${quoted(c.name, "")}: now ${automationVersion(c) ?? "a new version"}`,
  "automation.rule_enable": (c) => `Enabled automation rule ${quoted(c.name, "")}`,
  "automation.rule_disable": (c) => `Disabled automation rule ${quoted(c.name, "")}`,
};

/** "the wazuh alert 4711 (seen 3 times)". */
function alertName(c: Changes): string {
  const seen = num(c.count);
  return (
    `the ${text(c.source) ?? ""} alert ${text(c.externalId) ?? ""}`.replace(/\s+/g, " ") +
    (seen && seen > 1 ? ` (seen ${seen} times)` : "")
  );
}

/** "version 3" of the rule that fired, when the entry says. */
function automationVersion(c: Changes): string | null {
  const v = num(c.ruleVersion);
  return v === null ? null : `version ${v}`;
}

/** The event as one plain sentence. */
export function describeEvent(event: DescribableEvent, names: EventNames = {}): string {
  const wording = EVENT_WORDING[event.action];
  if (wording) return wording(obj(event.changes), event, names);
  const entity = fieldLabel(event.entityType || "record");
  return `Recorded a change to the ${entity}`;
}

/** The reason, comment or note an event carries, if any ("why", beside the sentence). */
export function eventReason(event: Pick<DescribableEvent, "action" | "changes">): string | null {
  if (event.action.startsWith("auth.")) return null; // a refusal's reason is a code, worded in the sentence
  const c = obj(event.changes);
  return text(c.reason) ?? text(c.comment) ?? text(c.note) ?? text(c.because) ?? null;
}
