import type { StorySectionKind } from "./schema";

export type StorySectionDto = { kind: StorySectionKind; text: string; version: number; updatedAt: string };

export function toStorySectionDto(row: { kind: string; text: string; version: number; updatedAt: Date }): StorySectionDto {
  return { kind: row.kind as StorySectionKind, text: row.text, version: row.version, updatedAt: row.updatedAt.toISOString() };
}
