import "server-only";
import path from "node:path";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DocumentModel } from "@/domain/reports/document-model";
import { describeError, log } from "../log";

// Documents are drawn in worker threads, so a long document never holds up other requests.
// The worker is started by path, not bundled: Next leaves the call alone (turbopackIgnore) and
// Node loads render-worker.mjs, pdfkit and the fonts from the project as they are on disk, which
// is where `npm start` serves from (process.cwd() is the project directory).

const THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));
const TIMEOUT_MS = 30_000;
const MAX_QUEUED = 64;

type Job = { id: number; model: DocumentModel; resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void };
type Thread = { worker: Worker; ready: boolean; job: Job | null; timer: NodeJS.Timeout | null };
type Reply = { ready: true } | { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

export class PdfRenderError extends Error {}

const threads: Thread[] = [];
const queue: Job[] = [];
let nextId = 1;

function workerFile(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "src", "server", "pdf", "render-worker.mjs");
}

function finish(thread: Thread, outcome: { bytes: Uint8Array } | { error: Error }) {
  const job = thread.job;
  if (thread.timer) clearTimeout(thread.timer);
  thread.job = null;
  thread.timer = null;
  if (job) {
    if ("bytes" in outcome) job.resolve(outcome.bytes);
    else job.reject(outcome.error);
  }
  dispatch();
}

function retire(thread: Thread, error: Error) {
  const i = threads.indexOf(thread);
  if (i >= 0) threads.splice(i, 1);
  void thread.worker.terminate();
  finish(thread, { error });
}

function start(): Thread {
  const worker = new Worker(/* turbopackIgnore: true */ workerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: 768 },
  });
  const thread: Thread = { worker, ready: false, job: null, timer: null };
  worker.on("message", (reply: Reply) => {
    if ("ready" in reply) {
      thread.ready = true;
      return dispatch();
    }
    if (!thread.job || reply.id !== thread.job.id) return;
    finish(thread, reply.ok ? { bytes: reply.bytes } : { error: new PdfRenderError(reply.message) });
  });
  worker.on("error", (error) => {
    log.error("pdf.worker_failed", { ...describeError(error), started: thread.ready });
    const failure = new PdfRenderError("The PDF worker failed.");
    // A worker that cannot even start will not do better on the next try: the waiting documents fail now.
    if (!thread.ready) for (const job of queue.splice(0)) job.reject(failure);
    retire(thread, failure);
  });
  worker.on("exit", () => {
    if (threads.includes(thread)) retire(thread, new PdfRenderError("The PDF worker stopped."));
  });
  threads.push(thread);
  return thread;
}

function dispatch() {
  assign();
  // Idle threads do not keep a script or test process alive; threads with work to come do.
  for (const t of threads) {
    if (t.job || queue.length) t.worker.ref();
    else t.worker.unref();
  }
}

function assign() {
  for (;;) {
    // the oldest waiting job, taken off the queue only once a thread is free for it
    const job = queue[0];
    if (!job) return;
    const idle = threads.find((t) => t.ready && !t.job);
    if (!idle) {
      if (threads.length < THREADS && threads.every((t) => t.ready)) start();
      return;
    }
    queue.shift();
    idle.job = job;
    idle.timer = setTimeout(
      () => retire(idle, new PdfRenderError(`The PDF took longer than ${TIMEOUT_MS / 1000} s to draw.`)),
      TIMEOUT_MS,
    );
    idle.worker.postMessage({ id: job.id, model: job.model });
  }
}

/** The document as PDF bytes, drawn in a worker thread (started on first use and kept). */
export function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  if (queue.length >= MAX_QUEUED)
    return Promise.reject(new PdfRenderError("Too many documents are being drawn; try again shortly."));
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, model, resolve, reject });
    if (!threads.length) start();
    dispatch();
  });
}

/** Stops the worker threads (tests and scripts that want to exit promptly). */
export async function stopPdfWorkers(): Promise<void> {
  await Promise.all(threads.splice(0).map((t) => t.worker.terminate()));
}
