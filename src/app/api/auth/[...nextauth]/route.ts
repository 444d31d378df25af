import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";

// Options are built per request (not at import) so that building the app needs no secrets.
type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions(req.headers));
}

export { handler as GET, handler as POST };
