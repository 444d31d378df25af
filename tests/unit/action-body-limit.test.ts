import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyVerdict, exceedsLimit } from "@/lib/action-body-limit";

const MB = 1024 * 1024;

describe("actionBodyVerdict", () => {
  it.each([
    ["a GET", { method: "GET", contentLength: null }, "allow"],
    ["a small POST", { method: "POST", contentLength: "1200" }, "allow"],
    ["a POST of exactly the limit", { method: "POST", contentLength: String(MB) }, "allow"],
    ["a POST one byte over", { method: "POST", contentLength: String(MB + 1) }, "too-large"],
    ["a POST of 2 MB", { method: "POST", contentLength: String(2 * MB) }, "too-large"],
    ["a declared length with spaces", { method: "POST", contentLength: ` ${2 * MB} ` }, "too-large"],
    ["a POST without a length (chunked)", { method: "POST", contentLength: null }, "count"],
    ["a length that is no number", { method: "POST", contentLength: "lots" }, "count"],
    ["an absurd length", { method: "POST", contentLength: "9".repeat(30) }, "count"],
  ] as const)("%s → %s", (_label, req, expected) => {
    expect(actionBodyVerdict(req)).toBe(expected);
  });

  it("is 1 MB, Next's own default for server actions", () => {
    expect(ACTION_BODY_LIMIT_BYTES).toBe(MB);
  });
});

function chunked(sizes: number[]) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = sizes[pulled++];
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("exceedsLimit (a body without a declared length)", () => {
  it("is false for no body and for a body within the limit, read to its end", async () => {
    expect(await exceedsLimit(null)).toBe(false);
    const body = chunked([400_000, 400_000, 248_576]);
    expect(await exceedsLimit(body.stream)).toBe(false);
  });

  it("is true as soon as the bytes pass the limit, without reading the rest", async () => {
    const body = chunked([600_000, 600_000, ...Array(50).fill(600_000)]);
    expect(await exceedsLimit(body.stream)).toBe(true);
    expect(body.pulled()).toBeLessThanOrEqual(3);
  });
});
