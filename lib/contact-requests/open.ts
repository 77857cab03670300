import "server-only";
import type { Tx } from "@/lib/record/tx";
import { contactDue } from "./working-days";

/**
 * A new "contact me" with its deadline: the municipality's number of working
 * days (two unless it set another) from now. One open request per citizen and
 * asker is held by partial unique indexes: the caller says what to answer when
 * two race. Shared by the citizen's own request (lib/contact-requests/commands.ts)
 * and a relative's (there, and lib/relatives/space.ts).
 */
export async function openContactRequest(
  tx: Tx,
  r: {
    citizenId: string;
    askedByUserId: string | null;
    about: "CITIZEN" | "ASKER";
    text: string;
    channel: "PHONE" | "SMS" | "EMAIL" | "LETTER" | "VISIT" | null;
    now: Date;
  },
) {
  const { municipality } = await tx.citizen.findUniqueOrThrow({
    where: { id: r.citizenId },
    select: { municipality: { select: { contactDueWorkingDays: true } } },
  });
  const dueAt = contactDue(r.now, municipality.contactDueWorkingDays);
  return tx.contactRequest.create({
    data: { citizenId: r.citizenId, askedByUserId: r.askedByUserId, about: r.about, text: r.text, channel: r.channel, dueAt },
  });
}

/** Whether `userId` already has an open request for this citizen (theirs; the citizen's own has no asker). */
export const hasOpenRequest = async (tx: Tx, citizenId: string, askedByUserId: string | null) =>
  (await tx.contactRequest.count({ where: { citizenId, askedByUserId, closedAt: null } })) > 0;

/**
 * The same, writing nothing (and answering null) when the asker has one open already — held by the partial
 * unique index even when two arrive at once — rather than failing the caller's transaction.
 */
export async function openContactRequestOnce(tx: Tx, r: Parameters<typeof openContactRequest>[1]) {
  const { municipality } = await tx.citizen.findUniqueOrThrow({
    where: { id: r.citizenId },
    select: { municipality: { select: { contactDueWorkingDays: true } } },
  });
  const dueAt = contactDue(r.now, municipality.contactDueWorkingDays);
  const [row] = await tx.contactRequest.createManyAndReturn({
    data: [{ citizenId: r.citizenId, askedByUserId: r.askedByUserId, about: r.about, text: r.text, channel: r.channel, dueAt }],
    skipDuplicates: true,
  });
  return row ?? null;
}
