import { describe, expect, it } from "vitest";
import { checkWebhookUrl, pinnedLookup, type Resolver } from "@/server/services/webhooks/webhook-url";

const resolving =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("checkWebhookUrl", () => {
  const cases: Array<[string, Resolver, boolean, string | null]> = [
    ["https://hooks.example.com/in", resolving("93.184.216.34"), false, null],
    [
      "https://hooks.example.com/in",
      resolving("93.184.216.34", "10.0.0.5"),
      false,
      "a private network address (10.0.0.5)",
    ],
    ["https://hooks.example.com/in", resolving("2606:4700::1", "fe80::1"), false, "a link-local address (fe80::1)"],
    ["http://intranet.example/in", resolving("192.168.1.20"), true, null],
    ["http://127.0.0.1:8080/", resolving(), false, "a loopback address (127.0.0.1)"],
    ["http://[::ffff:127.0.0.1]/", resolving(), false, "a loopback address (::ffff:7f00:1)"], // the URL parser writes it so
    ["http://127.0.0.1:8080/", resolving(), true, null],
    ["https://nowhere.example/", resolving(), false, "does not resolve"],
    ["gopher://example.com/", resolving("93.184.216.34"), false, "Only http and https"],
  ];
  it.each(cases)("%s (%#)", async (url, resolve, allowPrivate, refusal) => {
    const verdict = await checkWebhookUrl(url, allowPrivate, resolve);
    if (refusal === null) expect(verdict.ok).toBe(true);
    else {
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.message).toContain(refusal);
    }
  });

  it("says who may allow private addresses", async () => {
    const verdict = await checkWebhookUrl("http://127.0.0.1/", false, resolving());
    expect(verdict).toEqual({
      ok: false,
      message: "The URL points at a loopback address (127.0.0.1); only an administrator can allow private addresses.",
    });
  });
});

describe("pinnedLookup (the connection's own look-up)", () => {
  const look = (allowPrivate: boolean, resolve: Resolver, all = false) =>
    new Promise<{ error: Error | null; address: unknown }>((done) =>
      pinnedLookup(allowPrivate, resolve)("host.example", { all }, (error, address) => done({ error, address })),
    );

  it("connects to the address that passed", async () => {
    expect(await look(false, resolving("93.184.216.34"))).toEqual({ error: null, address: "93.184.216.34" });
    expect(await look(false, resolving("93.184.216.34"), true)).toEqual({
      error: null,
      address: [{ address: "93.184.216.34", family: 4 }],
    });
  });

  it("refuses a name that now resolves to loopback (DNS rebinding)", async () => {
    const { error } = await look(false, resolving("127.0.0.1"));
    expect(error?.message).toMatch(/loopback address/);
  });
});
