import { config } from "zod/v4/core";

// Runs in the browser before the app hydrates. zod probes for `new Function` on its first parse
// to compile faster validators; under the Content-Security-Policy (no eval, src/proxy.ts) the
// probe fails harmlessly but is reported as a violation. The forms' schemas are small: validate
// without compiling, and the console stays clean for violations that matter.
// The setting is zod's one global (shared by every copy of zod on the page); importing it from
// zod's core, not `z` from "zod", keeps the rest of zod (about 30 kB gzip) out of every page's
// first load: only the pages whose forms validate in the browser load it.
config({ jitless: true });
