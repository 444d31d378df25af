import { describe, expect, it } from "vitest";
import { can, type Viewer } from "@/domain/access/can";
import {
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  HOME_PATH,
  type Permission,
  type Role,
} from "@/domain/access/permissions";

const viewer = (role: Role, clientIds: string[] = ["c1"]): Viewer => ({
  userId: "u",
  organizationId: "o",
  role,
  name: "n",
  email: "e@x.test",
  timeZone: "UTC",
  clientIds,
});

// The expected table, written out independently of ROLE_PERMISSIONS: a change to who may do
// what must change this test too.
const Y = true,
  n = false;
const EXPECTED: Record<Permission, [admin: boolean, manager: boolean, analyst: boolean, contact: boolean]> = {
  "incident:read": [Y, Y, Y, n],
  "incident:create": [Y, Y, Y, n],
  "incident:update": [Y, Y, Y, n],
  "incident:transition": [Y, Y, Y, n],
  "incident:assign": [Y, Y, n, n],
  "incident:reopen": [Y, Y, n, n],
  "dashboard:view": [Y, Y, n, n],
  "postmortem:run": [Y, Y, Y, n],
  "notice:draft": [Y, Y, Y, n],
  "notice:approve": [Y, Y, n, n],
  "report:export": [Y, Y, Y, n],
  "audit:read": [Y, Y, n, n],
  "legalhold:manage": [Y, Y, n, n],
  "alert:triage": [Y, Y, Y, n],
  "automation:manage": [Y, n, n, n],
  "oncall:manage": [Y, Y, n, n],
  "webhook:manage": [Y, n, n, n],
  "integration:manage": [Y, n, n, n],
  "webhook:allow_private": [Y, n, n, n],
  "admin:view": [Y, n, n, n],
  "user:manage": [Y, n, n, n],
  "client:manage": [Y, n, n, n],
  "portal:view": [Y, Y, Y, Y],
  "portal:acknowledge": [n, n, n, Y],
  "portal:ask": [n, n, n, Y],
};

describe("can(): the permission table", () => {
  const cases = PERMISSIONS.flatMap((permission) =>
    (["ADMIN", "MANAGER", "ANALYST", "CLIENT_CONTACT"] as const).map((role, i) => ({
      role,
      permission,
      allowed: EXPECTED[permission][i],
    })),
  );
  it.each(cases)("$role → $permission: $allowed", ({ role, permission, allowed }) => {
    expect(can(viewer(role), permission)).toBe(allowed);
  });

  it("lists every permission in the expected table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });
});

describe("can(): deny by default and tenant scope", () => {
  it("refuses when there is no viewer", () => {
    expect(can(null, "portal:view")).toBe(false);
    expect(can(undefined, "incident:read")).toBe(false);
  });

  it("refuses an unknown role even for harmless permissions", () => {
    expect(can({ role: "SUPERUSER" as Role, clientIds: ["c1"] }, "portal:view")).toBe(false);
  });

  it("refuses a permitted action on a client outside the viewer's scope", () => {
    expect(can(viewer("ANALYST", ["c1"]), "incident:read", { clientId: "c1" })).toBe(true);
    expect(can(viewer("ANALYST", ["c1"]), "incident:read", { clientId: "c2" })).toBe(false);
    expect(can(viewer("MANAGER", []), "incident:read", { clientId: "c1" })).toBe(false);
  });

  it("scope never grants what the role lacks", () => {
    expect(can(viewer("CLIENT_CONTACT", ["c1"]), "incident:read", { clientId: "c1" })).toBe(false);
  });

  it("every role has a home and only known permissions", () => {
    for (const role of ROLES) {
      expect(HOME_PATH[role]).toMatch(/^\/[a-z]+$/);
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
  });
});
