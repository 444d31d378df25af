import { inject } from "vitest";

// Every db test file talks to the throw-away database made by the global setup.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX ??= "5";
// Authenticator secrets are sealed with a key derived from the session secret.
process.env.NEXTAUTH_SECRET ??= "db-test-secret-db-test-secret-0123456789";
