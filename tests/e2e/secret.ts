// The session secret of the server the browser tests run against (playwright.config.ts); the
// seed (scripts/test-e2e.ts) seals the demo authenticators with the key derived from it.
export const E2E_NEXTAUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";
