import "server-only";
import type { Tx } from "../../db";
import { incidentWhere } from "../../data/scope";
import { fail } from "../result";
import { writeCipher } from "../../crypto/incident-keys";
import { openNoticeFields } from "../../crypto/sealed-notice";
import type { ServiceContext } from "../context";

/** The notice if the viewer may see its incident, with its fields opened under the incident's key. */
export async function loadNotice(tx: Tx, ctx: ServiceContext, noticeId: string) {
  const notice = await tx.notice.findFirst({
    where: { id: noticeId, incident: incidentWhere(ctx.viewer) },
    include: { incident: true, obligation: true },
  });
  if (!notice) fail("NOT_FOUND", "No such notice, or it is not one of your clients'.");
  return { ...notice, fields: openNoticeFields(await writeCipher(tx, notice.incident), notice.fields) };
}
