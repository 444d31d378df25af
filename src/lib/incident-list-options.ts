// The incident list's sort orders and status choices, shared by the URL parser and the filters.

export const SORTS = ["aware_desc", "aware_asc", "updated_desc", "severity_desc"] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABEL: Record<Sort, string> = {
  aware_desc: "Newest first",
  aware_asc: "Oldest first",
  updated_desc: "Recently updated",
  severity_desc: "Most severe first",
};

export const STATUSES = ["open", "closed", "all"] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABEL: Record<Status, string> = { open: "Open", closed: "Closed", all: "All" };
