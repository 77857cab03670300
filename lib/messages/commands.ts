import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Actor } from "@/lib/record/actor";
import { fieldErrors, type Result } from "@/lib/validation/result";
import { sendMessageSchema } from "./schema";

/** A caseworker writes to the citizen, for an area whose consent lets it; marked with the area and person. */
export async function sendMessage(actor: Actor, input: unknown): Promise<Result<{ messageId: string }>> {
  const parsed = sendMessageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { citizenId, text } = parsed.data;
  if (actor.kind !== "user" || !actor.staff) return { ok: false, error: "not-found" };
  const staffId = actor.staff.staffId;
  return throughGate(
    actor,
    citizenId,
    { part: "MESSAGES", action: "WRITE", purpose: "send-message", roles: ["STAFF"] },
    async ({ tx, changed, serviceAreaId }) => {
      const message = await tx.message.create({ data: { citizenId, serviceAreaId: serviceAreaId!, staffId, text } });
      changed({ entity: "Message", entityId: message.id, before: null, after: { text } });
      return { messageId: message.id };
    },
  );
}
