import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";
import { withApiErrors } from "@/server/api-handler";

// Options are built per request (not at import) so that building the app needs no secrets.
type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions(req.headers));
}

// A failure inside next-auth answers JSON with a reference, never its message.
const guarded = withApiErrors("/api/auth", handler);

export { guarded as GET, guarded as POST };
