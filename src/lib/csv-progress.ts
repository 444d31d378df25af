// Counts CSV records as a download streams in, chunk by chunk: a line break ends a record
// unless it sits inside a quoted field (quotes inside fields are doubled, which toggles the
// state twice and so leaves it right). Pure, for the export button's progress.

export type CsvProgress = { records: number; inQuotes: boolean };

export const CSV_PROGRESS_START: CsvProgress = { records: 0, inQuotes: false };

export function countCsvRecords(state: CsvProgress, chunk: string): CsvProgress {
  let { records, inQuotes } = state;
  for (let i = 0; i < chunk.length; i++) {
    const ch = chunk.charCodeAt(i);
    if (ch === 34)
      inQuotes = !inQuotes; // "
    else if (ch === 10 && !inQuotes) records += 1; // \n
  }
  return { records, inQuotes };
}

/** The file name in a Content-Disposition header, or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const m = header?.match(/filename="([^"]+)"/);
  return m?.[1] ?? fallback;
}
