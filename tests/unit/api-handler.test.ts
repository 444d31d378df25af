import { afterEach, describe, expect, it, vi } from "vitest";
import { redirect } from "next/navigation";
import { withApiErrors } from "@/server/api-handler";

describe("withApiErrors", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers an unexpected error with a JSON 500 and a reference, never the error's message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const GET = withApiErrors("/api/test GET", async (_req: Request) => {
      throw new Error(
        'Invalid `prisma.user.findMany()` invocation: value too long for type character varying(64) in column "ip"',
      );
    });
    const res = await GET(new Request("http://localhost/api/test"));
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({
      error: {
        code: "INTERNAL",
        message: expect.stringMatching(
          /^Something went wrong on our side; nothing was changed\. Reference: [0-9a-f]{8}\.$/,
        ),
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/prisma|column|varying/i);
    // the operator finds it in the log by the same reference
    const line = JSON.parse(String(log.mock.calls[0]![0]));
    expect(line).toMatchObject({
      event: "api.failed",
      route: "/api/test GET",
      requestId: body.error.requestId,
      errorMessage: expect.stringContaining("prisma.user.findMany"),
    });
  });

  it("passes answers through untouched, and lets Next's own signals through", async () => {
    const ok = withApiErrors("/api/ok GET", async () => Response.json({ fine: true }, { status: 201 }));
    expect((await ok()).status).toBe(201);
    const away = withApiErrors("/api/away GET", async () => redirect("/login"));
    await expect(away()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });
});
