import type { SessionRow } from "@/server/data/account-security";
import { formatInstant } from "@/lib/datetime";
import { EndSessionButton, EndOtherSessionsButton, SignOutEverywhereButton } from "./session-buttons";

/** The person's open sessions: device, address, last use; each can be ended, or all others, or all. */
export function SessionsSection({ sessions, timeZone }: { sessions: SessionRow[]; timeZone: string }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section aria-labelledby="sessions-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        Where you are signed in
      </h2>
      <ul className="divide-y divide-slate-100">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="text-sm">
              <p className="font-medium">
                {s.device}
                {s.current ? (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800">
                    this browser
                  </span>
                ) : null}
              </p>
              <p className="text-slate-600">
                {s.ip ?? "address unknown"} · signed in {formatInstant(s.createdAt, timeZone)} · last active{" "}
                {formatInstant(s.lastSeenAt, timeZone)}
              </p>
            </div>
            <EndSessionButton
              sessionId={s.id}
              current={s.current}
              label={`${s.device}, ${s.ip ?? "address unknown"}`}
            />
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3 border-t border-slate-100 pt-3">
        {others ? <EndOtherSessionsButton /> : null}
        <SignOutEverywhereButton />
      </div>
    </section>
  );
}
