import type { IncidentType, Phase } from "./types";

// Default checklists, from the best practices of data incident management in BPO work: restrict
// access and isolate before investigating; examine logs, fix scope and root cause; patch and
// restore; review, learn and assign actions. Required items gate leaving their phase.

export type ChecklistTemplate = {
  phase: Phase;
  key: string;
  label: string;
  /** Required for every type, or only for these types (listed in requiredFor). */
  required: boolean;
  requiredFor?: readonly IncidentType[];
  /** Present only for these types (absent: for every type). */
  only?: readonly IncidentType[];
  /** Absent for these types. */
  except?: readonly IncidentType[];
};

const INFRASTRUCTURE: readonly IncidentType[] = ["NATURAL_DISASTER", "SYSTEM_FAILURE"];

export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [
  // identify
  {
    phase: "IDENTIFY",
    key: "incident-confirmed",
    label: "Incident confirmed and classified (type, severity)",
    required: true,
  },
  {
    phase: "IDENTIFY",
    key: "awareness-recorded",
    label: "Moment of awareness recorded (legal clocks start here)",
    required: true,
  },
  { phase: "IDENTIFY", key: "source-recorded", label: "Source of the alert or report recorded", required: false },
  {
    phase: "IDENTIFY",
    key: "incident-lead-named",
    label: "Incident owner named and stakeholders alerted",
    required: false,
  },

  // contain
  {
    phase: "CONTAIN",
    key: "access-restricted",
    label: "Access to compromised systems restricted",
    required: true,
    except: INFRASTRUCTURE,
  },
  {
    phase: "CONTAIN",
    key: "segment-isolated",
    label: "Affected segment isolated",
    required: true,
    except: ["ACCIDENTAL_LEAK", ...INFRASTRUCTURE],
  },
  {
    phase: "CONTAIN",
    key: "evidence-preserved",
    label: "Volatile evidence preserved before changes",
    required: true,
    except: INFRASTRUCTURE,
  },
  {
    phase: "CONTAIN",
    key: "credentials-rotated",
    label: "Exposed credentials and keys rotated",
    required: false,
    requiredFor: ["CYBERATTACK"],
    except: INFRASTRUCTURE,
  },
  {
    phase: "CONTAIN",
    key: "person-access-revoked",
    label: "Access of the person revoked",
    required: true,
    only: ["INTERNAL_FRAUD"],
  },
  {
    phase: "CONTAIN",
    key: "hr-legal-informed",
    label: "HR and legal counsel informed",
    required: true,
    only: ["INTERNAL_FRAUD"],
  },
  {
    phase: "CONTAIN",
    key: "recipient-recall",
    label: "Unintended recipients asked to delete or return the data",
    required: true,
    only: ["ACCIDENTAL_LEAK"],
  },
  {
    phase: "CONTAIN",
    key: "continuity-plan-activated",
    label: "Business continuity plan activated (failover, alternate site)",
    required: true,
    only: INFRASTRUCTURE,
  },
  {
    phase: "CONTAIN",
    key: "impact-contained",
    label: "Affected systems identified and further impact stopped",
    required: true,
    only: INFRASTRUCTURE,
  },

  // investigate
  { phase: "INVESTIGATE", key: "logs-examined", label: "Logs examined", required: true },
  {
    phase: "INVESTIGATE",
    key: "scope-determined",
    label: "Scope of exposure determined (data, subjects, records)",
    required: true,
  },
  { phase: "INVESTIGATE", key: "root-cause-identified", label: "Root cause identified", required: true },
  {
    phase: "INVESTIGATE",
    key: "iocs-recorded",
    label: "Indicators of compromise recorded",
    required: false,
    requiredFor: ["CYBERATTACK"],
    only: ["CYBERATTACK", "DATA_BREACH"],
  },
  { phase: "INVESTIGATE", key: "parties-interviewed", label: "Affected parties interviewed", required: false },

  // resolve
  {
    phase: "RESOLVE",
    key: "vulnerability-fixed",
    label: "Vulnerability patched or configuration fixed",
    required: true,
  },
  { phase: "RESOLVE", key: "data-restored", label: "Data restored from backup, or not needed", required: true },
  {
    phase: "RESOLVE",
    key: "rpo-rto-recorded",
    label: "Recovery point and recovery time recorded",
    required: true,
    only: INFRASTRUCTURE,
  },
  { phase: "RESOLVE", key: "monitoring-confirmed", label: "Monitoring confirms no further activity", required: false },

  // report
  {
    phase: "REPORT",
    key: "notification-decisions",
    label: "Notification decision recorded for every obligation",
    required: true,
  },
  { phase: "REPORT", key: "internal-report", label: "Internal stakeholders briefed", required: true },

  // post-mortem
  { phase: "POST_MORTEM", key: "review-held", label: "Review held", required: true },
  { phase: "POST_MORTEM", key: "lessons-recorded", label: "Lessons learned recorded", required: true },
  { phase: "POST_MORTEM", key: "actions-assigned", label: "Action items assigned", required: true },
];

export type ChecklistItemSeed = { phase: Phase; key: string; label: string; required: boolean };

/** The checklist a new incident of this type starts with, in phase order. */
export function defaultChecklist(type: IncidentType): ChecklistItemSeed[] {
  return CHECKLIST_TEMPLATES.filter((t) => (!t.only || t.only.includes(type)) && !t.except?.includes(type)).map(
    (t) => ({
      phase: t.phase,
      key: t.key,
      label: t.label,
      required: t.required || (t.requiredFor?.includes(type) ?? false),
    }),
  );
}
