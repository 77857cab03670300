import "server-only";
import { command, staffOf } from "@/lib/record/command";
import { sendMessageSchema } from "./schema";
import { pathFor } from "@/lib/notify/kinds";
import { citizenUser } from "@/lib/notify/recipients";

/** A caseworker writes to the citizen, for an area whose consent lets it; marked with the area and person. */
export const sendMessage = command("message.send", sendMessageSchema, async (ctx, { citizenId, text }) => {
  const { tx, changed, serviceAreaId } = ctx;
  const message = await tx.message.create({ data: { citizenId, serviceAreaId: serviceAreaId!, staffId: staffOf(ctx), text } });
  changed({ entity: "Message", entityId: message.id, before: null, after: { text } });
  ctx.tell({ to: [await citizenUser(tx, citizenId)], kind: "message", path: pathFor("message", { citizenId }), subjectId: message.id });
  return { messageId: message.id };
});
