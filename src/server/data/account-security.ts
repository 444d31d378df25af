import "server-only";
import { db } from "../db";
import { parseId } from "@/lib/validation/ids";

export type AccountSecurity = {
  email: string;
  name: string;
  mfaEnrolledAt: Date | null;
  mfaRequired: boolean;
  recoveryCodesLeft: number;
};

/** The person's own second-factor state. Only ever called with the id of the session's own user. */
export async function accountSecurity(userId: string): Promise<AccountSecurity | null> {
  if (!parseId(userId)) return null;
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      role: true,
      totpEnabledAt: true,
      organization: { select: { mfaRequiredRoles: true } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  if (!user) return null;
  return {
    email: user.email,
    name: user.name,
    mfaEnrolledAt: user.totpEnabledAt,
    mfaRequired: user.organization.mfaRequiredRoles.includes(user.role),
    recoveryCodesLeft: user._count.recoveryCodes,
  };
}

export type SessionRow = {
  id: string;
  current: boolean;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/** The person's sessions that still stand (not ended, idle or expired), newest use first. */
export async function openSessionsOf(
  userId: string,
  currentSessionId: string,
  now = new Date(),
): Promise<SessionRow[]> {
  const rows = await db().session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true, idleTimeoutS: true },
  });
  return rows
    .filter((r) => r.lastSeenAt.getTime() + r.idleTimeoutS * 1000 > now.getTime())
    .map((r) => ({
      id: r.id,
      current: r.id === currentSessionId,
      device: deviceOf(r.userAgent),
      ip: r.ip,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
    }));
}

/** "Firefox on Windows": enough to recognise a device, from the stored (bounded) user agent. */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : /curl|node|undici/i.test(userAgent)
            ? "Script"
            : "Browser";
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return os ? `${browser} on ${os}` : browser;
}
