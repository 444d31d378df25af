import { isIP } from "node:net";

// Which addresses a webhook may not reach unless an administrator allows private ones: the
// host's own (loopback), the organization's networks (RFC 1918, unique-local, carrier-grade
// NAT), link-local (which holds cloud metadata at 169.254.169.254), multicast, "this network"
// and other reserved ranges, in IPv4 and in each IPv6 form that carries an IPv4 address.

export type AddressClass =
  "loopback" | "private" | "link-local" | "multicast" | "unique-local" | "unspecified" | "reserved" | "public";

export const ADDRESS_WORDS: Readonly<Record<Exclude<AddressClass, "public">, string>> = {
  loopback: "a loopback address",
  private: "a private network address",
  "link-local": "a link-local address",
  multicast: "a multicast address",
  "unique-local": "a unique-local IPv6 address",
  unspecified: "an unspecified address (0.0.0.0 or ::)",
  reserved: "a reserved address",
};

function ipv4Parts(ip: string): [number, number, number, number] {
  const [a = 0, b = 0, c = 0, d = 0] = ip.split(".").map(Number);
  return [a, b, c, d];
}

function classifyV4(ip: string): AddressClass {
  const [a, b, c] = ipv4Parts(ip);
  if (a === 127) return "loopback";
  if (a === 0) return "unspecified";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private"; // carrier-grade NAT (RFC 6598)
  if (a === 169 && b === 254) return "link-local";
  if (a >= 224 && a <= 239) return "multicast";
  if (a >= 240) return "reserved"; // incl. 255.255.255.255
  if (a === 192 && b === 0 && c === 0) return "reserved"; // IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return "reserved"; // benchmarking
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113))
    return "reserved"; // documentation
  return "public";
}

/** The eight 16-bit groups of an IPv6 address (valid per isIP), with an embedded IPv4 tail expanded. */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase().split("%")[0] ?? "";
  const tail4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail4) {
    const [a, b, c, d] = ipv4Parts(tail4);
    text = text.slice(0, -tail4.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const cut = text.indexOf("::");
  const [head, tail] = cut >= 0 ? [text.slice(0, cut), text.slice(cut + 2)] : [text, null];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = tail === null ? [] : Array(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

function classifyV6(ip: string): AddressClass {
  const groups = ipv6Groups(ip);
  const g = (i: number) => groups[i] ?? 0;
  const zeros = (n: number) => groups.slice(0, n).every((x) => x === 0);
  const v4of = (i: number) => `${g(i) >> 8}.${g(i) & 255}.${g(i + 1) >> 8}.${g(i + 1) & 255}`;
  if (zeros(8)) return "unspecified";
  if (zeros(7) && g(7) === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d): the IPv4 inside decides
  if (zeros(5) && g(5) === 0xffff) return classifyV4(v4of(6));
  if (zeros(6)) return classifyV4(v4of(6));
  if (g(0) === 0x64 && g(1) === 0xff9b && groups.slice(2, 6).every((x) => x === 0)) return classifyV4(v4of(6));
  if (g(0) === 0x2002) return classifyV4(v4of(1)); // 6to4 carries its IPv4 in groups 1-2
  if ((g(0) & 0xfe00) === 0xfc00) return "unique-local"; // fc00::/7
  if ((g(0) & 0xffc0) === 0xfe80) return "link-local"; // fe80::/10
  if ((g(0) & 0xffc0) === 0xfec0) return "private"; // deprecated site-local fec0::/10
  if ((g(0) & 0xff00) === 0xff00) return "multicast";
  if (g(0) === 0x2001 && g(1) === 0x0db8) return "reserved"; // documentation
  if (g(0) === 0x0100 && groups.slice(1, 4).every((x) => x === 0)) return "reserved"; // discard 100::/64
  return "public";
}

/** The class of an IP address literal; null when it is not one. */
export function classifyAddress(ip: string): AddressClass | null {
  const bare = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  const kind = isIP(bare.split("%")[0] ?? "");
  if (kind === 4) return classifyV4(bare);
  if (kind === 6) return classifyV6(bare);
  return null;
}
