import { stringify } from "csv-stringify/sync";

/**
 * A cell safe to open in a spreadsheet: a value starting with = + - @ or a control character is
 * prefixed with ' so it is shown as text, never run as a formula (CSV injection). Quoting of
 * commas, quotes and newlines is csv-stringify's.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvRows(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return stringify(
    rows.map((r) => r.map(safeCell)),
    { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}

/**
 * A streamed CSV download: rows are produced batch by batch as the client reads them (the next
 * batch is fetched only when the previous one has been taken), so a large export starts at once
 * and holds one batch in memory. `totalRows`, when known, goes out in an X-Total-Rows header so
 * the page can show progress.
 */
export function csvResponse(
  filename: string,
  batches: AsyncIterable<ReadonlyArray<ReadonlyArray<unknown>>>,
  totalRows?: number,
): Response {
  const encoder = new TextEncoder();
  const it = batches[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF")); // BOM: spreadsheets read UTF-8 correctly
    },
    async pull(controller) {
      try {
        for (;;) {
          const next = await it.next();
          if (next.done) return controller.close();
          if (next.value.length) return controller.enqueue(encoder.encode(csvRows(next.value)));
        }
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await it.return?.(); // the reader went away: stop querying
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
      ...(totalRows === undefined ? {} : { "x-total-rows": String(totalRows) }),
    },
  });
}
