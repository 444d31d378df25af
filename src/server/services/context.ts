import type { Viewer } from "@/domain/access/can";

/** Who acts, when, and the request's trace for the audit trail. */
export type ServiceContext = {
  viewer: Viewer;
  now: Date;
  requestId?: string | null;
  ip?: string | null;
};
