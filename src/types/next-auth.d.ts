import type { Role } from "@/domain/access/permissions";

declare module "next-auth" {
  interface Session {
    user?: { id: string; name?: string | null; email?: string | null; role?: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: string;
  }
}
