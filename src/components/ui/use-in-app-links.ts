"use client";

import { useRouter } from "next/navigation";

/**
 * A click handler for a container of plain links (a table's rows, a navigation bar): a plain
 * left click on a link opens it inside the app, as Link does; modified clicks (new tab,
 * download) and pages without script follow the link. One listener instead of a Link per item,
 * for markup drawn on every request.
 */
export function useInAppLinks(): (event: React.MouseEvent<HTMLElement>) => void {
  const router = useRouter();
  return (event) => {
    const link = (event.target as Element).closest("a");
    const href = link?.getAttribute("href");
    if (!link || !href || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    if (link.target || link.hasAttribute("download")) return;
    event.preventDefault();
    router.push(href);
  };
}
