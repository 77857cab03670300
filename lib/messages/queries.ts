import "server-only";
import { throughGate } from "@/lib/record/gate";
import type { Result } from "@/lib/validation/result";
import type { Actor } from "@/lib/record/actor";
import type { MessageDto } from "./dto";

export const MESSAGES_SHOWN = 20;

/** The messages to the citizen, newest first: for the citizen, and for areas allowed to see them. */
export async function readMessages(actor: Actor, citizenId: string): Promise<Result<MessageDto[]>> {
  return throughGate(actor, citizenId, "message.list", async ({ tx }) => {
    const rows = await tx.message.findMany({
      where: { citizenId },
      orderBy: { createdAt: "desc" },
      take: MESSAGES_SHOWN,
      select: { id: true, text: true, createdAt: true, staff: { select: { name: true } }, serviceArea: { select: { key: true } } },
    });
    return rows.map((m) => ({
      id: m.id,
      text: m.text,
      at: m.createdAt.toISOString(),
      staffName: m.staff.name,
      areaKey: m.serviceArea.key,
    }));
  });
}
