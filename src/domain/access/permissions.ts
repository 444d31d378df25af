// The one place that says which role may do what. Everything else asks can().
// Deny by default: a permission not listed for a role is refused.

export const ROLES = ["ADMIN", "MANAGER", "ANALYST", "CLIENT_CONTACT"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  // staff area
  "incident:read",
  "incident:create",
  "incident:update",
  "incident:transition",
  "incident:assign",
  "incident:reopen",
  "dashboard:view",
  "postmortem:run",
  "notice:draft",
  "notice:approve",
  "report:export",
  "audit:read",
  // setting and lifting a legal hold, which keeps incidents past their retention
  "legalhold:manage",
  // the alert queue: dismiss, merge into an incident, promote to one
  "alert:triage",
  // on-call rotas: members, shifts, overrides (managers and administrators)
  "oncall:manage",
  // administration
  "automation:manage",
  "admin:view",
  "user:manage",
  "client:manage",
  // integrations that post alerts (API keys and signing secrets)
  "integration:manage",
  // outbound webhooks; allowing a subscription to reach private addresses is a separate grant
  "webhook:manage",
  "webhook:allow_private",
  // client portal (staff may open it to see exactly what their client sees)
  "portal:view",
  "portal:acknowledge",
  "portal:ask",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Analysts run the review of the incidents they work (the lifecycle is theirs to close);
// managers and admins too, and they alone see the dashboard.
const STAFF_BASE: readonly Permission[] = [
  "postmortem:run",
  "incident:read",
  "incident:create",
  "incident:update",
  "incident:transition",
  "notice:draft",
  "report:export",
  "portal:view",
  "alert:triage",
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ANALYST: STAFF_BASE,
  MANAGER: [
    ...STAFF_BASE,
    "incident:assign",
    "incident:reopen",
    "dashboard:view",
    "notice:approve",
    "audit:read",
    "legalhold:manage",
    "oncall:manage",
  ],
  ADMIN: [
    ...STAFF_BASE,
    "incident:assign",
    "incident:reopen",
    "dashboard:view",
    "notice:approve",
    "audit:read",
    "legalhold:manage",
    "admin:view",
    "user:manage",
    "client:manage",
    "automation:manage",
    "oncall:manage",
    "webhook:manage",
    "webhook:allow_private",
    "integration:manage",
  ],
  CLIENT_CONTACT: ["portal:view", "portal:acknowledge", "portal:ask"],
};

/** Where each role lands after sign-in. */
export const HOME_PATH: Readonly<Record<Role, string>> = {
  ADMIN: "/admin",
  MANAGER: "/dashboard",
  ANALYST: "/incidents",
  CLIENT_CONTACT: "/portal",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
