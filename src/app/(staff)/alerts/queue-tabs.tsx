import Link from "next/link";
import {
  QUEUE_TABS,
  QUEUE_TAB_LABEL,
  queueQueryString,
  type AlertQueueQuery,
  type QueueTab,
} from "@/lib/validation/alert-queue";

/** The queue's statuses as links (they keep the filters), the current one marked for screen readers. */
export function QueueTabs({ query, counts }: { query: AlertQueueQuery; counts: Record<QueueTab, number> }) {
  return (
    <nav aria-label="Alert status">
      <ul className="flex flex-wrap gap-2">
        {QUEUE_TABS.map((tab) => {
          const current = tab === query.tab;
          const qs = queueQueryString(query, tab);
          return (
            <li key={tab}>
              <Link
                href={qs ? `/alerts?${qs}` : "/alerts"}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-md border px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
                  current
                    ? "border-brand-600 bg-brand-50 font-semibold text-brand-800"
                    : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
                }`}
              >
                {QUEUE_TAB_LABEL[tab]} <span className="text-slate-500">({counts[tab]})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
