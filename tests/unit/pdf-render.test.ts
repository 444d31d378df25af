import { afterAll, describe, expect, it } from "vitest";
import { renderDocument } from "@/server/pdf/render-document";
import { renderPdf, stopPdfWorkers } from "@/server/pdf/render-pdf";
import type { DocumentModel } from "@/domain/reports/document-model";
import { readPdf } from "../support/read-pdf";

const GREEK = "Παραβίαση δεδομένων";
const POLISH = "Zażółć gęślą jaźń";
const JAPANESE = "個人情報の漏えい";

const model = (blocks: DocumentModel["blocks"]): DocumentModel => ({
  organization: "Northwind BPO Services",
  title: `Incident report INC-2026-0001: ${GREEK}`,
  subtitle: "Mercy Regional Health · times in Europe/Berlin, with UTC in brackets",
  footer: "Northwind BPO Services · confidential",
  blocks,
});
const squash = (s: string) => s.replace(/\s+/g, "");

afterAll(() => stopPdfWorkers());

describe("PDF documents", () => {
  it("carry Greek, Polish and Japanese text in paragraphs and table cells, with page numbers and the organization", async () => {
    const pdf = await readPdf(
      await renderDocument(
        model([
          { kind: "heading", text: "What happened" },
          { kind: "paragraph", text: `${POLISH}. ${JAPANESE}が発生しました。 ${GREEK}.` },
          {
            kind: "table",
            columns: [
              { header: "When", share: 1 },
              { header: "What happened", share: 2 },
            ],
            rows: [
              ["2026-03-29", JAPANESE],
              ["2026-03-30", POLISH],
            ],
            empty: "None.",
          },
          { kind: "facts", rows: [{ label: "Client", value: GREEK }] },
        ]),
      ),
    );
    for (const text of [GREEK, POLISH, JAPANESE]) expect(squash(pdf.text)).toContain(squash(text));
    expect(pdf.title).toBe(`Incident report INC-2026-0001: ${GREEK}`);
    expect(pdf.text).toContain("Northwind BPO Services");
    expect(pdf.text).toContain(`Page 1 of ${pdf.pages}`);
  });

  it("numbers every page of a long document", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [
      `Row ${i + 1}`,
      "Recomputed the notification deadlines after the facts changed",
    ]);
    const pdf = await readPdf(
      await renderDocument(
        model([
          {
            kind: "table",
            columns: [
              { header: "Row", share: 1 },
              { header: "What", share: 3 },
            ],
            rows,
            empty: "",
          },
        ]),
      ),
    );
    expect(pdf.pages).toBeGreaterThan(2);
    expect(pdf.text).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
    expect(pdf.text).toContain("Row 120");
  });

  it("sets a 100,000-character word in full, cut across lines and pages", async () => {
    const word = "ab".repeat(50_000);
    const doc = {
      ...model([{ kind: "paragraph", text: `Before ${word} after.` }]),
      title: "Report",
      subtitle: "",
      footer: "",
    };
    const pdf = await readPdf(await renderDocument(doc));
    expect(pdf.pages).toBeGreaterThan(5);
    const text = squash(pdf.text.replace(/Northwind BPO Services|Report|Page \d+ of \d+/g, ""));
    expect(text).toContain(`Before${word}after.`);
  });

  it("says so when a table cell is too long for one page instead of cutting it silently", async () => {
    const pdf = await readPdf(
      await renderDocument(
        model([
          {
            kind: "table",
            columns: [
              { header: "A", share: 1 },
              { header: "B", share: 1 },
            ],
            rows: [["x", "word ".repeat(4000)]],
            empty: "",
          },
        ]),
      ),
    );
    expect(pdf.text.replace(/\s+/g, " ")).toMatch(/\d+ more characters not shown/);
  });

  it("draws in a worker thread: the same document comes back, and several can be asked for at once", async () => {
    const doc = model([{ kind: "paragraph", text: `${POLISH} ${JAPANESE}` }]);
    const [a, b] = await Promise.all([renderPdf(doc), renderPdf(doc)]);
    for (const bytes of [a, b]) {
      const pdf = await readPdf(bytes);
      expect(squash(pdf.text)).toContain(squash(`${POLISH} ${JAPANESE}`));
    }
  }, 60_000);
});
