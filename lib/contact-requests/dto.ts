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
};
/** Days are Danish calendar days (YYYY-MM-DD). */
export type ClosedContactRequestDto = { id: string; askedDay: string; answeredDay: string; agreement: string | null };
export type ContactRequestsDto = {
  open: ContactRequestDto | null;
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
