import { inject } from "vitest";

// Every db test file talks to the throw-away database made by the global setup.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX ??= "5";
// Authenticator secrets are sealed with a key derived from the session secret.
process.env.NEXTAUTH_SECRET ??= "db-test-secret-db-test-secret-0123456789";
// The audit chain's key (32 fixed bytes): the chain tests also hash with others to show they fail.
process.env.WARDEN_AUDIT_KEY ??= Buffer.alloc(32, "db-test-audit-key").toString("base64");
// The master key that wraps incidents' data keys (the rotation tests set their own list).
process.env.WARDEN_MASTER_KEYS ??= `dbtest1:${Buffer.alloc(32, "db-test-master-key").toString("base64")}`;
