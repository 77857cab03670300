import { ReadAloud } from "./ReadAloud";

type Props = { id: string; title: string; level?: 1 | 2 | 3; className?: string };

/**
 * A section's heading with "Læs op" at its end (docs/decisions/037-read-aloud.md): the control reads
 * the section this heading opens. Without JavaScript, or without a voice, it is the heading alone.
 */
export function ReadableHeading({ id, title, level = 2, className }: Props) {
  const Heading = `h${level}` as const;
  return (
    <div className={`flex flex-wrap items-start justify-between gap-x-3 gap-y-2 ${className ?? ""}`}>
      <Heading id={id}>{title}</Heading>
      <ReadAloud what={title} />
    </div>
  );
}
