import "server-only";
import { z } from "zod";
import { directoryDb } from "@/lib/db/directory";
import { systemDb } from "@/lib/db/system";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor, StaffScope } from "@/lib/record/actor";
import { lockCitizenWork, type Tx } from "@/lib/record/tx";
import type { Result } from "@/lib/validation/result";
import { besideCommand } from "@/lib/record/command";
import { isStaff } from "./caseload";
import { consentInForceWhere } from "@/lib/access/in-force";
import type { LookReason } from "./look-reasons";
import type { CprLookupPurpose } from "./cpr";

/**
 * An area lead's team: the area's caseworkers, the citizens the area works
 * with, and who is assigned to whom. Only a lead of the area (StaffArea.isLead,
 * read fresh from the database on every call) reads it or changes it; to
 * anyone else an area's team does not exist. This is the area's own case data
 * (names and assignments), not the citizen's record: the plan itself is read
 * only through the gate. The lead also oversees how the area's people look:
 * the reasons stated for looking without working with a citizen, and the CPR
 * lookups that found nobody (who, when, why; never a number).
 */

const choice = z.uuid({ error: "Validation.chooseOne" });
export const assignCaseworkerSchema = z.object({
  serviceAreaId: z.uuid({ error: "Validation.invalid" }),
  citizenId: choice,
  staffId: choice,
});
export const endAssignmentSchema = z.object({ assignmentId: z.uuid({ error: "Validation.invalid" }) });

export type TeamDto = {
  area: { id: string; key: string };
  caseworkers: { staffId: string; name: string; isLead: boolean; citizens: number }[];
  citizens: {
    citizenId: string;
    name: string;
    assigned: { assignmentId: string; staffId: string; name: string; coordinator: boolean }[];
  }[];
  /** Looking without working with the citizen, for the last OVERSIGHT_DAYS: the reasons stated in this area (decision 029). */
  looked: { id: string; staffName: string; citizenName: string; reason: LookReason; at: Date }[];
  /** CPR lookups by the area's people that found nobody, for the last OVERSIGHT_DAYS (decision 033). */
  misses: { id: string; staffName: string; purpose: CprLookupPurpose; at: Date }[];
};

/** How far back a lead sees stated reasons and lookups that found nobody; at most OVERSIGHT_ROWS of each. */
export const OVERSIGHT_DAYS = 30;
const OVERSIGHT_ROWS = 50;

type StaffActor = Extract<Actor, { kind: "user" }> & { staff: StaffScope };
const NOT_FOUND = { ok: false, error: "not-found" } as const;

/** The areas `actor` leads, among the areas of their session and municipality. */
function ledBy(actor: StaffActor, serviceAreaId?: string): Prisma.StaffAreaWhereInput {
  const mine = [...actor.staff.serviceAreaIds];
  return {
    staffId: actor.staff.staffId,
    isLead: true,
    serviceAreaId: serviceAreaId === undefined ? { in: mine } : mine.includes(serviceAreaId) ? serviceAreaId : { in: [] },
    serviceArea: { municipalityId: actor.staff.municipalityId },
  };
}

const leads = async (tx: Tx, actor: StaffActor, serviceAreaId: string) =>
  (await tx.staffArea.count({ where: ledBy(actor, serviceAreaId) })) > 0;

/** The areas the caseworker leads, in the municipality's order (for a "your team" link); none for anyone else. */
export async function leadAreas(actor: Actor): Promise<{ id: string; key: string }[]> {
  if (!isStaff(actor)) return [];
  const rows = await systemDb().staffArea.findMany({
    where: ledBy(actor),
    orderBy: { serviceArea: { createdAt: "asc" } },
    select: { serviceArea: { select: { id: true, key: true } } },
  });
  return rows.map((r) => r.serviceArea);
}

/** A caseworker's short navigation (docs/decisions/035, 040): none for anyone else; the team's page for an area lead. */
export async function staffNavigation(actor: Actor): Promise<{ lead: boolean } | null> {
  if (!isStaff(actor)) return null;
  return { lead: (await leadAreas(actor)).length > 0 };
}

/** Citizens the area already knows: an active assignment in it, a pending request from it, or its consent in force. */
function knownTo(serviceAreaId: string, now: Date): Prisma.CitizenWhereInput {
  return {
    OR: [
      { assignments: { some: { serviceAreaId, endedAt: null } } },
      { consentRequests: { some: { serviceAreaId, status: "PENDING" } } },
      { consents: { some: { serviceAreaId, ...consentInForceWhere(now) } } },
    ],
  };
}

/** The team of one area the actor leads; null for anyone who does not lead it. */
export async function readTeam(actor: Actor, serviceAreaId: string, now = new Date()): Promise<TeamDto | null> {
  if (!isStaff(actor) || !z.uuid().safeParse(serviceAreaId).success) return null;
  const municipalityId = actor.staff.municipalityId;
  return directoryDb().$transaction(async (tx) => {
    if (!(await leads(tx, actor, serviceAreaId))) return null;
    const area = await tx.serviceArea.findUniqueOrThrow({ where: { id: serviceAreaId }, select: { id: true, key: true } });
    const members = await tx.staffArea.findMany({
      where: { serviceAreaId, staff: { municipalityId } },
      orderBy: { staff: { name: "asc" } },
      select: { isLead: true, staff: { select: { id: true, name: true } } },
    });
    const citizens = await tx.citizen.findMany({
      where: { municipalityId, ...knownTo(serviceAreaId, now) },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        coordination: { select: { staffId: true } },
        assignments: {
          where: { serviceAreaId, endedAt: null },
          orderBy: { startedAt: "asc" },
          select: { id: true, staffId: true, staff: { select: { name: true } } },
        },
      },
    });
    const since = new Date(now.getTime() - OVERSIGHT_DAYS * 86_400_000);
    const looked = await tx.statedReason.findMany({
      // only citizens the area still knows: one who withdrew the consent is no longer the area's to list
      where: { serviceAreaId, createdAt: { gte: since }, citizen: knownTo(serviceAreaId, now) },
      orderBy: { createdAt: "desc" },
      take: OVERSIGHT_ROWS,
      select: { id: true, reason: true, createdAt: true, staff: { select: { name: true } }, citizen: { select: { name: true } } },
    });
    const misses = await tx.cprLookupMiss.findMany({
      // by the areas the searcher was in when they searched, not the ones they are in now
      where: { municipalityId, at: { gte: since }, serviceAreaIds: { has: serviceAreaId } },
      orderBy: { at: "desc" },
      take: OVERSIGHT_ROWS,
      select: { id: true, purpose: true, at: true, staff: { select: { name: true } } },
    });
    const load = new Map<string, number>();
    for (const c of citizens) for (const a of c.assignments) load.set(a.staffId, (load.get(a.staffId) ?? 0) + 1);
    return {
      area,
      caseworkers: members.map((m) => ({ staffId: m.staff.id, name: m.staff.name, isLead: m.isLead, citizens: load.get(m.staff.id) ?? 0 })),
      citizens: citizens.map((c) => ({
        citizenId: c.id,
        name: c.name,
        assigned: c.assignments.map((a) => ({
          assignmentId: a.id,
          staffId: a.staffId,
          name: a.staff.name,
          coordinator: c.coordination?.staffId === a.staffId,
        })),
      })),
      looked: looked.map((r) => ({ id: r.id, staffName: r.staff.name, citizenName: r.citizen.name, reason: r.reason, at: r.createdAt })),
      misses: misses.map((m) => ({ id: String(m.id), staffName: m.staff.name, purpose: m.purpose, at: m.at })),
    };
  });
}

/**
 * A lead assigns a caseworker of the area to a citizen the area already knows.
 * Not a lead of the area: not found. A caseworker outside the area, a citizen
 * the area does not know (or of another municipality), or an assignment that
 * already exists: field errors.
 */
export const assignCaseworker = besideCommand(
  "team.assign",
  assignCaseworkerSchema,
  async (user, { serviceAreaId, citizenId, staffId }) => {
    const actor = user as StaffActor;
    const municipalityId = actor.staff.municipalityId;
    const now = new Date();
    return directoryDb().$transaction(async (tx): Promise<Result<{ assignmentId: string }>> => {
      if (!(await leads(tx, actor, serviceAreaId))) return NOT_FOUND;
      await lockCitizenWork(tx, citizenId);
      const member = await tx.staffArea.count({ where: { staffId, serviceAreaId, staff: { municipalityId } } });
      const known = await tx.citizen.count({ where: { id: citizenId, municipalityId, ...knownTo(serviceAreaId, now) } });
      const errors: Record<string, string[]> = {};
      if (!known) errors.citizenId = ["Validation.invalid"];
      if (!member) errors.staffId = ["Validation.invalid"];
      else if (known && (await tx.assignment.count({ where: { citizenId, staffId, serviceAreaId, endedAt: null } })))
        errors.staffId = ["Validation.alreadyAssigned"];
      if (Object.keys(errors).length) return { ok: false, error: "invalid", fieldErrors: errors };
      const assignment = await tx.assignment.create({ data: { citizenId, staffId, serviceAreaId, startedAt: now }, select: { id: true } });
      return { ok: true, value: { assignmentId: assignment.id } };
    });
  },
);

/**
 * A lead ends a caseworker's assignment in the area. Refused while that
 * caseworker holds the citizen's red thread: nobody leaves the coordinator
 * role without a successor, so the thread is handed over first. Not a lead of
 * the area, or no such active assignment: not found.
 */
export const endAssignment = besideCommand("team.end-assignment", endAssignmentSchema, async (user, { assignmentId }) => {
  const actor = user as StaffActor;
  return directoryDb().$transaction(async (tx): Promise<Result<{ assignmentId: string }>> => {
    const found = await tx.assignment.findFirst({
      where: { id: assignmentId, endedAt: null, citizen: { municipalityId: actor.staff.municipalityId } },
      select: { citizenId: true, serviceAreaId: true },
    });
    if (!found || !(await leads(tx, actor, found.serviceAreaId))) return NOT_FOUND;
    await lockCitizenWork(tx, found.citizenId);
    // read again under the lock: the red thread may have changed hands meanwhile
    const assignment = await tx.assignment.findFirst({
      where: { id: assignmentId, endedAt: null },
      select: { staffId: true, citizen: { select: { coordination: { select: { staffId: true } } } } },
    });
    if (!assignment) return NOT_FOUND;
    if (assignment.citizen.coordination?.staffId === assignment.staffId)
      return { ok: false, error: "invalid", fieldErrors: { _form: ["Validation.handOverFirst"] } };
    const { count } = await tx.assignment.updateMany({ where: { id: assignmentId, endedAt: null }, data: { endedAt: new Date() } });
    return count ? { ok: true, value: { assignmentId } } : NOT_FOUND;
  });
});
