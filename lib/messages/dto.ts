/** A message to the citizen as pages show it: words, when, who, which area. */
export type MessageDto = { id: string; text: string; at: string; staffName: string; areaKey: string };
