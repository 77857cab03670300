// Requests for contact as a reader sees them: browser-safe types (no server code).
export type ContactRequestDto = {
  id: string;
  text: string;
  channel: string | null;
  createdAt: string;
  /** The last Danish day the answer is due on (YYYY-MM-DD), and whether that has passed. */
  dueDay: string;
  overdue: boolean;
  /**
   * When whoever answers was first told of the request outside the app (a mail, an SMS, a push message
   * delivered), and when they were told the deadline had passed: null until it happened.
   */
  toldAt: string | null;
  overdueToldAt: string | null;
  /** Whose situation it is about: the citizen's, or the asking relative's own. */
  about: "CITIZEN" | "ASKER";
  /** The relative who asked, as the citizen named them in their network (null: the citizen asked). */
  asker: { name: string | null; relation: string | null; reach: { email: string | null; phone: string | null } } | null;
};
/** Days are Danish calendar days (YYYY-MM-DD). */
export type ClosedContactRequestDto = { id: string; askedDay: string; answeredDay: string; agreement: string | null };
export type ContactRequestsDto = {
  /** The reader's own open request: the citizen's, or the relative's (for staff: the citizen's). */
  open: ContactRequestDto | null;
  /** For staff: the open requests relatives asked, about the citizen or about themselves. */
  fromRelatives: ContactRequestDto[];
  /** The last few answered; for the citizen, each with the agreement that closed it. */
  answered: ClosedContactRequestDto[];
  /** For the citizen: who will get in touch (null: nobody holds the red thread), and whether any area may answer at all. */
  coordinator: string | null;
  answerable: boolean;
  /** How many requests were ever made: a new request's draft starts afresh. */
  asked: number;
  /** Whether the reader, a caseworker, is the one to answer the open request (coordinator, area's consent). */
  mayAnswer: boolean;
};
