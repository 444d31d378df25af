"use client";

import { useEffect, useRef } from "react";
import { markNoticeRead } from "@/server/actions/mark-notice-read";

/**
 * Records that the contact has the notice in front of them: one POST once the page is shown
 * (and visible), so rendering the page stays a read and a prefetch marks nothing.
 */
export function MarkNoticeRead({ noticeId }: { noticeId: string }) {
  const sent = useRef<string | null>(null);
  useEffect(() => {
    const post = () => {
      if (sent.current === noticeId || document.visibilityState !== "visible") return;
      sent.current = noticeId;
      markNoticeRead(noticeId).catch(() => {
        sent.current = null;
      });
    };
    post();
    document.addEventListener("visibilitychange", post);
    return () => document.removeEventListener("visibilitychange", post);
  }, [noticeId]);
  return null;
}
