import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";

type Block = { heading?: string; text: string; mono?: boolean; size?: number };

// The standard PDF fonts only encode WinAnsi; anything outside it is replaced, not dropped.
function winAnsi(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/\u2192/g, "->")
    .replace(/\u2212/g, "-")
    .replace(/[^\x09\x0A\x0D\x20-\x7E\xA0-\xFF]/g, "?");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
      else {
        if (line) lines.push(line);
        // a single over-long word (a hash) is cut to fit
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let n = rest.length;
          while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n -= 1;
          lines.push(rest.slice(0, n));
          rest = rest.slice(n);
        }
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A plain, printable PDF of blocks of text, with page breaks. */
export async function renderTextPdf(title: string, blocks: Block[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(title));
  pdf.setProducer("Warden");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const margin = 56;
  let page = pdf.addPage([595.28, 841.89]); // A4
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;

  const draw = (text: string, font: PDFFont, size: number, color = rgb(0.1, 0.1, 0.12)) => {
    for (const line of wrap(winAnsi(text), font, size, width)) {
      if (y < margin + size) {
        page = pdf.addPage([595.28, 841.89]);
        y = page.getHeight() - margin;
      }
      page.drawText(line, { x: margin, y: y - size, size, font, color });
      y -= size * 1.35;
    }
  };

  draw(title, bold, 16);
  y -= 8;
  for (const b of blocks) {
    if (b.heading) draw(b.heading.toUpperCase(), bold, 9, rgb(0.35, 0.38, 0.45));
    draw(b.text, b.mono ? mono : regular, b.size ?? (b.mono ? 8 : 10.5));
    y -= 10;
  }
  return pdf.save();
}
