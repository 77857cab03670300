import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/record/actor";

// The drills' world (tests/integration/crash-drill.int.test.ts, backup-drill.int.test.ts): many citizens
// and one caseworker who may write to each of them, made in a few statements.

/** `count` citizens, each with a consent that lets one caseworker's area write to them, and a sign-in to be told. */
export async function drillWorld(db: Db, count: number) {
  const tag = randomUUID().slice(0, 8);
  const municipality = await db.municipality.create({ data: { slug: `drill-${tag}`, name: `Drillkommune ${tag}` } });
  const area = await db.serviceArea.create({
    data: { municipalityId: municipality.id, key: "elderly-care", nameDa: "Ældre", nameEn: "Elderly" },
  });
  const staffUser = await db.user.create({ data: { id: randomUUID(), name: `Sagsbehandler ${tag}`, email: `staff-${tag}@example.test` } });
  const staff = await db.staffMember.create({
    data: {
      userId: staffUser.id,
      municipalityId: municipality.id,
      name: staffUser.name,
      issuer: "https://idp.test",
      subject: staffUser.id,
    },
  });
  await db.staffArea.create({ data: { staffId: staff.id, serviceAreaId: area.id } });
  const users = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), name: `Borger ${i}`, email: `c${i}-${tag}@example.test` }));
  await db.user.createMany({ data: users });
  const citizens = users.map((u, i) => ({ id: randomUUID(), municipalityId: municipality.id, name: `Borger ${i} ${tag}`, userId: u.id }));
  await db.citizen.createMany({ data: citizens });
  await db.consent.createMany({
    data: citizens.map((c) => ({ citizenId: c.id, serviceAreaId: area.id, parts: ["MESSAGES"], reason: "drill" })),
  });
  await db.assignment.createMany({ data: citizens.map((c) => ({ citizenId: c.id, staffId: staff.id, serviceAreaId: area.id })) });
  const actor = {
    kind: "user",
    userId: staffUser.id,
    citizenId: null,
    staff: { staffId: staff.id, municipalityId: municipality.id, serviceAreaIds: [area.id] },
  } satisfies Actor;
  return { actor, citizenIds: citizens.map((c) => c.id) };
}
