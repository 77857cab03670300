// What the red thread looks like to a reader: browser-safe types (no server code).
export type ColleagueDto = { id: string; name: string; areaKeys: string[] };
export type RedThreadDto = {
  /** Who holds it; `inForce` false when their area may no longer see the plan (then anyone allowed may take it up). */
  holder: { name: string; areaKey: string | null; isMe: boolean; inForce: boolean } | null;
  /** A handover on offer; its note is between staff (empty for the citizen and relatives). */
  pending: { id: string; fromName: string; toName: string; note: string; offeredAt: string; fromMe: boolean; toMe: boolean } | null;
  /** Whom the coordinator may offer the red thread to (only for the coordinator, with nothing pending). */
  colleagues: ColleagueDto[];
  /** How many handovers were ever offered for this citizen: a new offer's draft starts afresh. */
  offers: number;
  /** Whether the reader may take up the red thread now: nobody holds it in force, and their area may do the work. */
  mayTake: boolean;
};
