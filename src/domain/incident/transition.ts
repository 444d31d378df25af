import { can } from "../access/can";
import type { Role } from "../access/permissions";
import { postMortemGaps, type PostMortemState } from "./post-mortem";
import {
  PHASE_LABEL,
  PHASES,
  SEVERITY_LABEL,
  nextPhase,
  phaseIndex,
  type Phase,
  type Resolution,
  type Severity,
} from "./types";

// The incident state machine. Pure: it decides, the service persists.

export const REASON_MIN = 5;
export const REASON_MAX = 2000;

export type ChecklistState = { phase: Phase; key: string; label: string; required: boolean; done: boolean };

export type IncidentState = {
  phase: Phase;
  severity: Severity;
  resolution: Resolution | null;
  checklist: readonly ChecklistState[];
  /**
   * Seam for the report phase: labels of notification obligations not yet settled (sent,
   * acknowledged, not required with a reason, or waived). Supplied by the deadlines module.
   */
  unsettledObligations?: readonly string[];
  /** The post-incident review, which must be completed, with every action item assigned, to close. */
  postMortem?: PostMortemState;
};

export type Actor = { role: Role; clientIds: readonly string[] };

export type IncidentEvent =
  | { kind: "ADVANCE" }
  | { kind: "STEP_BACK"; to: Phase; reason: string }
  | { kind: "CLOSE_FALSE_POSITIVE"; reason: string }
  | { kind: "REOPEN"; to: Phase; reason: string }
  | { kind: "CHANGE_SEVERITY"; severity: Severity; reason: string };

export type EventKind = IncidentEvent["kind"];

export type Transition = {
  ok: true;
  from: Phase;
  to: Phase;
  severity: Severity;
  resolution: Resolution | null;
  kind: EventKind;
  reason: string | null;
  at: Date;
};
export type Refusal = { ok: false; reasons: string[] };

/** Conditions to leave a phase forward, beyond its required checklist items. */
export type ExitGate = (state: IncidentState) => string[];

export const EXIT_GATES: Partial<Record<Phase, readonly ExitGate[]>> = {
  REPORT: [(s) => (s.unsettledObligations ?? []).map((o) => `Notification obligation not settled: ${o}`)],
  POST_MORTEM: [(s) => postMortemGaps(s.postMortem)],
};

/** One thing standing between the incident and its next phase: an open required item or an exit gate of `phase`. */
export type Blocker = { kind: "checklist" | "gate"; phase: Phase; reason: string };

/** What still stands between the incident and its next phase, by kind (empty when it may advance). */
export function advanceBlockers(state: IncidentState): Blocker[] {
  if (state.phase === "CLOSED") return [{ kind: "gate", phase: state.phase, reason: "The incident is closed." }];
  const missing = state.checklist
    .filter((i) => i.phase === state.phase && i.required && !i.done)
    .map((i) => ({ kind: "checklist" as const, phase: state.phase, reason: `Checklist item not done: ${i.label}` }));
  const gates = (EXIT_GATES[state.phase] ?? [])
    .flatMap((gate) => gate(state))
    .map((reason) => ({ kind: "gate" as const, phase: state.phase, reason }));
  return [...missing, ...gates];
}

/** What still stands between the incident and its next phase (empty when it may advance). */
export function unmetForAdvance(state: IncidentState): string[] {
  return advanceBlockers(state).map((b) => b.reason);
}

function reasonProblems(reason: string): string[] {
  const r = reason.trim();
  if (r.length < REASON_MIN) return [`Give a reason of at least ${REASON_MIN} characters.`];
  if (r.length > REASON_MAX) return [`A reason has at most ${REASON_MAX} characters.`];
  return [];
}

export function transition(state: IncidentState, event: IncidentEvent, actor: Actor, now: Date): Transition | Refusal {
  const reasons: string[] = [];
  const permission = event.kind === "REOPEN" ? "incident:reopen" : "incident:transition";
  if (!can(actor, permission))
    reasons.push(
      event.kind === "REOPEN" ? "Only a manager may reopen a closed incident." : "You may not change this incident.",
    );

  const base = { from: state.phase, severity: state.severity, resolution: state.resolution, kind: event.kind, at: now };

  switch (event.kind) {
    case "ADVANCE": {
      const to = nextPhase(state.phase);
      reasons.push(...unmetForAdvance(state));
      if (reasons.length || !to) return { ok: false, reasons };
      return { ok: true, ...base, to, resolution: to === "CLOSED" ? "RESOLVED" : state.resolution, reason: null };
    }
    case "STEP_BACK": {
      if (state.phase === "CLOSED") reasons.push("A closed incident is reopened, not stepped back.");
      else if (!PHASES.includes(event.to) || phaseIndex(event.to) >= phaseIndex(state.phase)) {
        reasons.push(`Step back to a phase before ${PHASE_LABEL[state.phase]}.`);
      }
      reasons.push(...reasonProblems(event.reason));
      if (reasons.length) return { ok: false, reasons };
      return { ok: true, ...base, to: event.to, reason: event.reason.trim() };
    }
    case "CLOSE_FALSE_POSITIVE": {
      if (state.phase !== "IDENTIFY")
        reasons.push("Only an incident still in Identify can be closed as a false positive.");
      reasons.push(...reasonProblems(event.reason));
      if (reasons.length) return { ok: false, reasons };
      return { ok: true, ...base, to: "CLOSED", resolution: "FALSE_POSITIVE", reason: event.reason.trim() };
    }
    case "REOPEN": {
      if (state.phase !== "CLOSED") reasons.push("Only a closed incident can be reopened.");
      if (!PHASES.includes(event.to) || event.to === "CLOSED")
        reasons.push("Choose the phase to reopen the incident in.");
      reasons.push(...reasonProblems(event.reason));
      if (reasons.length) return { ok: false, reasons };
      return { ok: true, ...base, to: event.to, resolution: null, reason: event.reason.trim() };
    }
    case "CHANGE_SEVERITY": {
      if (state.phase === "CLOSED") reasons.push("The severity of a closed incident cannot change; reopen it first.");
      if (event.severity === state.severity) reasons.push(`The severity is already ${SEVERITY_LABEL[state.severity]}.`);
      reasons.push(...reasonProblems(event.reason));
      if (reasons.length) return { ok: false, reasons };
      return { ok: true, ...base, to: state.phase, severity: event.severity, reason: event.reason.trim() };
    }
  }
}
