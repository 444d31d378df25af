import { z } from "zod";

// Runs in the browser before the app hydrates. zod probes for `new Function` on its first parse
// to compile faster validators; under the Content-Security-Policy (no eval, src/proxy.ts) the
// probe fails harmlessly but is reported as a violation. The forms' schemas are small: validate
// without compiling, and the console stays clean for violations that matter.
z.config({ jitless: true });
