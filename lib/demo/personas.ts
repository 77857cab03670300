/** The demo's people (prisma/seed.ts creates them). Made up, like everything in the demo. */
export const PERSONAS = [
  { key: "citizen", email: "inge@demo.solbjerg.dk", name: "Inge Hansen" },
  { key: "newcomer", email: "karl@demo.solbjerg.dk", name: "Karl Berg" },
  { key: "relative", email: "mette@demo.solbjerg.dk", name: "Mette Hansen" },
  { key: "neighbour", email: "bent@demo.solbjerg.dk", name: "Bent Nielsen" },
  { key: "coordinator", email: "sara.holm@solbjerg.dk", name: "Sara Holm" },
  { key: "caseworker", email: "omar.aziz@solbjerg.dk", name: "Omar Aziz" },
  { key: "colleague", email: "lene.dahl@solbjerg.dk", name: "Lene Dahl" },
] as const;
export type PersonaKey = (typeof PERSONAS)[number]["key"];
