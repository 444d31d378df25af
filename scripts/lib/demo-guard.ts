import { isIP } from "node:net";

// The demo organization's password (and its authenticator secrets) are published: it may exist
// only where nobody else can reach the server, unless someone says in so many words that it may.

/** Whether a listen address reaches this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopback(hostname: string): boolean {
  const h = hostname
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || /^::ffff:127\./.test(h) || h === "0:0:0:0:0:0:0:1";
  return false;
}

export type DemoDecision = { seed: boolean; message: string | null };

/** Whether `npm start` may create the demo organization, and what to tell whoever started it. */
export function demoDecision(wanted: boolean, hostname: string, allowOnNetwork: boolean): DemoDecision {
  if (!wanted) return { seed: false, message: null };
  if (isLoopback(hostname)) return { seed: true, message: null };
  if (allowOnNetwork) {
    return {
      seed: true,
      message: `WARNING: the demo organization, whose password is public, is being created on a server listening on ${hostname} (WARDEN_DEMO_ON_NETWORK=1). Anyone who can reach it can sign in as its administrator.`,
    };
  }
  return {
    seed: false,
    message: `not creating the demo organization: its password is public and the server listens on ${hostname}, not a loopback address. Set WARDEN_DEMO_ON_NETWORK=1 if you really mean to.`,
  };
}

/**
 * Whether the server may start at all: a demo organization left in the database by an earlier
 * loopback run is as open as a new one, so a network listen address refuses to serve it.
 */
export function demoPresentRefusal(demoExists: boolean, hostname: string, allowOnNetwork: boolean): string | null {
  if (!demoExists || isLoopback(hostname) || allowOnNetwork) return null;
  return `refusing to listen on ${hostname}: this database holds the demo organization, whose password and authenticator secrets are public. Delete it (npm run db:reset wipes the embedded database), listen on 127.0.0.1, or set WARDEN_DEMO_ON_NETWORK=1 if you really mean to.`;
}
