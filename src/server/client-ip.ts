import "server-only";
import type { BlockList } from "node:net";
import { isIP } from "node:net";
import { parseTrustedProxies } from "./trusted-proxies";
import { PEER_HEADER } from "./peer-address";

// Who is asking, from request headers, bounded so that no header value can break a write.
//
// Next's own server (base-server.js) fills `x-forwarded-for` with the socket address only when
// the request has none: a client that sends the header chooses what it says, so it cannot tell
// us who connected. The socket address is therefore stamped by us, under PEER_HEADER, on every
// request as Node's HTTP server receives it, overwriting anything a client sent under that name
// (peer-address.ts, installed by instrumentation.ts). `X-Forwarded-For` is believed only when
// that peer is a configured trusted proxy (TRUSTED_PROXIES), and then only from the right: the
// nearest address that is not itself a trusted proxy is the client. Without the stamp (a
// runtime where the hook cannot run) the address is unknown: null, never a guess.

export const IP_MAX = 64;
export const USER_AGENT_MAX = 300;
const FORWARDED_MAX = 4096;
const FORWARDED_HOPS = 20;

export type HeaderSource = Headers | Record<string, string | string[] | undefined> | null | undefined;

export function headerValue(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join(", ") : (v ?? null);
}

/** A valid IP address in canonical text, or null: "[::1]:80", "1.2.3.4:5", "::ffff:1.2.3.4" included. */
export function normalizeIp(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 100) return null;
  let v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(v)?.[1];
  if (bracketed !== undefined) v = bracketed;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  v = v.replace(/%[\w.-]+$/, ""); // zone index (fe80::1%eth0)
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(v)) v = v.slice(7);
  if (!isIP(v) || v.length > IP_MAX) return null;
  return v.toLowerCase();
}

let cachedList: { source: string; list: BlockList } | undefined;
/** TRUSTED_PROXIES as a set of addresses (validated at start by env.ts). */
export function trustedProxies(): BlockList {
  const source = process.env.TRUSTED_PROXIES ?? "";
  if (cachedList?.source !== source) cachedList = { source, list: parseTrustedProxies(source) };
  return cachedList.list;
}

function trusts(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

/** The address the request came from (see above), or null when it cannot be known. */
export function clientIp(headers: HeaderSource, trusted: BlockList = trustedProxies()): string | null {
  const peer = normalizeIp(headerValue(headers, PEER_HEADER));
  if (!peer || !trusts(trusted, peer)) return peer;
  const forwarded = headerValue(headers, "x-forwarded-for");
  if (!forwarded) return peer;
  // Only the right end is written by proxies we trust; what lies left of it, anyone wrote.
  const hops = forwarded.slice(-FORWARDED_MAX).split(",").slice(-FORWARDED_HOPS).reverse();
  let nearest = peer;
  for (const hop of hops) {
    const ip = normalizeIp(hop);
    if (!ip) return nearest; // garbage left of a trusted hop: stop at the last address we can vouch for
    if (!trusts(trusted, ip)) return ip;
    nearest = ip;
  }
  return nearest;
}

/** Whether the request came through a trusted proxy that says the client used https. */
export function forwardedHttps(headers: HeaderSource, trusted: BlockList = trustedProxies()): boolean {
  const peer = normalizeIp(headerValue(headers, PEER_HEADER));
  if (!peer || !trusts(trusted, peer)) return false;
  return headerValue(headers, "x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** A user agent as it may be stored: printable, at most USER_AGENT_MAX characters, or null. */
export function boundedUserAgent(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const clean = raw
    .slice(0, USER_AGENT_MAX * 2)
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim();
  return clean ? [...clean].slice(0, USER_AGENT_MAX).join("") : null;
}

/** The request's user agent, bounded (see boundedUserAgent). */
export function userAgentOf(headers: HeaderSource): string | null {
  return boundedUserAgent(headerValue(headers, "user-agent"));
}

/** A caller-supplied request id when it is a plain token of at most 64 characters, else null. */
export function requestIdOf(headers: HeaderSource): string | null {
  const raw = headerValue(headers, "x-request-id");
  return raw && /^[\w.:-]{1,64}$/.test(raw) ? raw : null;
}
