// Demo data for the embedded database: a made-up municipality with the five
// standard service areas. Runs when the database has no municipality yet, so it
// never touches real data. Run by `npm run dev` / `npm start` on the embedded
// database, and by `npm run db:seed` (or `npm start -- --seed`) on an external one.
import { connect, type Db } from "../lib/db/connect";

export const DEMO_MUNICIPALITY = { slug: "solbjerg", name: "Solbjerg Kommune" };

export const STANDARD_AREAS = [
  { key: "elderly-care", nameDa: "Ældre og pleje", nameEn: "Elderly care" },
  { key: "health", nameDa: "Sundhed og genoptræning", nameEn: "Health and rehabilitation" },
  { key: "social-disability", nameDa: "Social og handicap", nameEn: "Social and disability support" },
  { key: "job-education", nameDa: "Job og uddannelse", nameEn: "Job and education" },
  { key: "children-family", nameDa: "Børn og familie", nameEn: "Children and family" },
] as const;

/** Seeds the demo municipality unless the database has a municipality. Returns whether it seeded. */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.municipality.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    const municipality = await tx.municipality.create({ data: DEMO_MUNICIPALITY });
    // one by one, so the areas keep their order (createdAt)
    for (const area of STANDARD_AREAS) await tx.serviceArea.create({ data: { ...area, municipalityId: municipality.id } });
  });
  return true;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const db = connect(url, { max: 1 });
  try {
    const seeded = await seedDemo(db);
    console.log(seeded ? "[seed] demo municipality created" : "[seed] the database has data already; nothing seeded");
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`[seed] ${e.message}`);
    process.exit(1);
  });
}
