// How large a form may be when it reaches the server. Next.js refuses a server action's body
// past experimental.serverActions.bodySizeLimit (next.config.ts reads it from here) but answers
// 500 with its own text; src/proxy.ts refuses it first, with 413 and this message, which the
// form shows (use-form-action.ts).

export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export const ACTION_TOO_LARGE_MESSAGE =
  "Not sent: this form is larger than the 1 MB the server accepts. Shorten the text and try again; nothing was saved.";

/**
 * Whether a POST to a page (a server action: with a Next-Action header from the app, or a plain
 * form post without script) must be refused for its size: by its declared length, or "count"
 * when it declares none (chunked) and its bytes must be counted as they come.
 */
export function actionBodyVerdict(
  req: { method: string; contentLength: string | null },
  limit = ACTION_BODY_LIMIT_BYTES,
): "allow" | "too-large" | "count" {
  if (req.method !== "POST") return "allow";
  if (req.contentLength === null) return "count";
  const length = /^\d{1,16}$/.test(req.contentLength.trim()) ? Number(req.contentLength.trim()) : Number.NaN;
  // a length that is no number: the HTTP server would have refused it; count what arrives instead
  if (Number.isNaN(length)) return "count";
  return length > limit ? "too-large" : "allow";
}

/** Reads a body only until it passes `limit` bytes: true when it does (the rest is never read). */
export async function exceedsLimit(
  body: ReadableStream<Uint8Array> | null,
  limit = ACTION_BODY_LIMIT_BYTES,
): Promise<boolean> {
  if (!body) return false;
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      size += value.byteLength;
      if (size > limit) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
