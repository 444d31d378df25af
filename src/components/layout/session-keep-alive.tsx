"use client";

import { useEffect } from "react";
import { touchSession } from "@/server/actions/touch-session";

const EVERY_MS = 4 * 60 * 1000;
const ACTIVITY = ["pointerdown", "keydown", "scroll", "visibilitychange"] as const;

/**
 * Tells the server this session is in use while the person is active, at most every few
 * minutes, so that reading counts against the idle timeout without a page view ever writing.
 * A tab left alone sends nothing and idles out.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = 0;
    const ping = () => {
      if (document.visibilityState !== "visible" || Date.now() - last < EVERY_MS) return;
      last = Date.now();
      touchSession().catch(() => undefined);
    };
    ping();
    for (const event of ACTIVITY) window.addEventListener(event, ping, { passive: true });
    return () => {
      for (const event of ACTIVITY) window.removeEventListener(event, ping);
    };
  }, []);
  return null;
}
