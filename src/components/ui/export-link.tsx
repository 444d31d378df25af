"use client";

import { useRef, useState } from "react";
import { attachmentName, countCsvRecords, CSV_PROGRESS_START } from "@/lib/csv-progress";

type State =
  | { kind: "idle" }
  | { kind: "running"; rows: number; total: number | null }
  | { kind: "done"; rows: number }
  | { kind: "error"; message: string };

/**
 * A CSV download that shows its progress and leaves the page usable: the file is fetched in the
 * background (rows counted as they arrive, against the server's X-Total-Rows when it sends one),
 * can be cancelled, and is saved when complete. Without JavaScript, or with a modifier key, it
 * is a plain link and the browser downloads the file itself.
 */
export function ExportLink({
  href,
  fallbackName,
  className,
  children,
}: {
  href: string;
  fallbackName: string;
  className?: string;
  children: React.ReactNode;
}) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const running = useRef<AbortController | null>(null);

  async function start(event: React.MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: "running", rows: 0, total: null });
    try {
      const res = await fetch(href, { signal: controller.signal });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ kind: "error", message: body?.error?.message ?? `The export failed (status ${res.status}).` });
        return;
      }
      const header = Number(res.headers.get("x-total-rows"));
      const total = Number.isInteger(header) && header > 0 ? header - 1 : null; // without the header row
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let progress = CSV_PROGRESS_START;
      let shownAt = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        progress = countCsvRecords(progress, decoder.decode(value, { stream: true }));
        if (performance.now() - shownAt > 150) {
          shownAt = performance.now();
          setState({ kind: "running", rows: Math.max(0, progress.records - 1), total });
        }
      }
      const url = URL.createObjectURL(new Blob(parts, { type: res.headers.get("content-type") ?? "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = attachmentName(res.headers.get("content-disposition"), fallbackName);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
      setState({ kind: "done", rows: Math.max(0, progress.records - 1) });
    } catch {
      setState(
        controller.signal.aborted
          ? { kind: "idle" }
          : { kind: "error", message: "The export was interrupted. Try again." },
      );
    } finally {
      running.current = null;
    }
  }

  const fmt = (n: number) => n.toLocaleString("en-US");
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <a href={href} onClick={start} className={className} aria-disabled={state.kind === "running" || undefined}>
        {children}
      </a>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {state.kind === "running" ? (
          <>
            Exporting… {fmt(state.total === null ? state.rows : Math.min(state.rows, state.total))}
            {state.total === null ? " rows" : ` of ${fmt(state.total)} rows`}{" "}
            {state.total ? (
              <progress className="align-middle" max={state.total} value={Math.min(state.rows, state.total)} />
            ) : null}{" "}
            <button type="button" onClick={() => running.current?.abort()} className="text-brand-700 underline">
              Cancel
            </button>
          </>
        ) : state.kind === "done" ? (
          `Exported ${fmt(state.rows)} rows.`
        ) : null}
      </span>
      {state.kind === "error" ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </span>
  );
}
