import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/record/actor";
import type { RelativePermission } from "@/lib/access/policy";

/**
 * A small world of its own for one test: a municipality with two areas, a
 * citizen, and the people around them. Tests never share rows.
 */
export async function makeWorld(db: Db) {
  const tag = randomUUID().slice(0, 8);
  const municipality = await db.municipality.create({ data: { slug: `m-${tag}`, name: `Testkommune ${tag}` } });
  const [areaA, areaB] = await Promise.all(
    ["elderly-care", "job-education"].map((key) =>
      db.serviceArea.create({ data: { municipalityId: municipality.id, key, nameDa: key, nameEn: key } }),
    ),
  );
  const user = (label: string) =>
    db.user.create({ data: { id: randomUUID(), name: `${label} ${tag}`, email: `${label}-${tag}@example.test` } });

  const citizenUser = await user("citizen");
  const citizen = await db.citizen.create({ data: { municipalityId: municipality.id, name: `Borger ${tag}`, userId: citizenUser.id } });
  const otherCitizenUser = await user("other");
  const otherCitizen = await db.citizen.create({
    data: { municipalityId: municipality.id, name: `Anden ${tag}`, userId: otherCitizenUser.id },
  });

  async function staffIn(label: string, areas: { id: string }[], municipalityId = municipality.id) {
    const u = await user(label);
    const staff = await db.staffMember.create({
      data: { userId: u.id, municipalityId, name: u.name, issuer: "https://idp.test", subject: u.id },
    });
    for (const a of areas) await db.staffArea.create({ data: { staffId: staff.id, serviceAreaId: a.id } });
    return {
      kind: "user",
      userId: u.id,
      citizenId: null,
      staff: { staffId: staff.id, municipalityId, serviceAreaIds: areas.map((a) => a.id) },
    } satisfies Actor;
  }
  async function relativeWith(label: string, permissions: RelativePermission[], over: { endedAt?: Date; validUntil?: Date } = {}) {
    const u = await user(label);
    await db.relationship.create({ data: { citizenId: citizen.id, userId: u.id, permissions, ...over } });
    return { kind: "user", userId: u.id, citizenId: null, staff: null } satisfies Actor;
  }

  /** A caseworker starts working with the citizen for an area (need to know, decision 029). */
  async function assign(actor: Actor, area: { id: string }, citizenId = citizen.id) {
    if (actor.kind !== "user" || !actor.staff) throw new Error("assign: not a caseworker");
    await db.assignment.create({ data: { citizenId, staffId: actor.staff.staffId, serviceAreaId: area.id } });
  }

  const actors = {
    citizen: { kind: "user", userId: citizenUser.id, citizenId: citizen.id, staff: null } satisfies Actor,
    otherCitizen: { kind: "user", userId: otherCitizenUser.id, citizenId: otherCitizen.id, staff: null } satisfies Actor,
    anonymous: { kind: "anonymous" } satisfies Actor,
    staffA: await staffIn("staff-a", [areaA!]),
    staffB: await staffIn("staff-b", [areaB!]),
  };
  return { tag, municipality, areaA: areaA!, areaB: areaB!, citizen, otherCitizen, actors, staffIn, relativeWith, assign };
}

/** Points lib/db at `url` for this test file (lib/db keeps one client per process). */
export async function useDatabase(url: string) {
  const shared = globalThis as { __db?: { $disconnect(): Promise<void> } };
  await shared.__db?.$disconnect();
  delete shared.__db;
  process.env.DATABASE_URL = url;
}
