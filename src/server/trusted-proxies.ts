import { BlockList, isIP } from "node:net";

// No "server-only" marker: env.ts (read by the start script) validates TRUSTED_PROXIES with it.

/** "10.0.0.1, 10.1.0.0/16, ::1, fd00::/8" → a set to test addresses against; throws naming a bad entry. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    if (!family || extra !== undefined) throw new Error(`"${entry.slice(0, 80)}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128)))
      throw new Error(`"${entry.slice(0, 80)}" has an invalid prefix length`);
    list.addSubnet(address, bits, type);
  }
  return list;
}
