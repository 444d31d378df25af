import { describe, expect, it } from "vitest";
import { alertsOpenApi, ALERT_ERRORS } from "@/lib/openapi/alerts-openapi";
import { API_ERROR_STATUS } from "@/lib/api-error";

describe("the alerts API's OpenAPI document", () => {
  const doc = JSON.parse(JSON.stringify(alertsOpenApi())) as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { responses: Record<string, { description: string }>; parameters?: Array<{ name: string }> }>
    >;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };

  it("is OpenAPI 3.1 and names both endpoints", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/alerts", "/api/v1/openapi.json"]);
  });

  it("answers every error code the endpoint can give, each under its status", () => {
    const post = doc.paths["/api/v1/alerts"]!.post!;
    for (const { code } of ALERT_ERRORS) {
      const response = post.responses[String(API_ERROR_STATUS[code])];
      expect(response?.description, code).toContain(code);
    }
    expect(Object.keys(post.responses).sort()).toEqual([
      "200",
      "201",
      "400",
      "401",
      "404",
      "409",
      "413",
      "422",
      "429",
      "503",
    ]);
    const codes = (
      doc.components.schemas.Error as { properties: { error: { properties: { code: { enum: string[] } } } } }
    ).properties.error.properties.code.enum;
    expect(new Set(codes)).toEqual(new Set(ALERT_ERRORS.map((e) => e.code)));
  });

  it("documents the signature headers and the generic schema from zod", () => {
    const names = doc.paths["/api/v1/alerts"]!.post!.parameters!.map((p) => p.name);
    expect(names).toEqual(["X-Warden-Timestamp", "X-Warden-Signature", "client"]);
    const generic = doc.components.schemas.GenericAlert!;
    expect(generic.required).toEqual(
      expect.arrayContaining(["source", "externalId", "title", "severity", "observedAt"]),
    );
    expect(Object.keys(generic.properties!)).toEqual(
      expect.arrayContaining(["client", "dataCategories", "assets", "jurisdictions"]),
    );
  });
});
