import type { Permission } from "./permissions";

/*
 * Every way into the app, with who may use it and whose data it reaches. Tests read this list:
 * tests/unit/access-registry.test.ts fails when an action export, route method or page exists
 * that is not listed here (or is listed and gone), and when the permission written in the
 * source differs from the one listed; tests/db/authorization-matrix.test.ts and
 * tests/db/fuzz-actions.test.ts generate their cases from it.
 *
 * To add an entry:
 *  - a server action: add `"<export>": { gate, scope, matrix }` under its file in ACTIONS. `gate`
 *    is the permission passed to runAction (or "public" / "signed-in" / "session-in-progress"
 *    for the session actions). Then give it an input builder in tests/support/action-inputs.ts
 *    (the matrix and the fuzzer refuse to run without one, unless `matrix` says why it cannot
 *    apply).
 *  - a route handler: add its methods under its path in ROUTES, and a case in
 *    tests/support/entry-cases.ts when it takes an id or a client.
 *  - a page: add its path in PAGES with the data loader it calls, and a case in
 *    tests/support/entry-cases.ts when it takes an id or a client.
 *
 * scope says whose data an id may name: "organization" (anything of the viewer's organization),
 * "client" (the viewer's clients, src/server/data/scope.ts: all of the organization's for
 * managers and admins, the assigned ones for analysts), "own" (the viewer's own account or
 * session), "portal-client" (a client contact's one client; staff previewing the portal see
 * their clients), "none" (public).
 */

export type Gate = Permission | "public" | "signed-in" | "session-in-progress";
export type AccessScope = "organization" | "client" | "own" | "portal-client" | "none";

/**
 * "cases": the matrix runs it for every role × target; `{ skip }`: why no case can apply.
 * Actions without an id still run once per role (allowed exactly when the role holds `gate`).
 */
export type MatrixPlan = "cases" | { skip: string };

export type EntryAccess = {
  gate: Gate;
  scope: AccessScope;
  matrix: MatrixPlan;
  /**
   * When the service asks for a narrower permission than the action's gate, per kind of
   * viewer (post a message: contacts need portal:ask, staff notice:draft).
   */
  servicePermission?: { staff?: Permission; contact?: Permission };
};

const SESSION_ONLY = {
  skip: "acts on the caller's own session or account, found from the session cookie; it takes no id of anyone else's data",
} as const;
const PUBLIC = { skip: "public: no viewer, no tenant data" } as const;

export const ACTIONS: Readonly<Record<string, Readonly<Record<string, EntryAccess>>>> = {
  "src/server/actions/acknowledge-notice.ts": {
    acknowledgeNotice: { gate: "portal:acknowledge", scope: "portal-client", matrix: "cases" },
  },
  "src/server/actions/acknowledge-page.ts": {
    acknowledgePage: { gate: "incident:read", scope: "client", matrix: "cases" },
  },
  "src/server/actions/add-action-item.ts": {
    addActionItem: { gate: "postmortem:run", scope: "client", matrix: "cases" },
  },
  "src/server/actions/add-affected-asset.ts": {
    addAffectedAsset: { gate: "incident:update", scope: "client", matrix: "cases" },
  },
  "src/server/actions/add-custody-entry.ts": {
    addCustodyEntry: { gate: "incident:update", scope: "client", matrix: "cases" },
  },
  "src/server/actions/add-evidence.ts": { addEvidence: { gate: "incident:update", scope: "client", matrix: "cases" } },
  "src/server/actions/add-incident-note.ts": {
    addIncidentNote: { gate: "incident:update", scope: "client", matrix: "cases" },
  },
  "src/server/actions/add-incident-task.ts": {
    addIncidentTask: { gate: "incident:update", scope: "client", matrix: "cases" },
  },
  "src/server/actions/assign-incident-owner.ts": {
    assignIncidentOwner: { gate: "incident:update", scope: "client", matrix: "cases" },
  },
  "src/server/actions/change-password.ts": {
    changePassword: { gate: "signed-in", scope: "own", matrix: SESSION_ONLY },
  },
  "src/server/actions/complete-review.ts": {
    completeReview: { gate: "postmortem:run", scope: "client", matrix: "cases" },
  },
  "src/server/actions/confirm-mfa-enrolment.ts": {
    confirmMfaEnrolment: { gate: "session-in-progress", scope: "own", matrix: SESSION_ONLY },
  },
  "src/server/actions/create-incident.ts": {
    createIncident: { gate: "incident:create", scope: "client", matrix: "cases" },
  },
  "src/server/actions/draft-notice.ts": { draftNotice: { gate: "notice:draft", scope: "client", matrix: "cases" } },
  "src/server/actions/end-sessions.ts": {
    endOneSession: {
      gate: "signed-in",
      scope: "own",
      matrix: {
        skip: "ends a session by id, but only among the caller's own: endSession matches the id together with the session's user, so another person's id ends nothing",
      },
    },
    endOtherSessions: { gate: "signed-in", scope: "own", matrix: SESSION_ONLY },
    signOutEverywhere: { gate: "signed-in", scope: "own", matrix: SESSION_ONLY },
  },
  "src/server/actions/manage-automation.ts": {
    saveAutomationRule: { gate: "automation:manage", scope: "organization", matrix: "cases" },
    setAutomationRuleEnabled: { gate: "automation:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/manage-clients.ts": {
    createClient: { gate: "client:manage", scope: "organization", matrix: "cases" },
    updateClient: { gate: "client:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/manage-integrations.ts": {
    createIntegration: { gate: "integration:manage", scope: "organization", matrix: "cases" },
    revokeIntegration: { gate: "integration:manage", scope: "organization", matrix: "cases" },
    rotateIntegrationSecret: { gate: "integration:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/manage-on-call.ts": {
    createRota: { gate: "oncall:manage", scope: "organization", matrix: "cases" },
    updateRota: { gate: "oncall:manage", scope: "organization", matrix: "cases" },
    addOnCallOverride: { gate: "oncall:manage", scope: "organization", matrix: "cases" },
    removeOnCallOverride: { gate: "oncall:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/manage-webhooks.ts": {
    createWebhook: { gate: "webhook:manage", scope: "organization", matrix: "cases" },
    updateWebhook: { gate: "webhook:manage", scope: "organization", matrix: "cases" },
    rotateWebhookSecret: { gate: "webhook:manage", scope: "organization", matrix: "cases" },
    sendWebhookTest: { gate: "webhook:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/manage-users.ts": {
    createUser: { gate: "user:manage", scope: "organization", matrix: "cases" },
    updateUser: { gate: "user:manage", scope: "organization", matrix: "cases" },
    startPasswordReset: { gate: "user:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/mark-notice-read.ts": {
    markNoticeRead: { gate: "portal:view", scope: "portal-client", matrix: "cases" },
  },
  "src/server/actions/mark-notifications-read.ts": {
    markNotificationsRead: { gate: "incident:read", scope: "own", matrix: "cases" },
  },
  "src/server/actions/mark-obligation-not-required.ts": {
    markObligationNotRequired: { gate: "notice:draft", scope: "client", matrix: "cases" },
  },
  "src/server/actions/post-notice-message.ts": {
    postNoticeMessage: {
      gate: "portal:view",
      scope: "portal-client",
      matrix: "cases",
      servicePermission: { staff: "notice:draft", contact: "portal:ask" },
    },
  },
  "src/server/actions/record-external-filing.ts": {
    recordExternalFiling: { gate: "notice:draft", scope: "client", matrix: "cases" },
  },
  "src/server/actions/regenerate-recovery-codes.ts": {
    regenerateRecoveryCodes: { gate: "signed-in", scope: "own", matrix: SESSION_ONLY },
  },
  "src/server/actions/reset-user-mfa.ts": {
    resetUserMfa: { gate: "user:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/review-notice.ts": { reviewNotice: { gate: "notice:approve", scope: "client", matrix: "cases" } },
  "src/server/actions/review-obligation-decision.ts": {
    reviewObligationDecision: { gate: "notice:approve", scope: "client", matrix: "cases" },
  },
  "src/server/actions/save-review.ts": { saveReview: { gate: "postmortem:run", scope: "client", matrix: "cases" } },
  "src/server/actions/send-notice.ts": { sendNotice: { gate: "notice:draft", scope: "client", matrix: "cases" } },
  "src/server/actions/set-legal-hold.ts": {
    setIncidentLegalHold: { gate: "legalhold:manage", scope: "client", matrix: "cases" },
    setClientLegalHold: { gate: "legalhold:manage", scope: "client", matrix: "cases" },
  },
  "src/server/actions/set-mfa-policy.ts": {
    setMfaPolicy: { gate: "user:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/set-password.ts": {
    setPassword: {
      gate: "public",
      scope: "none",
      matrix: { skip: "public: the one-time token is the authority (tests/db/passwords.test.ts)" },
    },
  },
  "src/server/actions/set-rule-override.ts": {
    setRuleOverride: { gate: "client:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/set-working-target.ts": {
    setWorkingTarget: { gate: "client:manage", scope: "organization", matrix: "cases" },
  },
  "src/server/actions/sign-out.ts": { signOut: { gate: "session-in-progress", scope: "own", matrix: SESSION_ONLY } },
  "src/server/actions/submit-notice.ts": { submitNotice: { gate: "notice:draft", scope: "client", matrix: "cases" } },
  "src/server/actions/triage-alert.ts": {
    dismissAlert: { gate: "alert:triage", scope: "client", matrix: "cases" },
    mergeAlert: { gate: "alert:triage", scope: "client", matrix: "cases" },
    promoteAlert: { gate: "alert:triage", scope: "client", matrix: "cases" },
  },
  "src/server/actions/toggle-checklist-item.ts": {
    toggleChecklistItem: { gate: "incident:update", scope: "client", matrix: "cases" },
  },
  "src/server/actions/toggle-incident-task.ts": {
    toggleIncidentTask: { gate: "incident:update", scope: "client", matrix: "cases" },
  },
  "src/server/actions/touch-session.ts": { touchSession: { gate: "signed-in", scope: "own", matrix: SESSION_ONLY } },
  "src/server/actions/transition-incident.ts": {
    transitionIncident: { gate: "incident:transition", scope: "client", matrix: "cases" },
  },
  "src/server/actions/update-action-item.ts": {
    updateActionItem: { gate: "postmortem:run", scope: "client", matrix: "cases" },
  },
  "src/server/actions/update-assessment.ts": {
    updateAssessment: { gate: "incident:update", scope: "client", matrix: "cases" },
  },
  "src/server/actions/update-incident-facts.ts": {
    updateIncidentFacts: { gate: "incident:update", scope: "client", matrix: "cases" },
  },
  "src/server/actions/update-notice-draft.ts": {
    updateNoticeDraft: { gate: "notice:draft", scope: "client", matrix: "cases" },
  },
  "src/server/actions/verify-second-factor.ts": {
    verifySecondFactor: { gate: "session-in-progress", scope: "own", matrix: SESSION_ONLY },
  },
  "src/server/actions/waive-obligation.ts": {
    waiveObligation: { gate: "notice:approve", scope: "client", matrix: "cases" },
  },
  "src/server/actions/withdraw-notice.ts": {
    withdrawNotice: { gate: "notice:draft", scope: "client", matrix: "cases" },
  },
};

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const CATCH_ALL = { gate: "public", scope: "none", matrix: PUBLIC } as const;

export const ROUTES: Readonly<Record<string, Partial<Record<HttpMethod, EntryAccess>>>> = {
  "src/app/api/[...path]/route.ts": {
    GET: CATCH_ALL,
    POST: CATCH_ALL,
    PUT: CATCH_ALL,
    PATCH: CATCH_ALL,
    DELETE: CATCH_ALL,
  },
  "src/app/api/audit/export/route.ts": { GET: { gate: "audit:read", scope: "client", matrix: "cases" } },
  "src/app/api/auth/[...nextauth]/route.ts": {
    GET: {
      gate: "public",
      scope: "none",
      matrix: {
        skip: "next-auth's own endpoints: sign-in is covered by tests/db/sign-in.test.ts and the e2e sign-in spec",
      },
    },
    POST: {
      gate: "public",
      scope: "none",
      matrix: {
        skip: "next-auth's own endpoints: sign-in is covered by tests/db/sign-in.test.ts and the e2e sign-in spec",
      },
    },
  },
  "src/app/api/exports/dashboard/route.ts": { GET: { gate: "dashboard:view", scope: "client", matrix: "cases" } },
  "src/app/api/exports/incidents/route.ts": { GET: { gate: "report:export", scope: "client", matrix: "cases" } },
  "src/app/api/health/route.ts": { GET: { gate: "public", scope: "none", matrix: PUBLIC } },
  "src/app/api/incidents/[id]/audit/route.ts": { GET: { gate: "audit:read", scope: "client", matrix: "cases" } },
  "src/app/api/incidents/[id]/report/route.ts": { GET: { gate: "report:export", scope: "client", matrix: "cases" } },
  "src/app/api/portal/notices/[id]/pdf/route.ts": {
    GET: { gate: "portal:view", scope: "portal-client", matrix: "cases" },
  },
  "src/app/api/staff/route.ts": { GET: { gate: "incident:read", scope: "client", matrix: "cases" } },
  "src/app/api/v1/alerts/route.ts": {
    POST: {
      gate: "public",
      scope: "none",
      matrix: {
        skip: "no session: an integration's API key and HMAC signature are the authority, limited to its clients (tests/db/alert-ingest.test.ts)",
      },
    },
  },
  "src/app/api/v1/openapi.json/route.ts": { GET: { gate: "public", scope: "none", matrix: PUBLIC } },
};

/** Pages: `loader` names the data read the matrix calls as each viewer. */
export type PageAccess = EntryAccess & { loader?: string };

const LIST_ONLY = (what: string) => ({
  skip: `takes no id: ${what} is read through the viewer's scope builder only (its loader is the one the list tests use)`,
});

export const PAGES: Readonly<Record<string, PageAccess>> = {
  "src/app/page.tsx": {
    gate: "public",
    scope: "none",
    matrix: { skip: "sends each person to their home page (or to sign in); shows no data" },
  },
  "src/app/(auth)/login/page.tsx": { gate: "public", scope: "none", matrix: PUBLIC },
  "src/app/(auth)/login/verify/page.tsx": { gate: "session-in-progress", scope: "own", matrix: SESSION_ONLY },
  "src/app/(auth)/login/enrol/page.tsx": { gate: "session-in-progress", scope: "own", matrix: SESSION_ONLY },
  "src/app/(auth)/reset/[token]/page.tsx": {
    gate: "public",
    scope: "none",
    matrix: { skip: "public: the one-time token is the authority (tests/db/passwords.test.ts)" },
  },
  "src/app/(account)/security/page.tsx": { gate: "signed-in", scope: "own", matrix: SESSION_ONLY },
  "src/app/(account)/security/authenticator/page.tsx": { gate: "signed-in", scope: "own", matrix: SESSION_ONLY },
  "src/app/(staff)/alerts/page.tsx": {
    gate: "alert:triage",
    scope: "client",
    matrix: LIST_ONLY("the alert queue"),
  },
  "src/app/(staff)/alerts/[id]/page.tsx": {
    gate: "alert:triage",
    scope: "client",
    loader: "getAlertForTriage",
    matrix: "cases",
  },
  "src/app/(staff)/admin/automation/page.tsx": {
    gate: "automation:manage",
    scope: "organization",
    matrix: LIST_ONLY("the organization's automation rules"),
  },
  "src/app/(staff)/admin/automation/new/page.tsx": {
    gate: "automation:manage",
    scope: "organization",
    matrix: LIST_ONLY("the organization's clients and staff for the rule form"),
  },
  "src/app/(staff)/admin/automation/[id]/page.tsx": {
    gate: "automation:manage",
    scope: "organization",
    loader: "getAutomationRule",
    matrix: "cases",
  },
  "src/app/(staff)/audit/page.tsx": { gate: "audit:read", scope: "client", loader: "listAuditLog", matrix: "cases" },
  "src/app/(staff)/admin/integrations/page.tsx": {
    gate: "integration:manage",
    scope: "organization",
    matrix: LIST_ONLY("the organization's integrations (never their keys or secrets)"),
  },
  "src/app/(staff)/admin/webhooks/page.tsx": {
    gate: "webhook:manage",
    scope: "organization",
    matrix: LIST_ONLY("the organization's webhook subscriptions and their deliveries"),
  },
  "src/app/(staff)/admin/page.tsx": {
    gate: "admin:view",
    scope: "organization",
    matrix: LIST_ONLY("the organization's people and clients"),
  },
  "src/app/(staff)/admin/rules/page.tsx": {
    gate: "admin:view",
    scope: "organization",
    matrix: LIST_ONLY("every deadline rule, with the organization's working target and figures"),
  },
  "src/app/(staff)/clients/page.tsx": { gate: "incident:read", scope: "client", matrix: LIST_ONLY("the client list") },
  "src/app/(staff)/dashboard/page.tsx": {
    gate: "dashboard:view",
    scope: "client",
    loader: "dashboardFigures",
    matrix: "cases",
  },
  "src/app/(staff)/incidents/page.tsx": {
    gate: "incident:read",
    scope: "client",
    matrix: LIST_ONLY("the incident list"),
  },
  "src/app/(staff)/incidents/new/page.tsx": {
    gate: "incident:create",
    scope: "client",
    matrix: LIST_ONLY("the clients to choose from"),
  },
  "src/app/(staff)/incidents/[id]/page.tsx": {
    gate: "incident:read",
    scope: "client",
    loader: "getIncidentPageData",
    matrix: "cases",
  },
  "src/app/(staff)/incidents/[id]/notices/[noticeId]/page.tsx": {
    gate: "notice:draft",
    scope: "client",
    loader: "getNoticeForStaff",
    matrix: "cases",
  },
  "src/app/(staff)/on-call/page.tsx": {
    gate: "oncall:manage",
    scope: "organization",
    matrix: LIST_ONLY("the organization's on-call rotas"),
  },
  "src/app/(staff)/notifications/page.tsx": {
    gate: "incident:read",
    scope: "own",
    matrix: LIST_ONLY("the viewer's own notifications"),
  },
  "src/app/(staff)/obligations/page.tsx": {
    gate: "incident:read",
    scope: "client",
    matrix: LIST_ONLY("the deadline work list"),
  },
  "src/app/(portal)/portal/page.tsx": {
    gate: "portal:view",
    scope: "portal-client",
    matrix: LIST_ONLY("the viewer's clients"),
  },
  "src/app/(portal)/portal/[clientId]/page.tsx": {
    gate: "portal:view",
    scope: "portal-client",
    loader: "listPortalIncidents",
    matrix: "cases",
  },
  "src/app/(portal)/portal/[clientId]/notices/[noticeId]/page.tsx": {
    gate: "portal:view",
    scope: "portal-client",
    loader: "listPortalIncidents",
    matrix: "cases",
  },
};
