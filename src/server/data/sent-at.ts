/**
 * When a sent notice went out. Sending sets status and time together (send-notice), so a SENT
 * notice without a time is a broken row: it stops the read with an error naming the notice
 * rather than showing a blank or an invented date.
 */
export function sentAt(notice: { id: string; sentAt: Date | null }): Date {
  if (!notice.sentAt) throw new Error(`notice ${notice.id} is marked sent but has no sending time`);
  return notice.sentAt;
}
