import "server-only";
import { directoryDb } from "@/lib/db/directory";
import { systemDb } from "@/lib/db/system";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/record/actor";
import { consentInForce, relationshipActiveWhere } from "@/lib/access/in-force";
import { fromDbDate, isId, lastDanishDay, todayInDenmark } from "@/lib/validation/fields";
import { readAcross } from "@/lib/record/gate";
import { answersContact, holders } from "@/lib/red-thread/holder";
import { COORDINATOR_PARTS } from "@/lib/access/operations";

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
async function cases(
  actor: StaffActor,
  where: Prisma.CitizenWhereInput,
  assignments: Prisma.AssignmentWhereInput,
  now: Date,
): Promise<CaseDto[]> {
  const { staffId, serviceAreaIds } = actor.staff;
  const mine = { serviceAreaId: { in: [...serviceAreaIds] } };
  const citizens = await directoryDb().citizen.findMany({
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
    access: c.consents.some((k) => consentInForce(k, now)) ? "consented" : c.consentRequests.length ? "asked" : "none",
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
  const rows = await directoryDb().citizen.findMany({
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
  return systemDb().serviceArea.findMany({
    where: { id: { in: [...actor.staff.serviceAreaIds] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, key: true },
  });
}

/**
 * Every area of the caseworker's municipality: a withdrawal the citizen tells any caseworker may be for any
 * area (which of them help the citizen is not shown: this is the municipality's list, the same for everyone).
 */
export async function municipalityAreas(actor: Actor): Promise<{ id: string; key: string }[]> {
  if (!isStaff(actor)) return [];
  return systemDb().serviceArea.findMany({
    where: { municipalityId: actor.staff.municipalityId },
    orderBy: { createdAt: "asc" },
    select: { id: true, key: true },
  });
}

export type WorkListDto = {
  /** The red thread offered to me, waiting for my answer. */
  handovers: { handoverId: string; citizenId: string; citizenName: string; fromName: string; offeredAt: string }[];
  /** Citizens I coordinate for who asked to be contacted, soonest deadline first. */
  contactRequests: {
    requestId: string;
    citizenId: string;
    citizenName: string;
    dueDay: string;
    overdue: boolean;
    /** A relative asked (as the citizen named them), about the citizen or about themselves; null: the citizen asked. */
    asker: { name: string | null; about: "CITIZEN" | "ASKER" } | null;
  }[];
  /** My areas' open agreements due within a week or overdue, soonest first. */
  agreementsDue: { citizenId: string; citizenName: string; what: string; areaKey: string; dueOn: string; overdue: boolean }[];
};

const WEEK_DAYS = 7;

/**
 * What needs me now, beside my caseload: handovers offered to me, requests for
 * contact (from the citizens I coordinate for, and from my citizens whom nobody
 * coordinates for, so none waits for nobody), with their deadlines, and my
 * areas' agreements due or overdue. All of it is read across the records
 * through the gate's `readAcross`: only where the citizen's consent lets my
 * area see it, and logged for each citizen whose item is shown.
 */
export async function myWorkList(actor: Actor, caseload: readonly CaseDto[]): Promise<WorkListDto> {
  if (!isStaff(actor)) return { handovers: [], contactRequests: [], agreementsDue: [] };
  const { staffId, serviceAreaIds } = actor.staff;
  // who offered me what: staff-to-staff case data; shown below only where my area may take the role
  const offered = await directoryDb().handover.findMany({
    where: { toStaffId: staffId, status: "OFFERED", citizen: { municipalityId: actor.staff.municipalityId } },
    orderBy: { offeredAt: "asc" },
    select: { id: true, citizenId: true, offeredAt: true, citizen: { select: { name: true } }, fromStaff: { select: { name: true } } },
  });
  const nameOf = new Map(caseload.map((c) => [c.citizenId, c.name]));
  const ids = [...new Set([...nameOf.keys(), ...offered.map((h) => h.citizenId)])];
  if (ids.length === 0) return { handovers: [], contactRequests: [], agreementsDue: [] };

  const { answerFor, ...work } = await readAcross(actor, ids, "work-list.read", async (tx, may, now) => {
    const today = todayInDenmark(now);
    // an offer shows only while my area may take the role (the whole of it): else it could only be refused
    const handovers = offered.filter((h) => COORDINATOR_PARTS.every((part) => may(h.citizenId, part)));
    const mine = [...nameOf.keys()];
    const threads = await holders(
      tx,
      mine.filter((id) => may(id, "CONTACT_REQUESTS")),
      now,
    );
    const answerFor = mine.filter((id) => may(id, "CONTACT_REQUESTS") && answersContact(threads.get(id), staffId));
    const agreementCitizens = mine.filter((id) => may(id, "AGREEMENTS"));
    // a relative's request about their own situation is theirs: read beside the record, after this
    const asked = answerFor.length
      ? await tx.contactRequest.findMany({
          where: { citizenId: { in: answerFor }, closedAt: null, about: "CITIZEN" },
          orderBy: { dueAt: "asc" },
          select: { id: true, citizenId: true, dueAt: true, about: true, askedByUserId: true },
        })
      : [];
    // a relative's request about the citizen only while they are still allowed to reach the coordinator
    const askers = await relativesOf(tx, asked, now, "CONTACT_COORDINATOR");
    const requests = asked.filter((r) => !r.askedByUserId || askers.has(`${r.citizenId}:${r.askedByUserId}`));
    const weekAhead = new Date(`${today}T00:00:00Z`);
    weekAhead.setUTCDate(weekAhead.getUTCDate() + WEEK_DAYS);
    const agreements = agreementCitizens.length
      ? await tx.agreement.findMany({
          where: {
            citizenId: { in: agreementCitizens },
            status: "OPEN",
            serviceAreaId: { in: [...serviceAreaIds] },
            dueOn: { lte: weekAhead },
          },
          orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
          take: 50,
          select: { citizenId: true, what: true, dueOn: true, serviceArea: { select: { key: true } } },
        })
      : [];
    return {
      value: {
        handovers: handovers.map((h) => ({
          handoverId: h.id,
          citizenId: h.citizenId,
          citizenName: h.citizen.name,
          fromName: h.fromStaff.name,
          offeredAt: h.offeredAt.toISOString(),
        })),
        answerFor,
        contactRequests: requests.map((r) => ({
          requestId: r.id,
          asker: r.askedByUserId ? { name: askers.get(`${r.citizenId}:${r.askedByUserId}`) ?? null, about: r.about } : null,
          citizenId: r.citizenId,
          citizenName: nameOf.get(r.citizenId)!,
          dueDay: lastDanishDay(r.dueAt)!,
          overdue: r.dueAt <= now,
        })),
        agreementsDue: agreements.map((a) => {
          const dueOn = fromDbDate(a.dueOn)!;
          return {
            citizenId: a.citizenId,
            citizenName: nameOf.get(a.citizenId)!,
            what: a.what,
            areaKey: a.serviceArea!.key,
            dueOn,
            overdue: dueOn < today,
          };
        }),
      },
      shown: [
        ...handovers.map((h) => ({ citizenId: h.citizenId, part: "RED_THREAD" as const })),
        ...requests.map((r) => ({ citizenId: r.citizenId, part: "CONTACT_REQUESTS" as const })),
        ...agreements.map((a) => ({ citizenId: a.citizenId, part: "AGREEMENTS" as const })),
      ],
    };
  });
  // relatives asking about their own situation, for the citizens whose "contact me" I answer: theirs, read
  // through the directory (not the citizen's record, nothing in the citizen's log)
  const now = new Date();
  const own = answerFor.length
    ? await directoryDb().contactRequest.findMany({
        where: { citizenId: { in: answerFor }, closedAt: null, about: "ASKER" },
        orderBy: { dueAt: "asc" },
        select: { id: true, citizenId: true, dueAt: true, about: true, askedByUserId: true },
      })
    : [];
  const relatives = await relativesOf(directoryDb(), own, now);
  const theirs = own
    .filter((r) => relatives.has(`${r.citizenId}:${r.askedByUserId}`))
    .map((r) => ({
      requestId: r.id,
      asker: { name: relatives.get(`${r.citizenId}:${r.askedByUserId}`) ?? null, about: r.about },
      citizenId: r.citizenId,
      citizenName: nameOf.get(r.citizenId)!,
      dueDay: lastDanishDay(r.dueAt)!,
      overdue: r.dueAt <= now,
    }));
  return {
    ...work,
    contactRequests: [...work.contactRequests, ...theirs].sort((a, b) => a.dueDay.localeCompare(b.dueDay)),
  };
}

/**
 * The askers among `requests` who are still the citizen's relatives (with `permission`, when given), keyed
 * "citizenId:userId", each with the name the citizen gave them in their network (never one they could change).
 */
async function relativesOf(
  tx: Pick<ReturnType<typeof directoryDb>, "relationship">,
  requests: readonly { citizenId: string; askedByUserId: string | null }[],
  now: Date,
  permission?: "CONTACT_COORDINATOR",
): Promise<Map<string, string | null>> {
  const asked = requests.filter((r) => r.askedByUserId);
  if (asked.length === 0) return new Map();
  const rows = await tx.relationship.findMany({
    where: {
      OR: asked.map((r) => ({ citizenId: r.citizenId, userId: r.askedByUserId! })),
      ...relationshipActiveWhere(now),
      ...(permission ? { permissions: { has: permission } } : {}),
    },
    select: { citizenId: true, userId: true, networkMember: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [`${r.citizenId}:${r.userId}`, r.networkMember?.name ?? null]));
}
