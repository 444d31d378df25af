// The PDF worker thread: draws documents off the server's event loop, one at a time. Plain
// JavaScript started by Node itself (not bundled by Next), which loads the TypeScript renderer
// through tsx, as `npm start` and `npm run worker` run their TypeScript.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { renderDocument } = await tsImport("./render-document.ts", import.meta.url);

parentPort.on("message", async ({ id, model }) => {
  try {
    const pdf = await renderDocument(model);
    // A copy of our own: the PDF may sit in Node's shared Buffer pool, which Node 22+ refuses to
    // transfer to another thread.
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    parentPort.postMessage({ id, ok: true, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
