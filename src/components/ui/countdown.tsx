"use client";

import { useEffect, useState } from "react";
import { describeCountdown } from "@/domain/deadlines/countdown";

/** A deadline that keeps counting while the page is open (once a minute). */
export function Countdown({ dueAt, settled }: { dueAt: string; settled?: boolean }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(id);
  }, []);
  if (settled) return <span className="text-slate-500">settled</span>;
  const { overdue, text } = describeCountdown(new Date(dueAt), now);
  return <span className={overdue ? "font-semibold text-red-700" : "text-slate-700"}>{text}</span>;
}
