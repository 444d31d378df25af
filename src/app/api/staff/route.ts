import { authorize } from "@/server/viewer";
import { listAssignableStaffCached } from "@/server/data/incidents";
import { apiError } from "@/lib/api-error";
import { withApiErrors } from "@/server/api-handler";

export const dynamic = "force-dynamic";

// The colleagues who may own incidents in the viewer's scope, for the list's owner filter
// (loaded when the filter is first used, so the list page need not carry every name).
async function handleGET() {
  const auth = await authorize("incident:read");
  if (!auth.ok)
    return auth.code === "UNAUTHENTICATED"
      ? apiError("UNAUTHENTICATED", "Sign in first.")
      : apiError("NOT_FOUND", "Not found.");
  const staff = await listAssignableStaffCached(auth.viewer);
  return Response.json(
    { people: staff.map((s) => ({ id: s.id, name: s.name })) },
    { headers: { "cache-control": "private, no-store" } },
  );
}

export const GET = withApiErrors("/api/staff GET", handleGET);
