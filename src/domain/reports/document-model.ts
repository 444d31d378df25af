// A printable document as plain data: what the reports say, not how a PDF draws it. Builders in
// this folder produce it from plain report objects; src/server/pdf renders it (in a worker
// thread), so the same model can be checked in tests without reading a PDF.

export type DocumentColumn = {
  header: string;
  /** Share of the table's width (the shares of a table's columns are weighed against each other). */
  share: number;
  align?: "left" | "right";
};

export type DocumentBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; tone?: "normal" | "muted" | "code" }
  /** Label and value pairs, drawn as a two-column table without a header. */
  | { kind: "facts"; rows: Array<{ label: string; value: string }> }
  | { kind: "table"; columns: DocumentColumn[]; rows: string[][]; empty: string }
  | { kind: "list"; items: string[]; empty: string };

export type DocumentModel = {
  /** The organization that issues the document, named at the top of every page. */
  organization: string;
  title: string;
  /** One line under the title: for whom and as of when. */
  subtitle: string;
  /** Printed in every page's footer beside "Page n of m". */
  footer: string;
  blocks: DocumentBlock[];
};
