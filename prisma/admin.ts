// Setting up a municipality for real use, by its IT team (docs/operations.md):
//
//   npm run admin -- municipality --slug solbjerg --name "Solbjerg Kommune"
//       the municipality, with the five standard service areas
//   npm run admin -- staff-add --subject <subject at the identity provider> --name "Sara Holm" --area elderly-care [--lead] [--issuer URL]
//       a caseworker, bound to the staff identity provider's (issuer, subject): their first sign-in there
//       binds their account (docs/decisions/020-staff-powers-from-the-staff-sign-in.md). --area may be repeated.
//   npm run admin -- staff-list
//   npm run admin -- deliveries
//       notifications' deliveries by state and channel, and the newest that failed or are dead (why, never to whom)
//   npm run admin -- deliveries-retry --id <delivery id> | --all-dead
//       gives dead deliveries back to the queue (after the mail server, the SMS gateway or the keys are mended)
//   npm run admin -- vapid-keys
//       a new key pair for web push (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY)
//
// On DATABASE_URL, or on the embedded database (as its app role) when it is not set.
import { parseArgs } from "node:util";
import { z } from "zod";
import { connect, type Db } from "../lib/db/connect";
import { staffIssuerFrom } from "../lib/auth/staff-issuer";
import { STANDARD_AREAS } from "./seed";
import { withDatabase } from "../scripts/db.mjs";
import { PgBoss } from "pg-boss";
import webpush from "web-push";
import { DELIVER } from "../lib/notify/queue";

const municipalityInput = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/, { error: "--slug: lower-case letters, digits and dashes" }),
  name: z.string().trim().min(2, { error: "--name: the municipality's name" }).max(100),
});

/** The municipality with the standard service areas; refuses a second one (one municipality per installation). */
export async function addMunicipality(db: Db, input: z.input<typeof municipalityInput>) {
  const { slug, name } = municipalityInput.parse(input);
  return db.$transaction(async (tx) => {
    const existing = await tx.municipality.findFirst({ select: { slug: true } });
    if (existing) throw new Error(`this database already has a municipality (${existing.slug})`);
    const m = await tx.municipality.create({ data: { slug, name } });
    for (const area of STANDARD_AREAS) await tx.serviceArea.create({ data: { ...area, municipalityId: m.id } });
    return m;
  });
}

const staffInput = z.object({
  issuer: z.url({ error: "--issuer: the identity provider's issuer URL (or set STAFF_OIDC_ISSUER)" }),
  subject: z.string().trim().min(1, { error: "--subject: the person's subject (sub) at the identity provider" }).max(255),
  name: z.string().trim().min(2, { error: "--name: the caseworker's name, as citizens will see it" }).max(100),
  areas: z.array(z.string()).min(1, { error: "--area: at least one service area key" }),
  lead: z.boolean().default(false),
});

/** A caseworker in the given areas (lead of them with `lead`), waiting for their first sign-in through the provider. */
export async function addStaff(db: Db, input: z.input<typeof staffInput>) {
  const s = staffInput.parse(input);
  const issuer = staffIssuerFrom(s.issuer);
  return db.$transaction(async (tx) => {
    const municipality = await tx.municipality.findFirst({ include: { serviceAreas: true } });
    if (!municipality) throw new Error("no municipality yet: npm run admin -- municipality --slug … --name …");
    const areas = s.areas.map((key) => {
      const area = municipality.serviceAreas.find((a) => a.key === key);
      if (!area) throw new Error(`--area ${key}: no such area (${municipality.serviceAreas.map((a) => a.key).join(", ")})`);
      return area;
    });
    if (await tx.staffMember.findUnique({ where: { issuer_subject: { issuer, subject: s.subject } } }))
      throw new Error(`${s.subject} at ${issuer} is already a caseworker here`);
    return tx.staffMember.create({
      data: {
        municipalityId: municipality.id,
        name: s.name,
        issuer,
        subject: s.subject,
        areas: { create: areas.map((a) => ({ serviceAreaId: a.id, isLead: s.lead })) },
      },
    });
  });
}

/** Every caseworker: name, subject, areas, and whether their first sign-in has bound an account. */
export async function listStaff(db: Db) {
  const staff = await db.staffMember.findMany({
    orderBy: { name: "asc" },
    select: {
      name: true,
      issuer: true,
      subject: true,
      userId: true,
      areas: { select: { isLead: true, serviceArea: { select: { key: true } } } },
    },
  });
  return staff.map((s) => ({
    name: s.name,
    issuer: s.issuer,
    subject: s.subject,
    signedInYet: s.userId !== null,
    areas: s.areas.map((a) => (a.isLead ? `${a.serviceArea.key} (lead)` : a.serviceArea.key)),
  }));
}

/** How the deliveries stand, for an operator: counts by state and channel, and the newest that failed or died. */
export async function deliveryReport(db: Db) {
  const counts = await db.notificationDelivery.groupBy({ by: ["status", "channel"], _count: { _all: true }, orderBy: [{ status: "asc" }] });
  const troubled = await db.notificationDelivery.findMany({
    where: { status: { in: ["DEAD", "FAILED"] } },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: { id: true, channel: true, status: true, attempts: true, lastError: true, updatedAt: true },
  });
  return { counts: counts.map((c) => ({ status: c.status, channel: c.channel, count: c._count._all })), troubled };
}

/** Gives dead deliveries back to the queue, as new jobs: each is still keyed, so one already sent is not sent again. */
export async function retryDeliveries(db: Db, url: string, which: { id?: string; allDead?: boolean }) {
  const where = which.id ? { id: which.id, status: "DEAD" as const } : which.allDead ? { status: "DEAD" as const } : null;
  if (!where) throw new Error("--id <delivery id> or --all-dead");
  const dead = await db.notificationDelivery.findMany({ where, select: { id: true } });
  if (dead.length === 0) return 0;
  const boss = new PgBoss({
    connectionString: url,
    schema: "pgboss",
    createSchema: false,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  try {
    await db.notificationDelivery.updateMany({
      where: { id: { in: dead.map((d) => d.id) } },
      data: { status: "WAITING", dueAt: new Date() },
    });
    await boss.insert(
      DELIVER,
      dead.map((d) => ({ data: { deliveryId: d.id } })),
    );
  } finally {
    await boss.stop({ graceful: false });
  }
  return dead.length;
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      slug: { type: "string" },
      name: { type: "string" },
      issuer: { type: "string" },
      subject: { type: "string" },
      area: { type: "string", multiple: true },
      lead: { type: "boolean" },
      id: { type: "string" },
      "all-dead": { type: "boolean" },
    },
  });
  // as the app's role: the IT team's chores are rows the app writes too, never DDL (decision 027)
  await withDatabase(async ({ appUrl: url }: { appUrl: string }) => {
    const db = connect(url, { max: 1 });
    try {
      if (command === "municipality") {
        const m = await addMunicipality(db, { slug: values.slug ?? "", name: values.name ?? "" });
        console.log(`[admin] ${m.name} (${m.slug}) with the five standard service areas`);
      } else if (command === "staff-add") {
        await addStaff(db, {
          issuer: values.issuer ?? process.env.STAFF_OIDC_ISSUER ?? "",
          subject: values.subject ?? "",
          name: values.name ?? "",
          areas: values.area ?? [],
          lead: values.lead ?? false,
        });
        console.log(`[admin] ${values.name} added; their first sign-in through the identity provider binds their account`);
      } else if (command === "staff-list") {
        console.table(await listStaff(db));
      } else if (command === "deliveries") {
        const { counts, troubled } = await deliveryReport(db);
        console.table(counts);
        if (troubled.length) console.table(troubled);
      } else if (command === "deliveries-retry") {
        const n = await retryDeliveries(db, url, { id: values.id, allDead: values["all-dead"] });
        console.log(`[admin] ${n} dead ${n === 1 ? "delivery" : "deliveries"} given back to the queue`);
      } else if (command === "vapid-keys") {
        const keys = webpush.generateVAPIDKeys();
        console.log(`VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}`);
      } else {
        throw new Error(
          `unknown command "${command ?? ""}": use municipality, staff-add, staff-list, deliveries, deliveries-retry or vapid-keys`,
        );
      }
    } finally {
      await db.$disconnect();
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`[admin] ${e instanceof z.ZodError ? e.issues.map((i) => i.message).join("; ") : e.message}`);
    process.exit(1);
  });
}
