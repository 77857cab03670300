import "server-only";
import { z } from "zod";
import { consentInForceWhere } from "@/lib/access/in-force";
import { throughGate } from "@/lib/record/gate";
import { command } from "@/lib/record/command";
import type { Actor } from "@/lib/record/actor";
import type { Result } from "@/lib/validation/result";

/** What a caseworker wrote down when they started the plan with the citizen, shown to the citizen until they keep or change it. */
export type StartedWithDto = {
  staffName: string;
  startedAt: string;
  name: string;
  channel: string | null;
  consents: {
    areaKey: string;
    parts: string[];
    validUntil: string | null;
    givenHow: "CONVERSATION" | "PAPER";
    recordedBy: string | null;
  }[];
};

/**
 * The citizen's own view of a plan a caseworker started with them (lib/staff/start-plan.ts): by whom, when,
 * and what was written down — their name, how to reach them, and the consent recorded from the conversation.
 * Null when the plan began on their own phone, or once they have kept or changed it.
 */
export async function startedWithMe(actor: Actor, citizenId: string): Promise<Result<StartedWithDto | null>> {
  return throughGate(actor, citizenId, "consent.list", async ({ tx, now }) => {
    const c = await tx.citizen.findUniqueOrThrow({
      where: { id: citizenId },
      select: { createdAt: true, startSeenAt: true, startedBy: { select: { name: true } } },
    });
    if (!c.startedBy || c.startSeenAt) return null;
    // what was written down then, from the change log: true even after the citizen has changed it since
    const written = await tx.changeLog.findFirst({
      // the first change to the record itself is its start
      where: { citizenId, entity: "Citizen", entityId: citizenId },
      orderBy: { at: "asc" },
      select: { after: true },
    });
    const then = (written?.after ?? {}) as { name?: string; channel?: string };
    // the consents recorded with them that still hold: one withdrawn or run out is not shown as if it did
    const consents = await tx.consent.findMany({
      where: { citizenId, givenHow: { not: "APP" }, ...consentInForceWhere(now) },
      orderBy: { createdAt: "asc" },
      select: {
        parts: true,
        validUntil: true,
        givenHow: true,
        serviceArea: { select: { key: true } },
        recordedBy: { select: { name: true } },
      },
    });
    return {
      // the caseworker's name as the municipality registered it, not one they can change themselves
      staffName: c.startedBy.name,
      startedAt: c.createdAt.toISOString(),
      name: then.name ?? "",
      channel: then.channel ?? null,
      consents: consents.map((k) => ({
        areaKey: k.serviceArea.key,
        // the name always comes with it: said on its own line, not as something they said yes to
        parts: k.parts.filter((p) => p !== "PROFILE"),
        validUntil: k.validUntil?.toISOString() ?? null,
        givenHow: k.givenHow as "CONVERSATION" | "PAPER",
        recordedBy: k.recordedBy?.name ?? null,
      })),
    };
  });
}

/** "Keep it": the citizen has seen what was written down with them; the notice goes. Changing it is done where each thing lives. */
export const keepStartedWith = command("profile.edit", z.object({ citizenId: z.string() }), async ({ tx, citizenId, now }) => {
  await tx.citizen.update({ where: { id: citizenId }, data: { startSeenAt: now } });
  return { kept: true };
});
