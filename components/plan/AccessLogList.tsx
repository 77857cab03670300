type Entry = { id: string; when: string; sentence: string; why: string | null; toldOnce: boolean; denied: boolean };

/** The access log as a list of plain sentences, newest first. */
export function AccessLogList({ entries, empty, toldOnceNote }: { entries: Entry[]; empty: string; toldOnceNote: string }) {
  if (entries.length === 0) return <p className="text-gray-600">{empty}</p>;
  return (
    <ol className="space-y-2" data-testid="access-log">
      {entries.map((e) => (
        <li key={e.id} className={`border-s-4 p-3 ${e.denied ? "border-warning bg-warning-light" : "border-gray-300 bg-gray-100"}`}>
          <p className="text-sm text-gray-600">{e.when}</p>
          <p>{e.sentence}</p>
          {e.why && <p className="text-sm">{e.why}</p>}
          {e.toldOnce && <p className="text-sm">{toldOnceNote}</p>}
        </li>
      ))}
    </ol>
  );
}
