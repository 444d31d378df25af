import { randomUUID } from "node:crypto";
import { loadViewer } from "@/server/data/load-viewer";
import { can, type Viewer } from "@/domain/access/can";
import type { Permission } from "@/domain/access/permissions";

// Stand-ins for the modules that tie actions, routes and loaders to a Next request, so that a db
// test can call them "as" a person. The viewer is read with the app's own loader
// (data/load-viewer.ts), from the database, on every call — as authorize({ fresh }) does.
// A test file wires them with:
//   vi.mock("@/server/viewer", () => import("../support/next-mocks").then((m) => m.viewerModule));
//   vi.mock("next/headers", () => import("../support/next-mocks").then((m) => m.headersModule));
//   vi.mock("next/cache", () => import("../support/next-mocks").then((m) => m.cacheModule));
//   vi.mock("next/navigation", () => import("../support/next-mocks").then((m) => m.navigationModule));

let current: { userId: string; sessionId: string; viewer?: Promise<Viewer | null> } | null = null;

/**
 * Every following call runs as this person (null: nobody signed in). `reuseViewer`: read them
 * once, not on every call (for the fuzzer's thousands of calls as one unchanging person).
 */
export function actAs(userId: string | null, { reuseViewer = false } = {}) {
  current = userId ? { userId, sessionId: randomUUID(), viewer: reuseViewer ? loadViewer(userId) : undefined } : null;
}

/** next/navigation's redirect and notFound end the request by throwing; so do these. */
export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}
export class NotFoundSignal extends Error {
  constructor() {
    super("not found");
  }
}

async function getViewer(): Promise<Viewer | null> {
  return current ? (current.viewer ?? loadViewer(current.userId)) : null;
}

export const viewerModule = {
  getViewer,
  getSessionGate: async () =>
    current
      ? { status: "complete" as const, userId: current.userId, sessionId: current.sessionId }
      : { status: "none" as const },
  authorize: async (permission: Permission) => {
    const viewer = await getViewer();
    if (!viewer) return { ok: false as const, code: "UNAUTHENTICATED" as const };
    if (!can(viewer, permission)) return { ok: false as const, code: "NOT_FOUND" as const };
    return { ok: true as const, viewer };
  },
  requireViewer: async (permission: Permission) => {
    const viewer = await getViewer();
    if (!viewer) throw new RedirectSignal("/login");
    if (!can(viewer, permission)) throw new NotFoundSignal();
    return viewer;
  },
  requireSignedIn: async () => {
    const viewer = await getViewer();
    if (!viewer || !current) throw new RedirectSignal("/login");
    return { viewer, sessionId: current.sessionId };
  },
};

export const headersModule = {
  headers: async () => new Headers({ host: "localhost:3000", "user-agent": "vitest", "x-forwarded-for": "127.0.0.1" }),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    set: () => undefined,
    delete: () => undefined,
    has: () => false,
  }),
};

export const cacheModule = { revalidatePath: () => undefined, revalidateTag: () => undefined };

export const navigationModule = {
  redirect: (url: string): never => {
    throw new RedirectSignal(url);
  },
  notFound: (): never => {
    throw new NotFoundSignal();
  },
  /** Next's own signals pass through a catch; anything else is the caller's to handle. */
  unstable_rethrow: (error: unknown): void => {
    if (error instanceof RedirectSignal || error instanceof NotFoundSignal) throw error;
  },
};
