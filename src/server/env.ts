import { z } from "zod";
import { parseTrustedProxies } from "./trusted-proxies";
import { parseMasterKeys } from "../domain/crypto/envelope";
import { AUDIT_KEY_HINT, decodeAuditKey } from "../domain/audit/audit-key";

// No "server-only" marker here: the start script and instrumentation import it too.
// Validated once, on first use (the server's instrumentation hook touches it at start, so a
// bad value stops the server before it takes a request). Errors name the variable.
const databaseSchema = z.object({
  DATABASE_URL: z
    .string({ error: "is required (a postgresql:// URL)" })
    .refine((v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v), "must be a postgresql:// URL"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Bounded waits (README, Configuration): past them a write answers "busy, try again".
  DATABASE_TX_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  DATABASE_TX_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).default(10_000),
});

// Keys the audit chain's hashes (HMAC): kept outside the database, required to write or verify.
const auditKeySchema = z.object({
  WARDEN_AUDIT_KEY: z
    .string({ error: `is required (${AUDIT_KEY_HINT}), kept outside the database` })
    .refine((v) => decodeAuditKey(v) !== null, `must be ${AUDIT_KEY_HINT}`),
});

// Wrap the incidents' data keys (envelope encryption): kept outside the database, required to
// read or write any incident's text.
const masterKeysSchema = z.object({
  WARDEN_MASTER_KEYS: z
    .string({
      error:
        "is required: id:key pairs, comma-separated, first one active (e.g. k1:$(openssl rand -base64 32)); npm start makes one in .data when it runs the embedded database",
    })
    .superRefine((v, issue) => {
      try {
        parseMasterKeys(v);
      } catch (error) {
        issue.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
});

const schema = databaseSchema
  .extend(auditKeySchema.shape)
  .extend(masterKeysSchema.shape)
  .extend({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXTAUTH_SECRET: z
      .string({ error: "is required (32 or more random characters; `openssl rand -base64 32`)" })
      .min(32, "must be at least 32 characters"),
    NEXTAUTH_URL: z.url("must be an absolute URL such as http://localhost:3000").optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\//.test(v) && URL.canParse(v), "must be an smtp:// or smtps:// URL")
      .optional(),
    SMTP_REQUIRE_TLS: z
      .enum(["0", "1", "true", "false"], "must be 1 (refuse to send unless the server upgrades to TLS) or 0")
      .transform((v) => v === "1" || v === "true")
      .default(false),
    MAIL_FROM: z.string().max(320).optional(),
    TRUSTED_PROXIES: z
      .string()
      .refine((v) => {
        try {
          parseTrustedProxies(v);
          return true;
        } catch {
          return false;
        }
      }, "must be a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.0/8,::1)")
      .optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int("must be a whole number of minutes")
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int("must be a whole number of hours")
      .min(1)
      .max(30 * 24)
      .default(12),
    MFA_ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => /^[A-Za-z0-9+/_-]{43}=?$/.test(v) && Buffer.from(v, "base64").length === 32,
        "must be 32 random bytes in base64 (`openssl rand -base64 32`)",
      )
      .optional(),
    REMINDER_THRESHOLDS: z
      .string()
      .refine(
        (v) => v.split(",").every((x) => Number(x) > 0 && Number(x) < 1),
        "must be fractions between 0 and 1, comma-separated (e.g. 0.5,0.9)",
      )
      .optional(),
  });

export type Env = z.infer<typeof schema>;

// SMTP_REQUIRE_TLS is STARTTLS made mandatory: meaningless for smtps:// or without a server.
const smtpTlsOk = (e: { SMTP_URL?: string; SMTP_REQUIRE_TLS: boolean }) =>
  !e.SMTP_REQUIRE_TLS || (e.SMTP_URL?.startsWith("smtp://") ?? false);
const smtpTlsMessage = {
  path: ["SMTP_REQUIRE_TLS"],
  message:
    "applies to an smtp:// SMTP_URL (STARTTLS); an smtps:// URL is encrypted from the start, and without SMTP_URL nothing is sent",
};

const checked = schema
  .refine((e) => e.SESSION_IDLE_MINUTES <= e.SESSION_MAX_HOURS * 60, {
    path: ["SESSION_IDLE_MINUTES"],
    message: "must not be longer than SESSION_MAX_HOURS",
  })
  .refine(smtpTlsOk, smtpTlsMessage);

function parseWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  // An empty variable means "not set", as in most shells' .env handling.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")} ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(checked, source);
}

let cached: Env | undefined;
/** The whole configuration: what the web server needs. */
export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

/** Only the mail settings, read anew each time (the mailer reads them on first use). */
export function parseSmtpEnv(source: Record<string, string | undefined>): Pick<Env, "SMTP_URL" | "SMTP_REQUIRE_TLS"> {
  return parseWith(schema.pick({ SMTP_URL: true, SMTP_REQUIRE_TLS: true }).refine(smtpTlsOk, smtpTlsMessage), source);
}

/** Only the audit key: what writes and checks the audit chain outside the web server (worker, seed, audit scripts). */
export function auditKeyEnv(source: Record<string, string | undefined> = process.env): z.infer<typeof auditKeySchema> {
  return parseWith(auditKeySchema, source);
}

/** Only the master keys: what reads or writes incidents' text outside the web server (worker, seed, keys:rotate). */
export function masterKeysEnv(
  source: Record<string, string | undefined> = process.env,
): z.infer<typeof masterKeysSchema> {
  return parseWith(masterKeysSchema, source);
}

/** Only the database settings: what scripts (seed, audit:verify) need. */
export function databaseEnv(): z.infer<typeof databaseSchema> {
  return parseWith(databaseSchema, process.env);
}
