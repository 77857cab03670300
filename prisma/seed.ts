// Demo data for the embedded database: a made-up municipality with the five
// standard service areas. Runs when the database has no municipality yet, so it
// never touches real data. Run by `npm run dev` / `npm start` on the embedded
// database, and by `npm run db:seed` (or `npm start -- --seed`) on an external one.
import { randomUUID } from "node:crypto";
import { connect, type Db } from "../lib/db/connect";
import { PERSONAS } from "../lib/demo/personas";
import { CONSENTABLE_PARTS } from "../lib/access/policy";
import { cprHash, DEV_CPR_HASH_KEY } from "../lib/staff/cpr";
import { STAFF_PROVIDER, staffIssuerFrom } from "../lib/auth/staff-issuer";

export const DEMO_MUNICIPALITY = { slug: "solbjerg", name: "Solbjerg Kommune" };

export const STANDARD_AREAS = [
  { key: "elderly-care", nameDa: "Ældre og pleje", nameEn: "Elderly care" },
  { key: "health", nameDa: "Sundhed og genoptræning", nameEn: "Health and rehabilitation" },
  { key: "social-disability", nameDa: "Social og handicap", nameEn: "Social and disability support" },
  { key: "job-education", nameDa: "Job og uddannelse", nameEn: "Job and education" },
  { key: "children-family", nameDa: "Børn og familie", nameEn: "Children and family" },
] as const;

const day = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * day);
const dateOnly = (d: Date) => new Date(d.toISOString().slice(0, 10));

/** Seeds the demo municipality unless the database has a municipality. Returns whether it seeded. */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.municipality.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    const municipality = await tx.municipality.create({ data: DEMO_MUNICIPALITY });
    const areas: Record<string, string> = {};
    // one by one, so the areas keep their order (createdAt)
    for (const area of STANDARD_AREAS)
      areas[area.key] = (await tx.serviceArea.create({ data: { ...area, municipalityId: municipality.id } })).id;

    const user = (key: (typeof PERSONAS)[number]["key"]) => {
      const p = PERSONAS.find((x) => x.key === key)!;
      return tx.user.create({ data: { id: randomUUID(), name: p.name, email: p.email, emailVerified: true } });
    };
    const [inge, mette, bent, sara, omar, karl, lene] = await Promise.all([
      user("citizen"),
      user("relative"),
      user("neighbour"),
      user("coordinator"),
      user("caseworker"),
      user("newcomer"),
      user("colleague"),
    ]);
    // Karl has just been given a plan and has written nothing yet: the first visit
    await tx.citizen.create({ data: { municipalityId: municipality.id, userId: karl.id, name: karl.name } });

    // The demo's caseworkers, bound to the staff identity provider (the local one in the browser tests) by their
    // subject there, the part of their address before @; the account lets that provider's sign-in find them.
    const issuer = staffIssuerFrom(process.env.STAFF_OIDC_ISSUER);
    const boundTo = async (u: { id: string; email: string }) => {
      const subject = u.email.split("@")[0]!;
      await tx.account.create({ data: { id: randomUUID(), userId: u.id, providerId: STAFF_PROVIDER, accountId: subject } });
      return { userId: u.id, issuer, subject };
    };
    const saraStaff = await tx.staffMember.create({
      data: {
        ...(await boundTo(sara)),
        municipalityId: municipality.id,
        name: sara.name,
        // her direct line, shown to Inge under the red thread (a demo number: the 89 40 ranges are the municipality's)
        phone: "+4589401234",
        hours: "Mandag til torsdag kl. 9-11",
        areas: { create: [{ serviceAreaId: areas["elderly-care"]!, isLead: true }] },
      },
    });
    const omarStaff = await tx.staffMember.create({
      data: {
        ...(await boundTo(omar)),
        municipalityId: municipality.id,
        name: omar.name,
        areas: { create: [{ serviceAreaId: areas["health"]! }] },
      },
    });
    // Sara's colleague in elderly care: someone Sara can hand the red thread to
    await tx.staffMember.create({
      data: {
        ...(await boundTo(lene)),
        municipalityId: municipality.id,
        name: lene.name,
        areas: { create: [{ serviceAreaId: areas["elderly-care"]! }] },
      },
    });

    const citizen = await tx.citizen.create({
      data: {
        municipalityId: municipality.id,
        userId: inge.id,
        name: inge.name,
        // a made-up CPR number, for the exact lookup: only its keyed hash is stored
        cprHash: cprHash("010145-1234", process.env.CPR_HASH_KEY ?? DEV_CPR_HASH_KEY),
        preferredLocale: "da",
        contact: {
          create: {
            channel: "PHONE",
            times: "Formiddag, helst før kl. 11",
            visit: "RING_DOORBELL",
            someonePresent: "Min datter Mette, når vi taler om store ting",
          },
        },
      },
    });
    const c = { citizenId: citizen.id };
    const story: [string, string][] = [
      [
        "ABOUT_ME",
        "Jeg er 81 år og har boet i Solbjerg hele mit liv. Jeg var syerske i 40 år. Jeg bor alene i mit hus med haven, som jeg holder af.",
      ],
      ["WHAT_MATTERS", "At blive boende i mit eget hus. At synge i koret om tirsdagen. At se mine børnebørn."],
      ["GOOD_DAY", "En god dag starter med kaffe i haven. Så går jeg en tur til købmanden og snakker med Bent over hækken."],
      ["WHAT_IS_HARD", "Trapperne og badet. Jeg er bange for at falde, siden jeg brækkede hoften sidste vinter."],
      ["HOW_TO_SUPPORT", "Ring på døren, og vent lidt. Tal langsomt og tydeligt. Spørg mig, før I bestemmer noget."],
    ];
    for (const [kind, text] of story)
      await tx.storySection.create({ data: { ...c, kind: kind as "ABOUT_ME", text, updatedByUserId: inge.id } });

    const metteMember = await tx.networkMember.create({
      data: {
        ...c,
        name: "Mette",
        relation: "Datter",
        closeness: "CLOSEST",
        helpsWith: "Indkøb om lørdagen, og går med til lægen",
        contact: "mette@demo.solbjerg.dk",
      },
    });
    const bentMember = await tx.networkMember.create({
      data: { ...c, name: "Bent", relation: "Nabo", closeness: "CLOSE", helpsWith: "Tager skraldespanden ud, kigger forbi" },
    });
    const choir = await tx.networkMember.create({
      data: {
        ...c,
        kind: "COMMUNITY",
        name: "Solbjerg Seniorkor",
        relation: "Kor",
        closeness: "FURTHER",
        helpsWith: "Sang og kaffe hver tirsdag",
      },
    });

    await tx.relationship.create({
      data: {
        ...c,
        userId: mette.id,
        networkMemberId: metteMember.id,
        permissions: ["SEE_STORY", "SEE_GOALS_AND_AGREEMENTS", "ADD_AGREEMENTS", "SEE_CONTACT"],
      },
    });
    await tx.relationship.create({
      data: { ...c, userId: bent.id, networkMemberId: bentMember.id, permissions: ["SEE_GOALS_AND_AGREEMENTS"] },
    });

    const walk = await tx.goal.create({
      data: {
        ...c,
        wish: "Jeg vil gerne kunne gå til koret selv igen.",
        title: "Gå de 800 meter til kirken uden rollator",
        whyItMatters: "Koret er mine venner. Jeg vil ikke være afhængig af at blive kørt.",
        reachedWhen: "Når jeg har gået derhen selv tre tirsdage i træk.",
        reviewOn: dateOnly(inDays(45)),
      },
    });
    await tx.goalStep.createMany({
      data: [
        { ...c, goalId: walk.id, text: "Træning med fysioterapeut to gange om ugen", position: 1 },
        { ...c, goalId: walk.id, text: "Gå til købmanden hver dag", position: 2, done: true },
        { ...c, goalId: walk.id, text: "Gå til kirken sammen med Bent", position: 3 },
      ],
    });
    await tx.goalSupporter.createMany({
      data: [
        { ...c, goalId: walk.id, networkMemberId: bentMember.id },
        { ...c, goalId: walk.id, networkMemberId: choir.id },
        { ...c, goalId: walk.id, serviceAreaId: areas["health"]! },
      ],
    });
    const bath = await tx.goal.create({
      data: {
        ...c,
        title: "Tage bad selv, trygt",
        whyItMatters: "Jeg vil klare mig selv.",
        reachedWhen: "Når jeg har badet alene i en måned uden at være bange.",
        reviewOn: dateOnly(inDays(30)),
      },
    });
    await tx.goalStep.create({ data: { ...c, goalId: bath.id, text: "Badebænk og greb i badeværelset", position: 1, done: true } });
    await tx.goal.create({
      data: {
        ...c,
        title: "Komme hjem fra sygehuset",
        status: "REACHED",
        closingNote: "Jeg kom hjem i marts. Mette hentede mig.",
        closedAt: new Date(Date.now() - 200 * day),
      },
    });
    await tx.goalSupporter.create({ data: { ...c, goalId: bath.id, networkMemberId: metteMember.id } });

    await tx.agreement.createMany({
      data: [
        {
          ...c,
          what: "Mette handler ind om lørdagen",
          responsible: "NETWORK_MEMBER",
          networkMemberId: metteMember.id,
          dueOn: dateOnly(inDays(5)),
          authorRole: "CITIZEN",
          authorUserId: inge.id,
        },
        {
          ...c,
          what: "Jeg går til koret med Bent",
          responsible: "CITIZEN",
          dueOn: dateOnly(inDays(-3)),
          authorRole: "CITIZEN",
          authorUserId: inge.id,
        },
        {
          ...c,
          what: "Første træning hos fysioterapeuten",
          responsible: "SERVICE_AREA",
          serviceAreaId: areas["health"]!,
          dueOn: dateOnly(inDays(-20)),
          status: "DONE",
          authorRole: "STAFF",
          authorUserId: omar.id,
          authorAreaId: areas["health"]!,
        },
      ],
    });

    const saraCalls = await tx.agreement.create({
      data: {
        ...c,
        what: "Sara ringer og hører, hvordan det går med badet",
        responsible: "SERVICE_AREA",
        serviceAreaId: areas["elderly-care"]!,
        dueOn: dateOnly(inDays(10)),
        authorRole: "STAFF",
        authorUserId: sara.id,
        authorAreaId: areas["elderly-care"]!,
      },
    });

    await tx.consent.create({
      data: {
        ...c,
        serviceAreaId: areas["elderly-care"]!,
        // every part a citizen can consent to
        parts: [...CONSENTABLE_PARTS],
        reason: "Så vi kan hjælpe dig med bad og rengøring.",
      },
    });
    await tx.consent.create({
      data: {
        ...c,
        serviceAreaId: areas["health"]!,
        parts: ["PROFILE", "STORY", "GOALS", "AGREEMENTS", "HELP"],
        reason: "Så vi kan træne med dig efter hofteoperationen.",
        validUntil: inDays(180),
      },
    });
    // Omar in health asks, just in time, to see more: Inge answers under "Kommunens adgang til min plan"
    await tx.consentRequest.create({
      data: {
        ...c,
        serviceAreaId: areas["health"]!,
        staffId: omarStaff.id,
        parts: ["CONTACT", "NETWORK"],
        reason: "Så vi kan ringe, før vi kommer, og vide, hvem der går tur med dig.",
      },
    });
    await tx.assignment.createMany({
      data: [
        { ...c, staffId: saraStaff.id, serviceAreaId: areas["elderly-care"]! },
        { ...c, staffId: omarStaff.id, serviceAreaId: areas["health"]! },
      ],
    });
    await tx.coordination.create({ data: { ...c, staffId: saraStaff.id, serviceAreaId: areas["elderly-care"]! } });
    await tx.areaHelp.createMany({
      data: [
        {
          ...c,
          serviceAreaId: areas["elderly-care"]!,
          staffId: saraStaff.id,
          what: "Hjælp til bad",
          howOften: "Tirsdag og fredag formiddag",
          until: dateOnly(inDays(60)),
        },
        {
          ...c,
          serviceAreaId: areas["health"]!,
          staffId: omarStaff.id,
          what: "Træning af gang og balance",
          howOften: "To gange om ugen",
          until: dateOnly(inDays(90)),
        },
      ],
    });
    // what the citizen sees under "who has seen my plan": earlier reads by the caseworkers and her daughter
    const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * 60 * 1000);
    await tx.message.create({
      data: {
        ...c,
        serviceAreaId: areas["elderly-care"]!,
        staffId: saraStaff.id,
        text: "Hej Inge. Badebænken kommer på torsdag. Ring til mig, hvis noget driller. Venlig hilsen Sara",
        createdAt: hoursAgo(30),
      },
    });
    // Inge was last here four days ago; since then Sara wrote down an agreement: "new since your last visit"
    await tx.citizen.update({ where: { id: citizen.id }, data: { lastVisitAt: hoursAgo(96), previousVisitAt: hoursAgo(300) } });
    await tx.changeLog.create({
      data: {
        ...c,
        at: hoursAgo(74),
        actorUserId: sara.id,
        actorRole: "STAFF",
        serviceAreaId: areas["elderly-care"]!,
        part: "AGREEMENTS",
        entity: "Agreement",
        entityId: saraCalls.id,
        after: { what: saraCalls.what, responsible: "SERVICE_AREA", dueOn: saraCalls.dueOn?.toISOString().slice(0, 10) },
      },
    });
    await tx.accessLog.createMany({
      data: [
        {
          ...c,
          at: hoursAgo(75),
          actorUserId: sara.id,
          actorRole: "STAFF",
          serviceAreaId: areas["elderly-care"]!,
          part: "STORY",
          action: "READ",
          purpose: "told-once",
          outcome: "ALLOWED",
        },
        {
          ...c,
          at: hoursAgo(50),
          actorUserId: omar.id,
          actorRole: "STAFF",
          serviceAreaId: areas["health"]!,
          part: "GOALS",
          action: "READ",
          purpose: "view",
          outcome: "ALLOWED",
        },
        {
          ...c,
          at: hoursAgo(26),
          actorUserId: mette.id,
          actorRole: "RELATIVE",
          part: "AGREEMENTS",
          action: "READ",
          purpose: "view",
          outcome: "ALLOWED",
        },
      ],
    });
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
