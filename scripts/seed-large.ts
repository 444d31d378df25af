// `npm run db:seed:large -- --incidents 100000`: a big, realistic organization for benchmarks:
// every type, phase and client, phase history, checklists, obligations and ~10 audit events per
// incident in one valid hash chain. Bulk SQL (unnest inserts), deterministic (seeded random).
// Needs a real PostgreSQL at DATABASE_URL and a database without this organization.
import { randomUUID } from "node:crypto";
import pg from "pg";
import nextEnv from "@next/env";
import { GENESIS_HASH, KEYED, eventHash, type ChainedFields } from "../src/domain/audit/chain";
import { auditKey } from "../src/server/audit-key";
import { newDataKey, parseMasterKeys, sealText, wrapDataKey, type MasterKey } from "../src/domain/crypto/envelope";
import { defaultChecklist } from "../src/domain/incident/checklists";
import { INCIDENT_TYPES, PHASES, SEVERITIES, type Phase, type Severity } from "../src/domain/incident/types";
import { present } from "./lib/present";
import { hash } from "@node-rs/argon2";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1 || v > 5_000_000) {
    console.error(`--${name} must be a whole number from 1 to 5,000,000`);
    process.exit(2);
  }
  return v;
};
const N = arg("incidents", 100_000);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("db:seed:large needs DATABASE_URL (a real PostgreSQL; the embedded one is too small for this).");
  process.exit(2);
}
let key: Buffer;
try {
  key = auditKey(); // the chain is keyed like the app's: the app (and audit:verify) must run with the same key
} catch (error) {
  console.error(`db:seed:large needs the app's audit key.\n${(error as Error).message}`);
  process.exit(2);
}

let seed = 20261123;
const rnd = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => present(xs[Math.floor(rnd() * xs.length)], "a choice from an empty list");
const H = 3600_000;
// how long each step of an incident takes, by severity
const STEP_HOURS: Record<Severity, number> = { CRITICAL: 4, HIGH: 12, MEDIUM: 36, LOW: 96 };

const client = new pg.Client({ connectionString: url });
await client.connect();
const t0 = Date.now();
const progress = (msg: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${msg}`);

const exists = await client.query(`SELECT 1 FROM "Organization" WHERE slug = 'bench-bpo'`);
if (exists.rowCount) {
  console.error(
    "The benchmark organization is already in this database. Use a fresh database (createdb …; npm run db:migrate).",
  );
  process.exit(1);
}

/** INSERT … SELECT * FROM unnest($1::type[], …): one round trip for thousands of rows. */
async function bulk(table: string, columns: Array<[string, string] | [string, string, string]>, rows: unknown[][]) {
  if (!rows.length) return;
  const cols = columns.map(([c]) => `"${c}"`).join(", ");
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  // a third element casts the column after unnest (array columns travel as their text form)
  const select = columns.map((c, i) => (c[2] ? `c${i}::${c[2]}` : `c${i}`)).join(", ");
  const arrays = columns.map((_, i) => rows.map((r) => r[i]));
  await client.query(
    `INSERT INTO "${table}" (${cols}) SELECT ${select} FROM unnest(${params}) AS t(${columns.map((_, i) => `c${i}`).join(", ")})`,
    arrays,
  );
}

// organization, clients, people
const orgId = randomUUID();
// No role must use a second factor here: the load generator signs in with the password alone, so
// it measures the pages rather than the sign-in's second step (a benchmark organization only).
await client.query(
  `INSERT INTO "Organization" (id, name, slug, "timeZone", "mfaRequiredRoles") VALUES ($1, 'Bench BPO Holdings', 'bench-bpo', 'America/New_York', '{}')`,
  [orgId],
);
const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Europe/Berlin",
  "Europe/London",
  "Europe/Paris",
  "Asia/Singapore",
  "Australia/Sydney",
  "Asia/Kolkata",
  "America/Toronto",
  "Europe/Madrid",
  "America/Denver",
];
const SECTORS = ["HEALTHCARE", "FINANCE", "INSURANCE", "LEGAL", "RETAIL", "TELECOM", "PUBLIC_SECTOR", "OTHER"];
const clients = ZONES.map((zone, i) => ({
  id: randomUUID(),
  name: `Bench Client ${String(i + 1).padStart(2, "0")}`,
  zone,
  sector: present(SECTORS[i % SECTORS.length], "a sector"),
  hipaa: i % 4 === 0,
  eu: zone.startsWith("Europe"),
}));
await bulk(
  "Client",
  [
    ["id", "uuid"],
    ["organizationId", "uuid"],
    ["name", "text"],
    ["sector", '"Sector"'],
    ["timeZone", "text"],
    ["country", "text"],
    ["hipaaCoveredEntity", "bool"],
    ["updatedAt", "timestamp"],
  ],
  clients.map((c) => [c.id, orgId, c.name, c.sector, c.zone, c.eu ? "DE" : "US", c.hipaa, new Date()]),
);
const passwordHash = await hash("warden-bench-2026", { memoryCost: 19456, timeCost: 2, parallelism: 1 });
const users: Array<{ id: string; role: string; name: string; clientId: string | null }> = [];
const person = (role: string, i: number, clientId: string | null = null) =>
  users.push({ id: randomUUID(), role, name: `Bench ${role.toLowerCase()} ${i}`, clientId });
for (let i = 1; i <= 2; i++) person("ADMIN", i);
for (let i = 1; i <= 6; i++) person("MANAGER", i);
for (let i = 1; i <= 40; i++) person("ANALYST", i);
clients.forEach((c, i) => person("CLIENT_CONTACT", i + 1, c.id));
await bulk(
  "User",
  [
    ["id", "uuid"],
    ["organizationId", "uuid"],
    ["email", "text"],
    ["name", "text"],
    ["passwordHash", "text"],
    ["role", '"Role"'],
    ["clientId", "uuid"],
    ["updatedAt", "timestamp"],
  ],
  users.map((u) => [
    u.id,
    orgId,
    `${u.name.replaceAll(" ", ".").toLowerCase()}@bench.test`,
    u.name,
    passwordHash,
    u.role,
    u.clientId,
    new Date(),
  ]),
);
const analysts = users.filter((u) => u.role === "ANALYST");
const assignments: unknown[][] = [];
// analyst i looks after three clients, four apart
const assignedClient = (i: number, k: number) => present(clients[(i + k * 4) % clients.length], "a client").id;
analysts.forEach((a, i) => [0, 1, 2].forEach((k) => assignments.push([a.id, assignedClient(i, k)])));
await bulk(
  "ClientAssignment",
  [
    ["userId", "uuid"],
    ["clientId", "uuid"],
  ],
  assignments,
);
const analystsOf = new Map(
  clients.map((c) => [c.id, analysts.filter((_, i) => [0, 1, 2].some((k) => assignedClient(i, k) === c.id))]),
);
progress(`organization with ${clients.length} clients and ${users.length} people`);

// incidents and everything about them, in batches; the audit chain carried across batches
let seq = 0;
let prevHash = GENESIS_HASH;
const now = Date.now();
// Descriptions are sealed like the app's (one data key per incident under the active master key),
// so the benchmark reads what production reads.
let master: MasterKey;
try {
  master = parseMasterKeys(process.env.WARDEN_MASTER_KEYS ?? "").active;
} catch (error) {
  console.error(`db:seed:large needs the app's WARDEN_MASTER_KEYS: ${(error as Error).message}`);
  process.exit(2);
}

const BATCH = 2000;
const yearCounters = new Map<number, number>();
const audit: unknown[][] = [];
const flushAudit = async () => {
  await bulk(
    "AuditEvent",
    [
      ["id", "uuid"],
      ["organizationId", "uuid"],
      ["seq", "int"],
      ["at", "timestamp"],
      ["actorId", "uuid"],
      ["actorLabel", "text"],
      ["action", "text"],
      ["entityType", "text"],
      ["entityId", "text"],
      ["incidentId", "uuid"],
      ["changes", "jsonb"],
      ["prevHash", "text"],
      ["hash", "text"],
      ["hashVersion", "int2"],
    ],
    audit,
  );
  audit.length = 0;
};
const event = (
  at: Date,
  actor: { id: string; name: string },
  action: string,
  entityType: string,
  entityId: string,
  incidentId: string,
  changes: unknown,
) => {
  seq += 1;
  const fields: ChainedFields = {
    organizationId: orgId,
    seq,
    at,
    actorId: actor.id,
    actorLabel: actor.name,
    action,
    entityType,
    entityId,
    incidentId,
    changes,
    requestId: null,
    ip: null,
  };
  const h = eventHash(prevHash, fields, key);
  audit.push([
    randomUUID(),
    orgId,
    seq,
    at,
    actor.id,
    actor.name,
    action,
    entityType,
    entityId,
    incidentId,
    JSON.stringify(changes),
    prevHash,
    h,
    KEYED,
  ]);
  prevHash = h;
};

for (let start = 0; start < N; start += BATCH) {
  const incidents: unknown[][] = [],
    phaseEvents: unknown[][] = [],
    checklist: unknown[][] = [],
    obligations: unknown[][] = [],
    keys: unknown[][] = [];
  const size = Math.min(BATCH, N - start);
  // incidents are generated oldest first so the audit chain runs forward in time
  for (let k = 0; k < size; k++) {
    const i = start + k;
    const id = randomUUID();
    const c = pick(clients);
    const theirs = analystsOf.get(c.id) ?? [];
    const owner = pick(theirs.length ? theirs : analysts);
    const type = pick(INCIDENT_TYPES);
    const sevRoll = rnd();
    const severity: Severity = sevRoll < 0.35 ? "LOW" : sevRoll < 0.7 ? "MEDIUM" : sevRoll < 0.92 ? "HIGH" : "CRITICAL";
    const aware = new Date(now - (1 - i / N) * 730 * 24 * H - rnd() * 6 * H);
    const age = (now - aware.getTime()) / (24 * H);
    const reach = age > 60 ? 6 : age > 20 ? 3 + Math.floor(rnd() * 4) : Math.floor(rnd() * 5);
    const phase: Phase = rnd() < 0.03 && reach > 0 ? "CLOSED" : present(PHASES[reach], `phase ${reach}`);
    const falsePositive = phase === "CLOSED" && reach === 0;
    const year = aware.getUTCFullYear();
    const number = (yearCounters.get(year) ?? 0) + 1;
    yearCounters.set(year, number);
    const detected = new Date(aware.getTime() - rnd() * 4 * H);
    const occurred = rnd() < 0.8 ? new Date(detected.getTime() - rnd() * 72 * H) : null;
    // phase entry times: each step takes hours to days depending on severity
    const stepH = STEP_HOURS[severity];
    const entered: Date[] = [aware];
    const phaseIdx = PHASES.indexOf(phase);
    for (let p = 1, last = aware; p <= phaseIdx; p++) {
      last = new Date(Math.min(now - H, last.getTime() + (0.3 + rnd()) * stepH * H));
      entered.push(last);
    }
    const at = (p: number) => present(entered[Math.min(p, entered.length - 1)], `the time phase ${p} began`);
    const ownerActor = { id: owner.id, name: owner.name };
    const dataKeyId = randomUUID();
    const dataKey = newDataKey();
    keys.push([dataKeyId, id, orgId, master.id, wrapDataKey(master.key, master.id, id, dataKey), aware]);
    const categories =
      type === "NATURAL_DISASTER" || type === "SYSTEM_FAILURE"
        ? ["OPERATIONAL_ONLY"]
        : c.hipaa
          ? ["PERSONAL", "HEALTH"]
          : ["PERSONAL"];
    incidents.push([
      id,
      orgId,
      c.id,
      `INC-${year}-${String(number).padStart(4, "0")}`,
      `${type.replaceAll("_", " ").toLowerCase()} at ${c.name} #${i + 1}`,
      sealText(
        dataKey,
        dataKeyId,
        "incident.summary",
        `Benchmark incident ${i + 1}: ${type.toLowerCase()} affecting ${c.name}.`,
      ),
      type,
      severity,
      SEVERITIES.indexOf(severity) + 1,
      phase,
      phase === "CLOSED" ? (falsePositive ? "FALSE_POSITIVE" : "RESOLVED") : null,
      owner.id,
      owner.id,
      occurred,
      detected,
      aware,
      at(phaseIdx),
      phaseIdx >= 1 && !falsePositive ? at(1) : null,
      phaseIdx >= 2 ? at(2) : null,
      phaseIdx >= 3 ? at(3) : null,
      phaseIdx >= 4 ? at(4) : null,
      phaseIdx >= 5 ? at(5) : null,
      phase === "CLOSED" ? at(phaseIdx) : null,
      `{${categories.join(",")}}`,
      Math.floor(rnd() * 5000),
      Math.floor(rnd() * 20000),
      c.eu ? "{DE}" : "{US-IL}",
      phaseIdx + 1,
      at(phaseIdx),
      owner.id,
      aware,
    ]);
    event(aware, ownerActor, "incident.create", "Incident", id, id, { type, severity, clientId: c.id });
    phaseEvents.push([randomUUID(), id, "OPEN", null, "IDENTIFY", null, severity, null, owner.id, aware]);
    const items = defaultChecklist(type);
    items.forEach((item, pos) => {
      const done = PHASES.indexOf(item.phase) < phaseIdx && !falsePositive;
      const doneAt = done ? new Date(at(PHASES.indexOf(item.phase)).getTime() + rnd() * stepH * 0.3 * H) : null;
      checklist.push([
        randomUUID(),
        id,
        item.phase,
        item.key,
        item.label,
        item.required,
        pos,
        doneAt,
        done ? owner.id : null,
      ]);
      if (doneAt && item.required)
        event(doneAt, ownerActor, "checklist.check", "ChecklistItem", id, id, { item: item.label, phase: item.phase });
    });
    for (let p = 1; p <= phaseIdx; p++) {
      const kind = falsePositive ? "CLOSE_FALSE_POSITIVE" : "ADVANCE";
      phaseEvents.push([
        randomUUID(),
        id,
        kind,
        PHASES[p - 1],
        PHASES[p],
        null,
        null,
        falsePositive ? "Not an incident" : null,
        owner.id,
        at(p),
      ]);
      event(at(p), ownerActor, `incident.${kind.toLowerCase()}`, "Incident", id, id, {
        phase: { before: PHASES[p - 1], after: PHASES[p] },
      });
      if (falsePositive) break;
    }
    // the contract notice, and GDPR/HIPAA where they apply
    const owed: Array<[string, string, string, number]> = [
      ["contract", "Contract", "Client contract notice clause", 24],
    ];
    if (c.eu && categories[0] !== "OPERATIONAL_ONLY") owed.push(["gdpr-33-2", "GDPR", "GDPR Art. 33(2)", 24]);
    if (c.hipaa) owed.push(["hipaa-410", "HIPAA", "45 CFR 164.410", 60 * 24]);
    for (const [ruleId, regime, citation, hours] of owed) {
      const due = new Date(aware.getTime() + hours * H);
      const settled = phaseIdx >= 5 || rnd() < 0.6;
      // most notices go out in time; about one in ten is late
      const delivered = settled
        ? new Date(aware.getTime() + hours * H * (rnd() < 0.9 ? rnd() * 0.9 : 1 + rnd()))
        : null;
      obligations.push([
        randomUUID(),
        id,
        ruleId,
        regime,
        citation,
        `${regime} notice`,
        "BPO",
        "The client",
        "APPLIES",
        true,
        aware,
        due,
        `${hours} h from awareness`,
        "Applies.",
        settled ? (rnd() < 0.5 ? "ACKNOWLEDGED" : "FILED") : "PENDING",
        delivered,
        aware,
      ]);
    }
    event(aware, ownerActor, "obligations.recompute", "Incident", id, id, {
      cause: "incident logged",
      added: owed.length,
    });
  }
  await bulk(
    "Incident",
    [
      ["id", "uuid"],
      ["organizationId", "uuid"],
      ["clientId", "uuid"],
      ["reference", "text"],
      ["title", "text"],
      ["summary", "text"],
      ["type", '"IncidentType"'],
      ["severity", '"Severity"'],
      ["severityRank", "smallint"],
      ["phase", '"Phase"'],
      ["resolution", '"Resolution"'],
      ["reporterId", "uuid"],
      ["ownerId", "uuid"],
      ["occurredAt", "timestamp"],
      ["detectedAt", "timestamp"],
      ["awareAt", "timestamp"],
      ["phaseEnteredAt", "timestamp"],
      ["containStartedAt", "timestamp"],
      ["investigateStartedAt", "timestamp"],
      ["resolveStartedAt", "timestamp"],
      ["reportStartedAt", "timestamp"],
      ["postMortemStartedAt", "timestamp"],
      ["closedAt", "timestamp"],
      ["dataCategories", "text", '"DataCategory"[]'],
      ["dataSubjectsCount", "int"],
      ["recordsCount", "int"],
      ["jurisdictions", "text", "text[]"],
      ["version", "int"],
      ["updatedAt", "timestamp"],
      ["updatedById", "uuid"],
      ["createdAt", "timestamp"],
    ],
    incidents,
  );
  await bulk(
    "IncidentKey",
    [
      ["id", "text"],
      ["incidentId", "uuid"],
      ["organizationId", "uuid"],
      ["masterKeyId", "text"],
      ["wrapped", "bytea"],
      ["createdAt", "timestamp"],
    ],
    keys,
  );
  await bulk(
    "PhaseEvent",
    [
      ["id", "uuid"],
      ["incidentId", "uuid"],
      ["kind", '"PhaseEventKind"'],
      ["fromPhase", '"Phase"'],
      ["toPhase", '"Phase"'],
      ["fromSeverity", '"Severity"'],
      ["toSeverity", '"Severity"'],
      ["reason", "text"],
      ["actorId", "uuid"],
      ["at", "timestamp"],
    ],
    phaseEvents,
  );
  await bulk(
    "ChecklistItem",
    [
      ["id", "uuid"],
      ["incidentId", "uuid"],
      ["phase", '"Phase"'],
      ["key", "text"],
      ["label", "text"],
      ["required", "bool"],
      ["position", "int"],
      ["doneAt", "timestamp"],
      ["doneById", "uuid"],
    ],
    checklist,
  );
  await bulk(
    "Obligation",
    [
      ["id", "uuid"],
      ["incidentId", "uuid"],
      ["ruleId", "text"],
      ["regime", "text"],
      ["citation", "text"],
      ["title", "text"],
      ["party", "text"],
      ["recipient", "text"],
      ["applicability", '"Applicability"'],
      ["active", "bool"],
      ["startsAt", "timestamp"],
      ["dueAt", "timestamp"],
      ["basis", "text"],
      ["explanation", "text"],
      ["status", '"ObligationStatus"'],
      ["deliveredAt", "timestamp"],
      ["updatedAt", "timestamp"],
    ],
    obligations,
  );
  await flushAudit();
  if ((start / BATCH) % 5 === 4 || start + BATCH >= N)
    progress(
      `${Math.min(start + BATCH, N).toLocaleString("en-US")} / ${N.toLocaleString("en-US")} incidents, ${seq.toLocaleString("en-US")} audit events`,
    );
}
// the whole runs of the chain sealed, as the app's sealer does after chaining (audit-sealer.ts)
const { sealDue } = await import("../src/server/audit-sealer");
const { db } = await import("../src/server/db");
const seals = await sealDue(orgId, key);
await db().$disconnect();
progress(`${seals.toLocaleString("en-US")} seals over the audit chain`);
await client.query("ANALYZE");
progress(
  `done: ${N.toLocaleString("en-US")} incidents, ${seq.toLocaleString("en-US")} audit events (chain verifies with npm run audit:verify). Sign in as bench.manager.1@bench.test / warden-bench-2026`,
);
await client.end();
