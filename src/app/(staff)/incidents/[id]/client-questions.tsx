import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatInstant } from "@/lib/datetime";
import type { QuestionThread } from "@/server/data/client-questions";
import { PageSection } from "./page-section";

/** The client's questions on this incident's notices, unanswered first; each answered on its notice. */
export function ClientQuestions({
  incidentId,
  threads,
  timeZone,
}: {
  incidentId: string;
  threads: readonly QuestionThread[];
  timeZone: string;
}) {
  const open = threads.filter((t) => t.unanswered).length;
  return (
    <PageSection
      id="questions"
      title="Questions from the client"
      intro={
        open ? `${open} awaiting an answer. Answers are given on the notice, where the client reads them.` : undefined
      }
    >
      {threads.length === 0 ? (
        <p className="text-sm text-slate-600">The client has asked nothing on this incident&apos;s notices.</p>
      ) : null}
      <ul className="space-y-3">
        {threads.map((t) => {
          const last = t.messages.at(-1);
          return (
            <li
              key={t.noticeId}
              className={`rounded-md border p-3 text-sm ${t.unanswered ? "border-amber-300 bg-amber-50" : "border-slate-200"}`}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  href={`/incidents/${incidentId}/notices/${t.noticeId}`}
                  className="font-medium text-brand-700 underline"
                >
                  {t.notice}
                </Link>
                {t.unanswered ? <Badge tone="amber">Awaiting our answer</Badge> : <Badge tone="green">Answered</Badge>}
              </div>
              {last ? (
                <blockquote className="mt-2 border-l-2 border-slate-300 pl-3">
                  <p className="whitespace-pre-wrap break-words">{last.body}</p>
                  <footer className="mt-1 text-xs text-slate-600">
                    {last.author}
                    {last.fromClient ? " (client)" : ""}, {formatInstant(last.at, timeZone)} · {t.messages.length}{" "}
                    message{t.messages.length === 1 ? "" : "s"}
                  </footer>
                </blockquote>
              ) : null}
            </li>
          );
        })}
      </ul>
    </PageSection>
  );
}
