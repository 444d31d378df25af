// Draws a DocumentModel as an A4 PDF with pdfkit: headings, paragraphs, tables, the issuing
// organization at the top and "Page n of m" at the foot of every page, in Noto Sans with Noto
// Sans JP for the characters Noto Sans lacks (both from npm, SIL Open Font License).
// Runs in the PDF worker thread (render-worker.mjs) and in tests; it is not imported by the Next
// bundle, which is why it carries no "server-only" marker and imports no "@/" paths.
import PDFDocument from "pdfkit";
import { create as openFont, type Font } from "fontkit";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { DocumentBlock, DocumentModel } from "../../domain/reports/document-model";
import {
  breakLongWords,
  cleanText,
  cutToLines,
  singleScript,
  splitRuns,
  type FaceMetrics,
  type Script,
} from "./fit-text";

const FONT_FILES = {
  latin: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  latinBold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  cjk: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  cjkBold: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
} as const;
type FaceName = keyof typeof FONT_FILES;

type Faces = { files: Record<FaceName, Buffer>; metrics: Record<"regular" | "bold", FaceMetrics> };
let loaded: Faces | null = null;

function metricsOf(latin: Font, cjk: Font): FaceMetrics {
  const cache = { latin: new Map<number, number>(), cjk: new Map<number, number>() };
  return {
    latinHas: (cp) => latin.hasGlyphForCodePoint(cp),
    cjkHas: (cp) => cjk.hasGlyphForCodePoint(cp),
    advance(script, cp) {
      let w = cache[script].get(cp);
      if (w === undefined) {
        const font = script === "latin" ? latin : cjk;
        w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
        cache[script].set(cp, w);
      }
      return w;
    },
  };
}

/** The four faces, read and parsed once per thread and shared by every document it draws. */
function faces(): Faces {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const files = Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))]),
  ) as Record<FaceName, Buffer>;
  // parsed here for measuring only; each document parses its own copy to embed (below)
  const fonts = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, openFont(bytes)])) as Record<
    FaceName,
    Font
  >;
  loaded = {
    files,
    metrics: { regular: metricsOf(fonts.latin, fonts.cjk), bold: metricsOf(fonts.latinBold, fonts.cjkBold) },
  };
  return loaded;
}

const PAGE = { size: "A4", margins: { top: 72, bottom: 64, left: 56, right: 56 } } as const;
const INK = "#1f2329";
const MUTED = "#5b6270";
const RULE = "#c9ced6";
const HEAD_FILL = "#eef1f5";
const SIZE = { title: 17, heading: 12.5, body: 10, table: 8.5, code: 8.5, chrome: 8 } as const;

const faceName = (script: Script, bold: boolean): FaceName =>
  script === "latin" ? (bold ? "latinBold" : "latin") : bold ? "cjkBold" : "cjk";

type Doc = InstanceType<typeof PDFDocument>;

class Drawer {
  readonly doc: Doc;
  private readonly f = faces();
  readonly width: number;

  constructor(private readonly model: DocumentModel) {
    this.doc = new PDFDocument({
      size: PAGE.size,
      margins: PAGE.margins,
      bufferPages: true,
      autoFirstPage: true,
      info: {
        Title: cleanText(model.title),
        Author: cleanText(model.organization),
        Creator: "Warden",
        Producer: "Warden",
      },
      lang: "en",
      displayTitle: true,
    });
    // Each document parses its own fonts from the bytes read once per thread: a parsed font shared
    // between documents carried glyph state from one document's subset into the next one's text
    // layer (a "." came out of text extraction as "5"). Registered under its own name, every
    // switch back to a face (table cells switch for each cell) finds the embedded font pdfkit
    // already made in this document.
    for (const name of Object.keys(FONT_FILES) as FaceName[]) {
      this.doc.registerFont(name, this.f.files[name]);
    }
    this.face("latin");
    this.width = this.doc.page.width - PAGE.margins.left - PAGE.margins.right;
  }

  face(name: FaceName) {
    return this.doc.font(name);
  }

  private metrics(bold: boolean) {
    return bold ? this.f.metrics.bold : this.f.metrics.regular;
  }

  /** Flowing text in as many faces as it needs; long words already cut to fit. */
  text(raw: string, opts: { size: number; bold?: boolean; color?: string; gap?: number; width?: number; x?: number }) {
    const bold = opts.bold ?? false;
    const width = opts.width ?? this.width;
    const text = breakLongWords(cleanText(raw), this.metrics(bold), opts.size, width);
    const runs = splitRuns(text, this.metrics(bold));
    if (!runs.length) return;
    this.doc.fillColor(opts.color ?? INK).fontSize(opts.size);
    const x = opts.x ?? PAGE.margins.left;
    runs.forEach((run, i) => {
      this.face(faceName(run.script, bold));
      const options = { width, lineGap: 1.5, continued: i < runs.length - 1 };
      if (i === 0) this.doc.text(run.text, x, this.doc.y, options);
      else this.doc.text(run.text, options);
    });
    this.doc.y += opts.gap ?? 0;
  }

  /** Starts a new page unless `needed` points are left on this one (keeps headings with what follows). */
  keep(needed: number) {
    if (this.doc.y + needed > this.doc.page.height - PAGE.margins.bottom) this.doc.addPage();
  }

  block(b: DocumentBlock) {
    switch (b.kind) {
      case "heading":
        this.keep(70);
        this.doc.y += 8;
        this.text(b.text, { size: SIZE.heading, bold: true, gap: 4 });
        return;
      case "paragraph":
        this.text(
          b.text,
          b.tone === "code"
            ? { size: SIZE.code, color: INK, gap: 6 }
            : { size: SIZE.body, color: b.tone === "muted" ? MUTED : INK, gap: 6 },
        );
        return;
      case "list":
        if (!b.items.length) return this.text(b.empty, { size: SIZE.body, color: MUTED, gap: 6 });
        for (const item of b.items) {
          this.keep(16);
          const y = this.doc.y;
          this.face("latin")
            .fontSize(SIZE.body)
            .fillColor(INK)
            .text("•", PAGE.margins.left + 2, y, { lineBreak: false });
          this.doc.y = y;
          this.text(item, { size: SIZE.body, x: PAGE.margins.left + 14, width: this.width - 14, gap: 2 });
        }
        this.doc.y += 4;
        return;
      case "facts":
        return this.table(
          [{ share: 1 }, { share: 2.6 }],
          b.rows.map((r) => [r.label, r.value]),
          { header: null, boldFirst: true },
        );
      case "table":
        if (!b.rows.length) return this.text(b.empty, { size: SIZE.body, color: MUTED, gap: 6 });
        return this.table(b.columns, b.rows, {
          header: b.columns.map((c) => c.header),
          boldFirst: false,
          align: b.columns.map((c) => c.align ?? "left"),
        });
    }
  }

  private table(
    columns: Array<{ share: number }>,
    rows: string[][],
    opts: { header: string[] | null; boldFirst: boolean; align?: Array<"left" | "right"> },
  ) {
    const total = columns.reduce((s, c) => s + c.share, 0);
    const widths = columns.map((c) => (this.width * c.share) / total);
    const pad = { top: 3.5, bottom: 3.5, left: 5, right: 5 };
    const lineHeight = SIZE.table * 1.2 + 1;
    const pageLines = Math.floor((this.doc.page.height - PAGE.margins.top - PAGE.margins.bottom - 40) / lineHeight);
    const cell = (raw: string, col: number, bold: boolean, fill?: string) => {
      const m = this.metrics(bold);
      const width = widths[col];
      if (width === undefined)
        throw new Error(`a table row has a cell ${col + 1} but the table only ${widths.length} columns`);
      const inner = width - pad.left - pad.right;
      let text = cleanText(raw);
      // pdfkit clips a row taller than a page; a value that long is shortened, and says so.
      const cut = cutToLines(text, m, SIZE.table, inner, pageLines - 2);
      if (cut !== null) text = `${text.slice(0, cut)}… [${text.length - cut} more characters not shown]`;
      text = breakLongWords(text, m, SIZE.table, inner);
      return {
        text: text || " ",
        font: { src: faceName(singleScript(text, m), bold), size: SIZE.table },
        padding: pad,
        border: { top: 0, right: 0, left: 0, bottom: 0.5 },
        borderColor: RULE,
        textColor: INK,
        align: { x: opts.align?.[col] ?? "left", y: "top" as const },
        ...(fill ? { backgroundColor: fill } : {}),
        ...(bold && fill ? { type: "TH" as const } : {}),
      };
    };
    const data = [
      ...(opts.header ? [opts.header.map((h, col) => cell(h, col, true, HEAD_FILL))] : []),
      ...rows.map((row) => row.map((value, col) => cell(value, col, opts.boldFirst && col === 0))),
    ];
    this.keep(opts.header ? 44 : 22);
    this.doc.fillColor(INK);
    this.doc.table({ position: { x: PAGE.margins.left, y: this.doc.y }, columnStyles: widths, data });
    this.doc.x = PAGE.margins.left;
    this.doc.y += 8;
  }

  /** One line of small print in as many faces as it needs, cut with an ellipsis to fit `width`. */
  line(raw: string, at: { x: number; y: number; width: number; align: "left" | "right"; bold: boolean }) {
    const m = this.metrics(at.bold);
    let text = cleanText(raw).replace(/\n/g, " ");
    const cut = cutToLines(text, m, SIZE.chrome, at.width - SIZE.chrome, 1);
    if (cut !== null) text = `${text.slice(0, cut).trimEnd()}…`;
    const runs = splitRuns(text, m).map((run) => {
      const face = faceName(run.script, at.bold);
      return { ...run, face, width: this.face(face).fontSize(SIZE.chrome).widthOfString(run.text) };
    });
    let x = at.align === "right" ? at.x + at.width - runs.reduce((sum, run) => sum + run.width, 0) : at.x;
    this.doc.fillColor(MUTED);
    for (const run of runs) {
      this.face(run.face).fontSize(SIZE.chrome).text(run.text, x, at.y, { lineBreak: false });
      x += run.width;
    }
  }

  /** The organization and title at the top, the footer and "Page n of m" at the foot, on every page. */
  chrome() {
    const { start, count } = this.doc.bufferedPageRange();
    const top = 34;
    const bottom = this.doc.page.height - 40;
    const org = cleanText(this.model.organization);
    const title = cleanText(this.model.title);
    const footer = cleanText(this.model.footer);
    for (let i = start; i < start + count; i += 1) {
      this.doc.switchToPage(i);
      const margins = this.doc.page.margins;
      this.doc.page.margins = { ...margins, top: 0, bottom: 0 };
      const line = (text: string, x: number, y: number, width: number, align: "left" | "right", bold = false) =>
        this.line(text, { x, y, width, align, bold });
      const half = this.width / 2 - 6;
      line(org, PAGE.margins.left, top, half, "left", true);
      line(title, PAGE.margins.left + half + 12, top, half, "right");
      this.doc
        .save()
        .moveTo(PAGE.margins.left, top + 14)
        .lineTo(PAGE.margins.left + this.width, top + 14)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke()
        .restore();
      line(footer, PAGE.margins.left, bottom, this.width - 90, "left");
      line(`Page ${i - start + 1} of ${count}`, PAGE.margins.left + this.width - 84, bottom, 84, "right");
      this.doc.page.margins = margins;
    }
  }
}

/** The document as PDF bytes. */
export function renderDocument(model: DocumentModel): Promise<Buffer> {
  const drawer = new Drawer(model);
  const { doc } = drawer;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  drawer.text(model.title, { size: SIZE.title, bold: true, gap: 2 });
  drawer.text(model.subtitle, { size: SIZE.body, color: MUTED, gap: 10 });
  for (const block of model.blocks) drawer.block(block);
  drawer.chrome();
  doc.end();
  return done;
}
