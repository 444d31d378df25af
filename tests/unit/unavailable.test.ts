import { afterAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { isUnavailable, pageErrorOf, UNAVAILABLE_MESSAGE } from "@/server/unavailable";
import { UNAVAILABLE_DIGEST } from "@/lib/unavailable-digest";
import { isBusy } from "@/server/busy";
import { attempt } from "@/server/services/result";
import { withApiErrors } from "@/server/api-handler";

// A port where nothing listens: the errors below are the real ones a stopped database gives.
const NOWHERE = "postgresql://postgres@127.0.0.1:1/warden";
const prisma = new PrismaClient({
  adapter: new PrismaPg(new pg.Pool({ connectionString: NOWHERE, connectionTimeoutMillis: 2_000 })),
});
afterAll(() => prisma.$disconnect());

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("a database that cannot be reached", () => {
  it("is recognised from Prisma's, node-postgres's and PostgreSQL's own errors", async () => {
    const viaPrisma = await caught(() => prisma.$transaction(async (tx) => tx.$executeRaw`SELECT 1`));
    const viaPg = await caught(async () => {
      const client = new pg.Client({ connectionString: NOWHERE });
      await client.connect();
    });
    expect(isUnavailable(viaPrisma)).toBe(true);
    expect(isUnavailable(viaPg)).toBe(true);
    // a restart ending a session (57P01), a server still starting (57P03), a cut connection
    expect(
      isUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })),
    ).toBe(true);
    expect(isUnavailable(new Error("x", { cause: { kind: "postgres", originalCode: "57P03" } }))).toBe(true);
    expect(isUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    // and nothing else is: a refused value, a busy database, a bug
    expect(isUnavailable(Object.assign(new Error("duplicate key value"), { code: "23505" }))).toBe(false);
    expect(isUnavailable(Object.assign(new Error("canceling statement due to lock timeout"), { code: "55P03" }))).toBe(
      false,
    );
    expect(isUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isBusy(viaPrisma)).toBe(false);
  });

  it("is a service's UNAVAILABLE answer, not a thrown error", async () => {
    const r = await attempt(() => prisma.$transaction(async (tx) => tx.$executeRaw`SELECT 1`));
    expect(r).toEqual({ ok: false, code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE });
  });

  it("is an API's 503 with Retry-After and the message, not a 500", async () => {
    const warn = vi.spyOn(console, "error").mockImplementation(() => {});
    const GET = withApiErrors("/api/test GET", async () => {
      await prisma.$queryRaw`SELECT 1`;
      return new Response("ok");
    });
    const res = await GET();
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    expect((await res.json()).error).toMatchObject({ code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE });
    expect(JSON.parse(String(warn.mock.calls[0]?.[0]))).toMatchObject({ level: "warn", event: "api.unavailable" });
    warn.mockRestore();
  });

  it("is a page error whose digest the error page recognises; any other error is left as it is", async () => {
    const away = await caught(() => prisma.$queryRaw`SELECT 1`);
    expect(pageErrorOf(away)).toMatchObject({ digest: UNAVAILABLE_DIGEST, cause: away });
    const bug = new TypeError("Cannot read properties of undefined");
    expect(pageErrorOf(bug)).toBe(bug);
  });
});
