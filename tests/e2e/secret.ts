// The session secret of the server the browser tests run against (playwright.config.ts); the
// seed (scripts/test-e2e.ts) seals the demo authenticators with the key derived from it.
export const E2E_NEXTAUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";
// The audit chain's key: the seed and the server append to the same chains with it.
export const E2E_WARDEN_AUDIT_KEY = Buffer.alloc(32, "e2e-audit-key").toString("base64");
// The master keys that wrap the incidents' data keys. The seed wraps the demo's under the old key
// alone; the server runs as after the first step of a rotation (a new key first, the old one
// kept), so tests/e2e/key-rotation.spec.ts can rotate with `npm run keys:rotate` while it serves.
export const E2E_SEED_MASTER_KEYS = `e2e1:${Buffer.alloc(32, "e2e-master-key").toString("base64")}`;
export const E2E_WARDEN_MASTER_KEYS = `e2e2:${Buffer.alloc(32, "e2e-master-key-2").toString("base64")},${E2E_SEED_MASTER_KEYS}`;
