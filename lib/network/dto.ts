export type NetworkMemberDto = {
  id: string;
  kind: "PERSON" | "COMMUNITY";
  name: string;
  relation: string;
  closeness: "CLOSEST" | "CLOSE" | "FURTHER";
  helpsWith: string;
  contact: string;
  version: number;
  /** Written in by a relative rather than the citizen. */
  addedByRelative: boolean;
  /** The active goals this person or community helps with. */
  goals: { id: string; title: string }[];
};
