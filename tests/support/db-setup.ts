import { inject } from "vitest";

// Every db test file talks to the throw-away database made by the global setup.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX ??= "5";
