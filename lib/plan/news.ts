/** The kinds of change "new since your last visit" says in words (Plan.newsDid.<entity>-added|changed). */
export const NEWS_ENTITIES = [
  "Relationship",
  "Agreement",
  "AreaHelp",
  "NetworkMember",
  "GoalStep",
  "Goal",
  "ContactRequest",
  "Coordination",
  "ConsentRequest",
  "Handover",
  "Message",
  "Consent",
  "PowerOfAttorney",
] as const;

/** The message key for a change: "Agreement-added", "Goal-changed"; anything else is "other". */
export const newsKind = (entity: string, added: boolean) =>
  (NEWS_ENTITIES as readonly string[]).includes(entity) ? `${entity}-${added ? "added" : "changed"}` : "other";
