// Text prepared for pdfkit's line wrapper in time linear in its length. The wrapper measures an
// unbreakable "word" wider than the line again after every line it cuts from it, which is
// quadratic: a 100,000-character word took minutes. Words that cannot fit a line are cut here
// first, from per-character advance widths summed once, so the wrapper only ever sees words that
// fit. Runs split the text between the Latin/Greek/Cyrillic face and the Japanese face, by which
// of them has a glyph for each character.

export type Script = "latin" | "cjk";
export type Run = { script: Script; text: string };

export type FaceMetrics = {
  /** Does the Latin face have this character? (else the Japanese face is tried) */
  latinHas(codePoint: number): boolean;
  cjkHas(codePoint: number): boolean;
  /** Advance width at size 1 (a fraction of an em). */
  advance(script: Script, codePoint: number): number;
};

// Control characters other than line breaks and tabs print as boxes or nothing; tabs as a space.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").replace(CONTROL, "");
}

export function scriptOf(codePoint: number, faces: FaceMetrics): Script {
  if (faces.latinHas(codePoint)) return "latin";
  return faces.cjkHas(codePoint) ? "cjk" : "latin";
}

/** The code point of a character got by iterating a string (whole code points, never empty). */
function codePoint(ch: string): number {
  const cp = ch.codePointAt(0);
  if (cp === undefined) throw new Error("an empty character");
  return cp;
}

const isSpace = (codePoint: number) =>
  codePoint === 0x20 || codePoint === 0x0a || codePoint === 0xa0 || codePoint === 0x3000;

/**
 * Cuts every whitespace-free stretch wider than `width` (at `size`) into pieces that fit, with a
 * line break between them. `margin` leaves room for kerning the per-character sum does not see.
 */
export function breakLongWords(text: string, faces: FaceMetrics, size: number, width: number, margin = 0.97): string {
  const limit = (width * margin) / size;
  let out = "";
  let word: Array<{ ch: string; width: number }> = [];
  let wordWidth = 0;
  const flush = () => {
    if (wordWidth <= limit) out += word.map((c) => c.ch).join("");
    else {
      let piece = 0;
      for (const { ch, width } of word) {
        if (piece > 0 && piece + width > limit) {
          out += "\n";
          piece = 0;
        }
        out += ch;
        piece += width;
      }
    }
    word = [];
    wordWidth = 0;
  };
  for (const ch of text) {
    const cp = codePoint(ch);
    if (isSpace(cp)) {
      if (word.length) flush();
      out += ch;
      continue;
    }
    const w = faces.advance(scriptOf(cp, faces), cp);
    word.push({ ch, width: w });
    wordWidth += w;
  }
  if (word.length) flush();
  return out;
}

/** Consecutive characters set in the same face; spaces stay with the run they are in. */
export function splitRuns(text: string, faces: FaceMetrics): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of text) {
    const cp = codePoint(ch);
    const script: Script = current && isSpace(cp) ? current.script : scriptOf(cp, faces);
    if (current && current.script === script) current.text += ch;
    else {
      current = { script, text: ch };
      runs.push(current);
    }
  }
  return runs;
}

/** The face for text that must be set in one face (a table cell): Japanese if any of it needs it. */
export function singleScript(text: string, faces: FaceMetrics): Script {
  for (const ch of text) if (scriptOf(codePoint(ch), faces) === "cjk") return "cjk";
  return "latin";
}

/**
 * The longest start of `text` that makes at most `maxLines` lines `width` wide (estimated from
 * advance widths, with a fifth spare for wrapping at word ends); null when all of it does.
 */
export function cutToLines(
  text: string,
  faces: FaceMetrics,
  size: number,
  width: number,
  maxLines: number,
): number | null {
  let lines = 1;
  let line = 0;
  let index = 0;
  for (const ch of text) {
    const cp = codePoint(ch);
    if (cp === 0x0a) {
      lines += 1;
      line = 0;
    } else {
      line += faces.advance(scriptOf(cp, faces), cp) * size * 1.2;
      if (line > width) {
        lines += 1;
        line = 0;
      }
    }
    if (lines > maxLines) return index;
    index += ch.length;
  }
  return null;
}
