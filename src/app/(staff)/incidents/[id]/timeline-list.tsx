"use client";

/** A timeline entry as the page sends it: its time already written in the reader's zone. */
export type TimelineRow = { id: string; at: string; title: string; actor: string; detail?: string; note?: true };

/**
 * The entries of the incident's timeline, oldest first. They come as plain rows rather than as
 * drawn elements: an incident worked for weeks has hundreds, and the page's data stays a third
 * of the size. Nothing here is interactive; it is drawn on the server like the rest.
 */
export function TimelineList({ rows }: { rows: readonly TimelineRow[] }) {
  return (
    <ol className="timeline">
      {rows.map((e) => (
        <li key={e.id}>
          <p>
            <time>{e.at}</time> <strong>{e.title}</strong> <span>{`— ${e.actor}`}</span>
          </p>
          {e.detail ? <p className={e.note ? "detail note" : "detail"}>{e.detail}</p> : null}
        </li>
      ))}
    </ol>
  );
}
