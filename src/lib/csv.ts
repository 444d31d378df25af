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
  return stringify(rows.map((r) => r.map(safeCell)), { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

/** A streamed CSV download: rows are produced batch by batch, so a large export starts at once. */
export function csvResponse(filename: string, batches: AsyncIterable<ReadonlyArray<ReadonlyArray<unknown>>>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode("\uFEFF")); // BOM: spreadsheets read UTF-8 correctly
        for await (const batch of batches) if (batch.length) controller.enqueue(encoder.encode(csvRows(batch)));
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
