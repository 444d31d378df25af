// The demo organization that `npm start` creates on an empty embedded database.
// Every demo account shares one password; the start script prints them.

export const DEMO_PASSWORD = "warden-demo-2026";

export const DEMO_ORGANIZATION = {
  slug: "northwind-bpo",
  name: "Northwind BPO Services",
  timeZone: "America/New_York",
};

export const DEMO_CLIENTS = [
  {
    key: "health",
    name: "Mercy Regional Health",
    sector: "HEALTHCARE",
    timeZone: "America/Chicago",
    country: "US",
    noticeHours: 24,
    noticeBusinessHoursOnly: false,
    contractReference: "MSA-2024-017 §9.2",
    noticeEmail: "privacy@mercy-health.example",
    hipaaCoveredEntity: true,
    handlesCardData: true,
  },
  {
    key: "bank",
    name: "Rheinland Direktbank AG",
    sector: "FINANCE",
    timeZone: "Europe/Berlin",
    country: "DE",
    noticeHours: 12,
    noticeBusinessHoursOnly: false,
    contractReference: "DPA-RDB-2025 Art. 7",
    noticeEmail: "dpo@rheinland-direktbank.example",
    doraFinancialEntity: true,
    nis2Entity: true,
    handlesCardData: true,
  },
  {
    key: "law",
    name: "Harbour & Lane LLP",
    sector: "LEGAL",
    timeZone: "Europe/London",
    country: "GB",
    noticeHours: 48,
    noticeBusinessHoursOnly: true,
    contractReference: "Services Agreement cl. 14.3",
    noticeEmail: "risk@harbourlane.example",
  },
] as const;

export type DemoClientKey = (typeof DEMO_CLIENTS)[number]["key"];

export const DEMO_USERS: ReadonlyArray<{
  email: string;
  name: string;
  role: "ADMIN" | "MANAGER" | "ANALYST" | "CLIENT_CONTACT";
  clients: readonly DemoClientKey[];
}> = [
  { email: "admin@warden.test", name: "Ada Okafor", role: "ADMIN", clients: [] },
  { email: "manager@warden.test", name: "Morgan Reyes", role: "MANAGER", clients: [] },
  { email: "analyst@warden.test", name: "Priya Natarajan", role: "ANALYST", clients: ["health", "bank"] },
  { email: "analyst2@warden.test", name: "Tomás Lindqvist", role: "ANALYST", clients: ["law"] },
  { email: "contact@mercy-health.test", name: "Dana Whitfield", role: "CLIENT_CONTACT", clients: ["health"] },
  { email: "contact@rheinland-direktbank.test", name: "Jonas Becker", role: "CLIENT_CONTACT", clients: ["bank"] },
  { email: "contact@harbourlane.test", name: "Eleanor Marsh", role: "CLIENT_CONTACT", clients: ["law"] },
];

/** A demo account's address in a copy of the demo organization tagged `tag` (seed-demo.ts). */
export function demoCopyEmail(email: string, tag: string): string {
  const at = email.indexOf("@");
  return `${email.slice(0, at)}.${tag}${email.slice(at)}`;
}
