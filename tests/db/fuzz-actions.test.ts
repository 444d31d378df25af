import fc from "fast-check";
import { hash } from "@node-rs/argon2";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs, RedirectSignal } from "../support/next-mocks";
import {
  ACTORS,
  actorId,
  expectedAllowed,
  incidentIn,
  makeWorld,
  noticeIn,
  place,
  type Actor,
  type World,
} from "../support/access-world";
import { ACTION_INPUTS, SESSION_ACTION_INPUTS, type Input } from "../support/action-inputs";
import { fuzzForm, nearInputs, queryOf } from "../support/fuzz-values";
import { auditHead, fingerprint, refersTo } from "../support/tenant-fingerprint";
import { ACTIONS, ROUTES } from "@/domain/access/access-registry";
import { db } from "@/server/db";
import { auditKey } from "@/server/audit-key";
import { verifyOrganizationChain } from "@/server/data/verify-audit-chain";
import * as catchAll from "@/app/api/[...path]/route";
import { GET as auditLogExport } from "@/app/api/audit/export/route";
import { GET as dashboardExport } from "@/app/api/exports/dashboard/route";
import { GET as incidentsExport } from "@/app/api/exports/incidents/route";
import { GET as health } from "@/app/api/health/route";
import { GET as auditExport } from "@/app/api/incidents/[id]/audit/route";
import { GET as reportExport } from "@/app/api/incidents/[id]/report/route";
import { GET as noticePdf } from "@/app/api/portal/notices/[id]/pdf/route";
import { GET as staffList } from "@/app/api/staff/route";
import { POST as alertsPost } from "@/app/api/v1/alerts/route";
import { GET as openapiDocument } from "@/app/api/v1/openapi.json/route";
import { createIntegration } from "@/server/services/admin/integrations";
import { chainPending } from "@/server/audit-chainer";
import { computeSignature } from "@/domain/alerts/signature";
import { ctxFor } from "../support/incident-fixture";

vi.mock("@/server/viewer", () => import("../support/next-mocks").then((m) => m.viewerModule));
vi.mock("next/headers", () => import("../support/next-mocks").then((m) => m.headersModule));
vi.mock("next/cache", () => import("../support/next-mocks").then((m) => m.cacheModule));
vi.mock("next/navigation", () => import("../support/next-mocks").then((m) => m.navigationModule));

// Every server action and API route fed generated input (FUZZ_RUNS cases each; 1,000 in CI,
// `npm run test:fuzz` runs 20,000): odd strings, unicode, huge values, lists where one value
// belongs, files where text belongs, missing and extra fields, other tenants' ids. Each call
// must answer as designed (a FormState, never the generic "Something went wrong" that stands
// for an unexpected exception; a route never a 500), a refused call must write nothing (the
// audit chain's head does not move), an accepted call given another tenant's id must not have
// come to refer to it, and after each entry's run the organization's data changed only if the
// audit chain grew with it, the other organization's data did not change at all, and both
// chains verify. Counterexamples found are kept as plain tests in fuzz-regressions.test.ts.

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const GENERIC = /Something went wrong/;
const TIMEOUT = Math.max(120_000, RUNS * 200);

/**
 * Refusals these write on purpose: a wrong second-factor code is counted and audited
 * (auth.mfa_failed), a wrong current password too (changing one's password), and an
 * administrator resetting their own second factor is refused with an audit entry
 * (user.mfa_reset_refused). For them only the chain's consistency is checked.
 */
const REFUSALS_AUDITED = new Set([
  "confirmMfaEnrolment",
  "regenerateRecoveryCodes",
  "verifySecondFactor",
  "resetUserMfa",
  "changePassword",
]);

/** Accepted changes that are by design not audited, and why. */
const UNAUDITED: Record<string, string> = {
  markNotificationsRead:
    "a person's own read marks on their notifications: personal state, not a record anyone relies on (services/mark-notifications-read.ts)",
};

let w: World;
let foreignIds: string[];
let ids: string[];
let homeIncidentId: string;
let homeNoticeId: string;

beforeAll(async () => {
  w = await makeWorld();
  const away = place(w, "other");
  const [awayIncident, awayNotice, homeIncident, homeNotice] = await Promise.all([
    incidentIn(w, "other"),
    noticeIn(w, "other", "SENT"),
    incidentIn(w, "A"),
    noticeIn(w, "A", "SENT"),
  ]);
  homeIncidentId = homeIncident.id;
  homeNoticeId = homeNotice;
  const awayObligation = await db().obligation.findFirstOrThrow({ where: { incidentId: awayIncident.id } });
  foreignIds = [
    away.client.id,
    away.contact.id,
    away.tenant.manager.id,
    away.tenant.org.id,
    awayIncident.id,
    awayNotice,
    awayObligation.id,
  ];
  // the right shape and the wrong kind: this tenant's ids in fields that expect another thing
  ids = [...foreignIds, w.home.clientB.id, w.home.admin.id, homeIncident.id, w.home.org.id];
  // The session actions run as the manager and check their password (argon2) on every call: a
  // hash of the lowest cost, read by the same verify, spares tens of seconds and changes no path.
  const cheap = await hash("not the password the fuzzer types", { memoryCost: 8, timeCost: 1, parallelism: 1 });
  await db().user.update({ where: { id: w.home.manager.id }, data: { passwordHash: cheap } });
}, 180_000);

/** Actions whose `userId` names a person without changing their account. */
const NAMES_A_PERSON_ONLY = new Set(["addOnCallOverride"]);

async function sparePerson(key: string): Promise<string> {
  const data = {
    organizationId: w.home.org.id,
    email: `spare-${key}-${w.home.org.slug}@fixture.test`,
    name: `Spare ${key}`,
    passwordHash: w.home.admin.passwordHash,
  };
  return (await db().user.create({ data: { ...data, role: "CLIENT_CONTACT", clientId: w.home.clientA.id } })).id;
}

type Outcome = { ok: boolean; text: string; formState: boolean };

async function call(fn: (...a: unknown[]) => Promise<unknown>, args: unknown[]): Promise<Outcome> {
  try {
    const result = await fn(...args);
    const formState =
      typeof result === "object" && result !== null && typeof (result as { ok?: unknown }).ok === "boolean";
    return { ok: formState && (result as { ok: boolean }).ok, text: JSON.stringify(result) ?? "undefined", formState };
  } catch (error) {
    // the actions that end by going somewhere (sign-out, a created incident) throw Next's redirect
    if (error instanceof RedirectSignal) return { ok: true, text: `redirect ${error.url}`, formState: true };
    throw error;
  }
}

const isIdField = (key: string) => /(^|[a-z])Ids?$/.test(key);
/** The other tenant's ids named in fields the action reads (extra fields are ignored). */
const foreignIdsIn = (input: Record<string, unknown>, base: Input) =>
  Object.entries(input).flatMap(([k, v]) =>
    k in base && isIdField(k)
      ? (Array.isArray(v) ? v : [v]).filter((x): x is string => foreignIds.includes(x as string))
      : [],
  );

async function chainsVerify() {
  for (const org of [w.home.org, w.away.org])
    expect((await verifyOrganizationChain(db(), org, auditKey())).broken).toBeNull();
}

/**
 * Runs the property and then checks the organization's data as a whole: unchanged when nothing
 * was accepted, changed only with the chain grown otherwise; the other organization untouched.
 */
async function fuzzEntry<T>(
  arb: fc.Arbitrary<T>,
  run: (value: T) => Promise<{ accepted: boolean }>,
  {
    refusalsWrite = false,
    unaudited = false,
    example,
  }: { refusalsWrite?: boolean; unaudited?: boolean; example?: T } = {},
) {
  const [homeBefore, awayBefore] = await Promise.all([fingerprint(w.home.org.id), fingerprint(w.away.org.id)]);
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(arb, async (value) => {
      if ((await run(value)).accepted) accepted++;
    }),
    // the starting input itself first: a form of many fields is rarely generated whole (each
    // field is kept with one chance in two), and "nothing was accepted" must mean refused input
    { numRuns: RUNS, examples: example === undefined ? [] : [[example]] },
  );
  const [homeAfter, awayAfter] = await Promise.all([fingerprint(w.home.org.id), fingerprint(w.away.org.id)]);
  expect(awayAfter, "another organization's data changed").toEqual(awayBefore);
  if (accepted === 0 && !refusalsWrite) expect(homeAfter, "nothing was accepted, yet data changed").toEqual(homeBefore);
  if (homeAfter.rows !== homeBefore.rows && !unaudited)
    expect(homeAfter.auditHead, "data changed without an audit entry").toBeGreaterThan(homeBefore.auditHead);
  await chainsVerify();
  return accepted;
}

/** The first kind of viewer for whom the action does its work on client A's data. */
function allowedActor(file: string, name: string): Actor {
  const entry = ACTIONS[file]![name]!;
  return ACTORS.find((a) => expectedAllowed(entry, a, ACTION_INPUTS[name]?.targeted === false ? null : "A"))!;
}

const actionEntries = Object.entries(ACTIONS).flatMap(([file, actions]) =>
  Object.keys(actions).map((name) => ({ file, name })),
);

describe("fuzzing server actions", () => {
  it("every action has a starting input", () => {
    expect(actionEntries.filter(({ name }) => !ACTION_INPUTS[name] && !SESSION_ACTION_INPUTS[name])).toEqual([]);
  });

  it.each(actionEntries)(
    "$name",
    async ({ file, name }) => {
      const mod = (await import(/* @vite-ignore */ file.replace(/^src\//, "@/").replace(/\.ts$/, ""))) as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      const fn = mod[name]!;
      const session = SESSION_ACTION_INPUTS[name];
      const actor: Actor = session ? "MANAGER" : allowedActor(file, name);
      const spec = ACTION_INPUTS[name];
      const base: Input = session ? session.input : await spec!.build({ w, target: "A", actor, fresh: true });
      // the person an admin action acts on is one of its own: the fuzzer may disable or demote them, never an actor
      // (an on-call override only names who covers: it changes nobody, and a spare client contact may not cover)
      if ("userId" in base && !NAMES_A_PERSON_ONLY.has(name)) base.userId = await sparePerson(name);
      if (name === "updateUser") base.clientId = w.home.clientA.id;
      const args = session?.args ?? spec?.args ?? ((input: Input) => [{ ok: false }, fuzzForm(input)]);
      const returnsState = !["signOut", "signOutEverywhere", "touchSession"].includes(name);
      const refusalsWrite = REFUSALS_AUDITED.has(name);
      let head = await auditHead(w.home.org.id);
      // the actor is never the one an action changes (admin actions act on a spare person)
      actAs(actorId(w, actor), { reuseViewer: true });
      const accepted = await fuzzEntry(
        nearInputs(base, ids),
        async (input) => {
          const before = head;
          const out = await call(fn, args(input as Input));
          head = await auditHead(w.home.org.id);
          if (returnsState) expect(out.formState, out.text).toBe(true);
          expect(out.text).not.toMatch(GENERIC);
          if (!out.ok && !refusalsWrite) expect(head, `refused, yet audited: ${out.text}`).toBe(before);
          // accepted with another tenant's id in a field it reads: nothing may have come to refer to it
          const foreign = foreignIdsIn(input, base);
          if (out.ok && foreign.length)
            expect(
              await refersTo(w.home.org.id, foreign),
              `kept a reference to another tenant's data: ${out.text}`,
            ).toBe(false);
          return { accepted: out.ok };
        },
        { refusalsWrite, unaudited: name in UNAUDITED, example: { ...base } },
      );
      // the base input is valid: a run in which nothing at all got through proves little
      if (!session && RUNS >= 1000 && spec?.allowed !== "in-scope") expect(accepted).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});

type RouteFuzz = {
  actor: Actor;
  base: () => Input;
  rareKeep?: boolean;
  call: (input: Record<string, string | string[] | Blob>) => Promise<Response>;
  /** For a route that writes when it accepts (the alerts API): which answers are acceptances. */
  accepted?: (status: number) => boolean;
};

// The alerts API is authenticated by an integration's key and signature, not a session: the
// fuzzed fields go as the JSON body of a post signed with a live integration of client A.
let ingest: { key: string; secret: string } | undefined;
async function postAlert(input: Record<string, string | string[] | Blob>): Promise<Response> {
  if (!ingest) throw new Error("no integration made for the alerts API");
  const body = JSON.stringify(input);
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await alertsPost(
    new Request("http://localhost:3000/api/v1/alerts", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${ingest.key}`,
        "x-warden-timestamp": ts,
        "x-warden-signature": `sha256=${computeSignature(ingest.secret, ts, body)}`,
      },
      body,
    }),
  );
  // chained before the run's end compares the audit head with the data
  await chainPending(w.home.org.id);
  return res;
}

const url = (path: string, input: Record<string, string | string[] | Blob>) =>
  new Request(`http://localhost:3000${path}?${queryOf(input)}`);
const one = (v: string | string[] | Blob | undefined) =>
  typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? "") : "";
/** A path segment as a client would send it (a lone surrogate cannot be percent-encoded: it goes as U+FFFD). */
const segment = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/gu, "\ufffd"));
const idRoute =
  (
    handler: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>,
    path: (id: string) => string,
  ) =>
  (input: Record<string, string | string[] | Blob>) => {
    const { id, ...query } = input;
    return handler(url(path(segment(one(id))), query), { params: Promise.resolve({ id: one(id) }) });
  };

const ROUTE_FUZZ: Record<string, RouteFuzz> = {
  "src/app/api/exports/incidents/route.ts#GET": {
    actor: "MANAGER",
    base: () => ({
      phase: "IDENTIFY",
      type: "DATA_BREACH",
      severity: "HIGH",
      clientId: w.home.clientA.id,
      owner: "me",
      status: "open",
      q: "phishing",
      sort: "newest",
    }),
    call: (input) => incidentsExport(url("/api/exports/incidents", input)),
  },
  "src/app/api/exports/dashboard/route.ts#GET": {
    actor: "MANAGER",
    base: () => ({ from: "2026-01-01", to: "2026-03-01", clientId: w.home.clientA.id, format: "csv" }),
    call: (input) => dashboardExport(url("/api/exports/dashboard", input)),
  },
  "src/app/api/incidents/[id]/report/route.ts#GET": {
    actor: "ANALYST",
    // a kept id without a format renders a PDF: kept rarely, to keep the run short
    base: () => ({ id: homeIncidentId, format: "md" }),
    rareKeep: true,
    call: idRoute(reportExport, (id) => `/api/incidents/${id}/report`),
  },
  "src/app/api/incidents/[id]/audit/route.ts#GET": {
    actor: "ADMIN",
    base: () => ({ id: homeIncidentId }),
    call: idRoute(auditExport, (id) => `/api/incidents/${id}/audit`),
  },
  "src/app/api/portal/notices/[id]/pdf/route.ts#GET": {
    actor: "CLIENT_CONTACT",
    // a real notice renders a PDF: kept rarely, to keep the run short
    base: () => ({ id: homeNoticeId }),
    rareKeep: true,
    call: idRoute(noticePdf, (id) => `/api/portal/notices/${id}/pdf`),
  },
  "src/app/api/audit/export/route.ts#GET": {
    actor: "MANAGER",
    base: () => ({
      client: w.home.clientA.id,
      person: w.home.manager.id,
      kind: "incident.",
      from: "2026-01-01",
      to: "2026-12-31",
    }),
    call: (input) => auditLogExport(url("/api/audit/export", input)),
  },
  "src/app/api/staff/route.ts#GET": { actor: "ANALYST", base: () => ({}), call: () => staffList() },
  "src/app/api/health/route.ts#GET": { actor: "ANALYST", base: () => ({}), call: () => health() },
  "src/app/api/v1/openapi.json/route.ts#GET": { actor: "ANALYST", base: () => ({}), call: () => openapiDocument() },
  "src/app/api/v1/alerts/route.ts#POST": {
    actor: "ANALYST",
    base: () => ({
      source: "dlp-gateway",
      externalId: "fuzz-1",
      title: "Card numbers in outbound mail",
      severity: "high",
      observedAt: "2026-03-14T10:00:00Z",
      dataCategories: ["FINANCIAL"],
      assets: ["mail-gw-01"],
      jurisdictions: ["US-CA"],
    }),
    call: postAlert,
    accepted: (status) => status === 200 || status === 201,
  },
  ...Object.fromEntries(
    (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => [
      `src/app/api/[...path]/route.ts#${method}`,
      {
        actor: "ANALYST",
        base: () => ({ path: "anything" }),
        call: (input: Record<string, string | string[] | Blob>) =>
          (catchAll[method] as unknown as (req: Request) => Promise<Response>)(
            new Request(`http://localhost:3000/api/${segment(one(input.path))}`, {
              method,
              body: method === "GET" ? undefined : JSON.stringify(input),
            }),
          ),
      } satisfies RouteFuzz,
    ]),
  ),
};

/** Route methods the fuzzer does not drive, and why. */
const ROUTES_NOT_FUZZED: Record<string, string> = {
  "src/app/api/auth/[...nextauth]/route.ts#GET":
    "next-auth's own endpoints; sign-in input is fuzzed through its schema in tests/unit/sign-in-schema.test.ts and driven in tests/db/sign-in.test.ts",
  "src/app/api/auth/[...nextauth]/route.ts#POST":
    "next-auth's own endpoints; sign-in input is fuzzed through its schema in tests/unit/sign-in-schema.test.ts and driven in tests/db/sign-in.test.ts",
};

describe("fuzzing API routes", () => {
  beforeAll(async () => {
    const made = await createIntegration(await ctxFor(w.home.admin.id), {
      name: "Fuzzed SIEM",
      format: "GENERIC",
      clientIds: [w.home.clientA.id],
      defaultClientId: w.home.clientA.id,
      rateLimitPerMinute: 1_000_000,
    });
    if (!made.ok || !made.value.apiKey) throw new Error("the fuzzed integration was refused");
    ingest = { key: made.value.apiKey, secret: made.value.signingSecret };
  });

  it("every route method is fuzzed, or says why not", () => {
    const listed = Object.entries(ROUTES)
      .flatMap(([f, methods]) => Object.keys(methods).map((m) => `${f}#${m}`))
      .sort();
    expect([...Object.keys(ROUTE_FUZZ), ...Object.keys(ROUTES_NOT_FUZZED)].sort()).toEqual(listed);
  });

  it.each(Object.keys(ROUTE_FUZZ))(
    "%s",
    async (key) => {
      const route = ROUTE_FUZZ[key]!;
      const base = route.base();
      actAs(actorId(w, route.actor), { reuseViewer: true });
      await fuzzEntry(nearInputs(base, ids, { rareKeep: route.rareKeep, blobs: false }), async (input) => {
        const res = await route.call(input);
        const body = await res.text();
        expect(res.status, body.slice(0, 300)).not.toBe(500);
        if (res.status >= 400 && (res.headers.get("content-type") ?? "").includes("json")) {
          expect(JSON.parse(body)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        }
        // a GET never writes (the read log aside, which is not in the fingerprint); the alerts
        // API writes what it accepts, audited
        return { accepted: route.accepted?.(res.status) ?? false };
      });
    },
    TIMEOUT,
  );
});
