import { alertsOpenApi } from "@/lib/openapi/alerts-openapi";
import { withApiErrors } from "@/server/api-handler";

export const dynamic = "force-static";

// The alerts API's OpenAPI 3.1 document: public, like the API's documentation in the README.
async function handleGET() {
  return Response.json(alertsOpenApi(), { headers: { "cache-control": "public, max-age=300" } });
}

export const GET = withApiErrors("/api/v1/openapi.json GET", handleGET);
