import "server-only";
import type { IncidentCipher } from "./incident-keys";
import type { NoticeField } from "@/domain/notices/notice-content";

// A notice's fields are stored as one sealed JSON text (its subject names the incident and
// obligation only). Its content hash is over the opened text, so the approved text is what is
// sent, shown and verified, whatever key wraps it.

export function sealNoticeFields(cipher: IncidentCipher, fields: readonly NoticeField[]): string {
  return cipher.seal("notice.fields", JSON.stringify(fields));
}

/** The fields as written; an array stored before encryption reads as it is. */
export function openNoticeFields(cipher: IncidentCipher, stored: unknown): NoticeField[] {
  if (Array.isArray(stored)) return stored as NoticeField[];
  if (typeof stored !== "string") return [];
  const opened = cipher.open("notice.fields", stored);
  try {
    return JSON.parse(opened) as NoticeField[];
  } catch {
    // erased or unreadable: the marker stands where the content was
    return [{ key: "content", label: "Content", value: opened }];
  }
}
