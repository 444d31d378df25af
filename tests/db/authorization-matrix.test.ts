import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs, RedirectSignal } from "../support/next-mocks";
import {
  ACTORS,
  actorId,
  expectedAllowed,
  makeWorld,
  TARGETS,
  type Actor,
  type Target,
  type World,
} from "../support/access-world";
import { ACTION_INPUTS, formDataOf, type Input } from "../support/action-inputs";
import { PAGE_CASES, ROUTE_CASES, type EntryCase } from "../support/entry-cases";
import { ACTIONS, PAGES, ROUTES, type EntryAccess } from "@/domain/access/access-registry";

vi.mock("@/server/viewer", () => import("../support/next-mocks").then((m) => m.viewerModule));
vi.mock("next/headers", () => import("../support/next-mocks").then((m) => m.headersModule));
vi.mock("next/cache", () => import("../support/next-mocks").then((m) => m.cacheModule));
vi.mock("next/navigation", () => import("../support/next-mocks").then((m) => m.navigationModule));

// The authorization matrix, generated: every registry entry that takes an id or a client ×
// every kind of viewer × a target in a client they work for, another client of their
// organization, and another organization. Expected: allowed exactly when the role holds the
// entry's permission (ROLE_PERMISSIONS) and the target is in the viewer's scope; otherwise the
// very answer the same viewer gets for ids that do not exist (nothing tells "yours not" from
// "none").

let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 180_000);

const withRandomIds = (input: Input, ids: readonly string[]): Input => ({
  ...input,
  ...Object.fromEntries(ids.map((k) => [k, randomUUID()])),
});

/** An answer as text, the ids the request itself carried blanked (an answer may echo them). */
function shown(answer: unknown, input: Input, ids: readonly string[]): string {
  let text = JSON.stringify(answer);
  for (const key of ids) text = text.replaceAll(String(input[key]), `<${key}>`);
  return text;
}

/** An action's answer without what changes on every call. */
function comparable(state: unknown) {
  const { at: _at, ...rest } = state as Record<string, unknown>;
  return rest;
}

async function runAction(file: string, name: string, actor: Actor, input: Input, args?: (i: Input) => unknown[]) {
  const mod = (await import(/* @vite-ignore */ file.replace(/^src\//, "@/").replace(/\.ts$/, ""))) as Record<
    string,
    (...a: unknown[]) => Promise<unknown>
  >;
  actAs(actorId(w, actor));
  try {
    return comparable(await mod[name]!(...(args ? args(input) : [{ ok: false }, formDataOf(input)])));
  } catch (error) {
    // createIncident and draftNotice go to what they made
    if (error instanceof RedirectSignal) return { ok: true, redirect: error.url };
    throw error;
  }
}

const GENERIC = /Something went wrong/;
const cases = (entries: Record<string, EntryAccess>) => Object.entries(entries).filter(([, e]) => e.matrix === "cases");

type Mismatch = { actor: Actor; target: Target | null; expected: "allow" | "deny"; got: unknown; notFound: unknown };

describe("the registry's matrix entries all have cases", () => {
  it("every action with matrix cases has an input builder, and every builder an action", () => {
    const listed = Object.values(ACTIONS)
      .flatMap((e) => cases(e).map(([n]) => n))
      .sort();
    expect(Object.keys(ACTION_INPUTS).sort()).toEqual(listed);
  });
  it("every route method and page with matrix cases has a case, and every case an entry", () => {
    expect(Object.keys(ROUTE_CASES).sort()).toEqual(
      Object.entries(ROUTES)
        .flatMap(([f, m]) => cases(m).map(([method]) => `${f}#${method}`))
        .sort(),
    );
    expect(Object.keys(PAGE_CASES).sort()).toEqual(
      Object.entries(PAGES)
        .filter(([, e]) => e.matrix === "cases")
        .map(([f]) => f)
        .sort(),
    );
  });
});

describe("authorization matrix: server actions", () => {
  const entries = Object.entries(ACTIONS).flatMap(([file, actions]) =>
    cases(actions).map(([name, entry]) => ({ file, name, entry })),
  );

  it.each(entries)(
    "$name",
    async ({ file, name, entry }) => {
      const spec = ACTION_INPUTS[name]!;
      const mismatches: Mismatch[] = [];
      let allowed = 0;
      for (const actor of ACTORS) {
        const targets: (Target | null)[] = spec.targeted === false ? [null] : [...TARGETS];
        // what this viewer is told about ids that do not exist
        const random =
          spec.targeted === false
            ? null
            : withRandomIds(await spec.build({ w, target: "A", actor, fresh: false }), spec.ids);
        const missing = random
          ? shown(await runAction(file, name, actor, random, spec.args), random, spec.ids)
          : JSON.stringify({ ok: false, message: "Not found." });
        for (const target of targets) {
          const expected = expectedAllowed(entry, actor, target);
          const input = await spec.build({ w, target: target ?? "A", actor, fresh: expected });
          const got = await runAction(file, name, actor, input, spec.args);
          const gotText = shown(got, input, spec.ids);
          let right: boolean;
          if (!expected) right = got.ok === false && gotText === missing;
          else if (spec.allowed === "in-scope") right = gotText !== missing && !GENERIC.test(gotText);
          else right = got.ok === true;
          if (expected) allowed++;
          if (!right) mismatches.push({ actor, target, expected: expected ? "allow" : "deny", got, notFound: missing });
        }
      }
      expect(mismatches).toEqual([]);
      expect(allowed, "a matrix in which nobody is allowed proves nothing").toBeGreaterThan(0);
    },
    240_000,
  );
});

async function runEntry(spec: EntryCase, gate: EntryAccess, label: string) {
  const mismatches: Mismatch[] = [];
  let allowed = 0;
  for (const actor of ACTORS) {
    actAs(actorId(w, actor));
    const targets: (Target | null)[] = spec.targeted === false ? [null] : [...TARGETS];
    const random =
      spec.targeted === false ? null : withRandomIds(await spec.build({ w, target: "A", actor }), spec.ids);
    const missing = random ? shown(await spec.call(random), random, spec.ids) : null;
    for (const target of targets) {
      const expected = expectedAllowed(gate, actor, target);
      const input = await spec.build({ w, target: target ?? "A", actor });
      const got = await spec.call(input);
      const gotText = shown(got, input, spec.ids);
      // a route answers { status, … }; a page's data is { loaded } or "not found"
      const status = typeof got === "object" && got && "status" in got ? got.status : undefined;
      let right: boolean;
      if (missing === null) right = expected ? status === 200 : status === 404;
      else if (expected) right = gotText !== missing && got !== "not found" && (status === undefined || status === 200);
      else right = gotText === missing;
      if (expected) allowed++;
      if (!right) mismatches.push({ actor, target, expected: expected ? "allow" : "deny", got, notFound: missing });
    }
  }
  expect(mismatches, label).toEqual([]);
  expect(allowed, "a matrix in which nobody is allowed proves nothing").toBeGreaterThan(0);
}

describe("authorization matrix: route handlers", () => {
  it.each(Object.keys(ROUTE_CASES))(
    "%s",
    async (key) => {
      const [file, method] = key.split("#") as [string, keyof (typeof ROUTES)[string]];
      await runEntry(ROUTE_CASES[key]!, ROUTES[file]![method]!, key);
    },
    240_000,
  );
});

describe("authorization matrix: the data behind pages", () => {
  it.each(Object.keys(PAGE_CASES))(
    "%s",
    async (file) => {
      await runEntry(PAGE_CASES[file]!, PAGES[file]!, file);
    },
    240_000,
  );
});
