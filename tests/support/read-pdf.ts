import { extractText, getDocumentProxy, getMeta } from "unpdf";

/** What a reader gets from a PDF: its title, page count and text (pages joined by a line break). */
export async function readPdf(bytes: Uint8Array): Promise<{ title: string; pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const [{ totalPages, text }, { info }] = await Promise.all([extractText(pdf, { mergePages: true }), getMeta(pdf)]);
  return { title: String((info as { Title?: unknown }).Title ?? ""), pages: totalPages, text };
}
