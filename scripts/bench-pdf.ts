// PDF render times for documents carrying one long word (the case that once stalled the server
// for minutes), drawn in the worker thread as the routes draw them, with the main event loop's
// longest pause measured meanwhile. `npm run bench:pdf`
import { renderPdf, stopPdfWorkers } from "../src/server/pdf/render-pdf";
import { renderDocument } from "../src/server/pdf/render-document";
import type { DocumentModel } from "../src/domain/reports/document-model";

const doc = (chars: number): DocumentModel => ({
  organization: "Northwind BPO Services",
  title: `Benchmark: a ${chars.toLocaleString("en-US")}-character word`,
  subtitle: "Times in Europe/Berlin, with UTC in brackets",
  footer: "Northwind BPO Services · benchmark",
  blocks: [
    { kind: "heading", text: "Summary" },
    { kind: "paragraph", text: `Before ${"x".repeat(chars)} after.` },
    {
      kind: "table",
      columns: [
        { header: "When", share: 1 },
        { header: "What", share: 2 },
      ],
      rows: [["29 Mar 2026, 14:30 GMT+2 (12:30 UTC)", "y".repeat(Math.min(chars, 2000))]],
      empty: "",
    },
  ],
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; maxPauseMs: number }> {
  let last = performance.now();
  let maxPause = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxPause = Math.max(maxPause, now - last - 10);
    last = now;
  }, 10);
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 25)); // lets a timer held up by the work fire and be counted
  clearInterval(tick);
  return { ms, maxPauseMs: Math.max(0, maxPause) };
}

const sizes = [2_000, 10_000, 100_000];
await renderPdf(doc(10)); // start the worker and load the fonts outside the measurements
await renderDocument(doc(10));
console.log(
  "chars      worker: render   main loop's longest pause   |  same thread: render   main loop's longest pause",
);
for (const n of sizes) {
  const w = await timed(() => renderPdf(doc(n)));
  const inline = await timed(() => renderDocument(doc(n)));
  console.log(
    `${String(n).padStart(7)}  ${w.ms.toFixed(0).padStart(14)} ms  ${w.maxPauseMs.toFixed(0).padStart(22)} ms   |  ${inline.ms.toFixed(0).padStart(17)} ms  ${inline.maxPauseMs.toFixed(0).padStart(22)} ms`,
  );
}
const parallel = await timed(() => Promise.all(sizes.map((n) => renderPdf(doc(n)))));
console.log(
  `all three at once in the worker pool: ${parallel.ms.toFixed(0)} ms, main loop's longest pause ${parallel.maxPauseMs.toFixed(0)} ms`,
);
await stopPdfWorkers();
