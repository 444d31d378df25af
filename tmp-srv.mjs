import { createServer } from "node:http";
import next from "next";
process.chdir("/work/main");
const app = next({ dev: false, dir: "/work/main", hostname: "127.0.0.1", port: 3300 });
await app.prepare();
const h = app.getRequestHandler();
createServer((req, res) => h(req, res)).listen(3300, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
