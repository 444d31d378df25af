import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { authOptions } from "@/server/auth";
import { db } from "@/server/db";
import { PEER_HEADER } from "@/server/peer-address";
import { FIXTURE_PASSWORD, makeTenant } from "../support/tenant-fixture";

// Sign-in through the credentials provider's authorize, as next-auth calls it with the request's
// headers: whatever X-Forwarded-For says, a wrong password and an unknown email get the same
// answer (null: next-auth's generic failure), and nothing thrown could carry a database message
// to the browser (next-auth puts a thrown error's message in the redirect).

const PROXY = "10.0.0.1";

function authorize(email: string, password: string, headers: Record<string, string>) {
  const provider = authOptions().providers[0] as unknown as { options: CredentialsConfig };
  return provider.options.authorize({ email, password }, { headers } as never);
}

const FORWARDED: Array<[string, string]> = [
  ["200 digits", "1".repeat(200)],
  ["200 characters of an address-like run", `2001:db8:${"a".repeat(190)}`],
  ["garbage", 'not an address; DROP TABLE "User"; <script>, \u00ff\u0007'],
  ["10 kB", "x".repeat(10 * 1024)],
  ["10 kB of hops", Array.from({ length: 700 }, (_, i) => `198.51.100.${i % 250}`).join(", ")],
  ["a forged client left of the proxy", `203.0.113.66, ${PROXY}`],
  ["a port, a zone and a bracketed v6", "[fe80::1%eth0]:443, 1.2.3.4:99999"],
];

describe("sign-in behind a proxy, whatever X-Forwarded-For says", () => {
  beforeEach(() => vi.stubEnv("TRUSTED_PROXIES", PROXY));
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it.each(FORWARDED)(
    "%s: a wrong password and an unknown email answer alike, the right password still signs in",
    async (_label, forwarded) => {
      const t = await makeTenant();
      const headers = { [PEER_HEADER]: PROXY, "x-forwarded-for": forwarded, "user-agent": "u".repeat(2000) };
      const wrong = await authorize(t.analyst.email, "not the password", headers);
      const unknown = await authorize(`nobody-${t.org.id}@fixture.test`, "not the password", headers);
      expect(wrong).toBeNull();
      expect(unknown).toBeNull();
      // the failure was counted and audited, with an address that is one or none
      const failed = await db().auditEvent.findFirstOrThrow({
        where: { entityId: t.analyst.id, action: "auth.sign_in_failed" },
      });
      expect(failed.ip === null || /^[0-9a-f.:]{2,64}$/.test(failed.ip)).toBe(true);
      const signedIn = await authorize(t.analyst.email, FIXTURE_PASSWORD, headers);
      expect(signedIn).toMatchObject({ id: t.analyst.id, email: t.analyst.email });
    },
  );

  it("a forged peer header (as a client could send without the server's stamp) is no address either", async () => {
    const t = await makeTenant();
    const headers = { [PEER_HEADER]: "p".repeat(200), "x-forwarded-for": "1".repeat(200) };
    expect(await authorize(t.manager.email, "wrong", headers)).toBeNull();
    expect(await authorize(`nobody-${t.org.id}@fixture.test`, "wrong", headers)).toBeNull();
    const failed = await db().auditEvent.findFirstOrThrow({
      where: { entityId: t.manager.id, action: "auth.sign_in_failed" },
    });
    expect(failed.ip).toBeNull();
  });

  it("a database failure mid sign-in answers like any refusal, for known and unknown emails, and says nothing of the database", async () => {
    const t = await makeTenant();
    const { Prisma } = await import("@/generated/prisma/client");
    const boom = new Prisma.PrismaClientKnownRequestError(
      "The provided value for the column is too long for the column's type. Column: ip",
      { code: "P2000", clientVersion: "6" },
    );
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(db(), "$transaction").mockRejectedValue(boom);
    const headers = { [PEER_HEADER]: PROXY, "x-forwarded-for": "1".repeat(200) };
    await expect(authorize(t.analyst.email, "wrong", headers)).resolves.toBeNull();
    await expect(authorize(t.analyst.email, FIXTURE_PASSWORD, headers)).resolves.toBeNull();
    await expect(authorize(`nobody-${t.org.id}@fixture.test`, "wrong", headers)).resolves.toBeNull();
    // logged for the operator (class and message, no email), never handed to next-auth
    expect(error).toHaveBeenCalledTimes(3);
    const line = JSON.parse(String(error.mock.calls[0]![0]));
    expect(line).toMatchObject({
      level: "error",
      event: "auth.sign_in_failed_unexpectedly",
      errorName: "PrismaClientKnownRequestError",
    });
    expect(JSON.stringify(line)).not.toContain(t.analyst.email);
  });
});
