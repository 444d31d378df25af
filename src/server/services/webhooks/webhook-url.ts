import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import { ADDRESS_WORDS, classifyAddress } from "@/domain/webhooks/address-class";

// Where a webhook may go. Checked when a subscription is saved and again on every delivery,
// where the connection is made to exactly the address that passed (see pinnedLookup): a host
// name that resolved to a public address at save time and to 127.0.0.1 later is refused then.

export type Resolver = (host: string) => Promise<LookupAddress[]>;
export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export type UrlVerdict = { ok: true; url: URL } | { ok: false; message: string };

const PRIVATE_HINT = "only an administrator can allow private addresses";

/** The URL parsed, or why it cannot be one a webhook goes to (before any look-up). */
export function parseWebhookUrl(raw: string): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "Enter a full URL, starting with https:// or http://." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return {
      ok: false,
      message: `Only http and https URLs can receive webhooks (this one is ${url.protocol.replace(":", "")}).`,
    };
  if (url.username || url.password)
    return {
      ok: false,
      message: "Leave the user name and password out of the URL: the signature tells the receiver it is Warden.",
    };
  if (!url.hostname) return { ok: false, message: "The URL names no host." };
  return { ok: true, url };
}

/** Whether the addresses a host stands for may be reached; the first allowed one is used. */
export function judgeAddresses(
  addresses: readonly string[],
  allowPrivate: boolean,
): { ok: true; address: string } | { ok: false; message: string } {
  if (!addresses.length) return { ok: false, message: "The host name does not resolve to any address." };
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind === null) return { ok: false, message: "The host name resolves to something that is not an IP address." };
    // every address must pass: a name resolving to a public and a private address is refused
    if (kind !== "public" && !allowPrivate)
      return { ok: false, message: `The URL points at ${ADDRESS_WORDS[kind]} (${address}); ${PRIVATE_HINT}.` };
  }
  const [first = ""] = addresses;
  return { ok: true, address: first };
}

async function addressesOf(hostname: string, resolve: Resolver): Promise<string[]> {
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  if (classifyAddress(bare) !== null) return [bare];
  try {
    return (await resolve(bare)).map((a) => a.address);
  } catch {
    return [];
  }
}

/** The full check of a webhook URL: its form, then every address its host resolves to. */
export async function checkWebhookUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<UrlVerdict> {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) return parsed;
  const verdict = judgeAddresses(await addressesOf(parsed.url.hostname, resolve), allowPrivate);
  return verdict.ok ? parsed : verdict;
}

/**
 * A `lookup` for node:http that resolves the host, judges every address and connects to the
 * one that passed, so the check and the connection see the same address (no DNS rebinding).
 */
export function pinnedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver) {
  return (
    hostname: string,
    options: unknown,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    void addressesOf(hostname, resolve).then((addresses) => {
      const verdict = judgeAddresses(addresses, allowPrivate);
      if (!verdict.ok) {
        callback(Object.assign(new Error(verdict.message), { code: "EWEBHOOKADDRESS" }), "", 4);
        return;
      }
      const family = verdict.address.includes(":") ? 6 : 4;
      if ((options as { all?: boolean } | null)?.all) callback(null, [{ address: verdict.address, family }]);
      else callback(null, verdict.address, family);
    });
  };
}
