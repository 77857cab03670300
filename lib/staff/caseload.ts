import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/record/actor";
import { consentState } from "@/lib/access/policy";
import type { Part } from "@/lib/access/policy";
import { isId } from "@/lib/validation/fields";

/**
 * A caseworker's own work list: the citizens their areas are working with
 * (assignments) or whom they coordinate for, and for each whether their area
 * may see the plan yet (a consent in force) or is waiting for an answer. This
 * is the area's own case data — the citizen's name and the state of consent —
 * not the record; the plan itself is read only through the gate, and logged.
 */
export type CaseDto = {
  citizenId: string;
  name: string;
  areaKeys: string[];
  access: "consented" | "asked" | "none";
  coordinator: boolean;
};

type StaffActor = Extract<Actor, { kind: "user" }> & { staff: NonNullable<Extract<Actor, { kind: "user" }>["staff"]> };
export const isStaff = (actor: Actor): actor is StaffActor => actor.kind === "user" && Boolean(actor.staff);

/** The citizens matching `where`, as cases of this caseworker's areas; `assignments` picks whose assignments name the areas. */
async function cases(actor: StaffActor, where: Prisma.CitizenWhereInput, assignments: Prisma.AssignmentWhereInput, now: Date): Promise<CaseDto[]> {
  const { staffId, serviceAreaIds } = actor.staff;
  const mine = { serviceAreaId: { in: [...serviceAreaIds] } };
  const citizens = await db().citizen.findMany({
    where: { municipalityId: actor.staff.municipalityId, ...where },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      coordination: { select: { staffId: true } },
      assignments: { where: { ...assignments, endedAt: null }, select: { serviceArea: { select: { key: true } } } },
      consents: { where: mine, select: { parts: true, validFrom: true, validUntil: true, withdrawnAt: true } },
      consentRequests: { where: { ...mine, status: "PENDING" }, select: { id: true } },
    },
  });
  return citizens.map((c) => ({
    citizenId: c.id,
    name: c.name,
    areaKeys: [...new Set(c.assignments.map((a) => a.serviceArea.key))],
    access: c.consents.some((k) => consentState({ ...k, parts: k.parts as Part[] }, now) === "active") ? "consented" : c.consentRequests.length ? "asked" : "none",
    coordinator: c.coordination?.staffId === staffId,
  }));
}

export async function myCaseload(actor: Actor, now = new Date()): Promise<CaseDto[]> {
  if (!isStaff(actor)) return [];
  const { staffId } = actor.staff;
  return cases(actor, { OR: [{ assignments: { some: { staffId, endedAt: null } } }, { coordination: { staffId } }] }, { staffId }, now);
}

/**
 * Finding a citizen to ask for consent: by name, among the citizens the
 * caseworker's areas work with (an active assignment in one of their areas).
 * Nobody else is found by name.
 */
export async function findCitizens(actor: Actor, name: string): Promise<{ citizenId: string; name: string }[]> {
  const q = name.trim();
  if (!isStaff(actor) || q.length < 2 || q.length > 100) return [];
  const rows = await db().citizen.findMany({
    where: {
      municipalityId: actor.staff.municipalityId,
      name: { contains: q, mode: "insensitive" },
      assignments: { some: { serviceAreaId: { in: [...actor.staff.serviceAreaIds] }, endedAt: null } },
    },
    orderBy: { name: "asc" },
    take: 20,
    select: { id: true, name: true },
  });
  return rows.map((r) => ({ citizenId: r.id, name: r.name }));
}

/** One citizen of the caseworker's areas (an active assignment in one of them), with the state of consent; or null. */
export async function areaCase(actor: Actor, citizenId: string, now = new Date()): Promise<CaseDto | null> {
  if (!isStaff(actor) || !isId(citizenId)) return null;
  const inMyAreas = { serviceAreaId: { in: [...actor.staff.serviceAreaIds] } };
  const [found] = await cases(actor, { id: citizenId, assignments: { some: { ...inMyAreas, endedAt: null } } }, inMyAreas, now);
  return found ?? null;
}

/** The caseworker's own areas, in the municipality's order. */
export async function myAreas(actor: Actor): Promise<{ id: string; key: string }[]> {
  if (!isStaff(actor)) return [];
  return db().serviceArea.findMany({ where: { id: { in: [...actor.staff.serviceAreaIds] } }, orderBy: { createdAt: "asc" }, select: { id: true, key: true } });
}
