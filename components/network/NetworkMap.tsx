import type { NetworkMemberDto } from "@/lib/network/dto";
import { CLOSENESS } from "@/lib/network/schema";

const SIZE = 420;
const C = SIZE / 2;
const RADIUS: Record<(typeof CLOSENESS)[number], number> = { CLOSEST: 80, CLOSE: 135, FURTHER: 190 };
const short = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);

/**
 * The network as rings around the citizen: closest, close, further out. A
 * picture for those who see it; the list beside it says the same in words (for
 * screen readers and small screens), so the drawing itself is hidden from
 * assistive technology and from narrow screens.
 */
export function NetworkMap({
  members,
  me,
  ringLabels,
}: {
  members: NetworkMemberDto[];
  me: string;
  ringLabels: Record<(typeof CLOSENESS)[number], string>;
}) {
  return (
    <svg
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      aria-hidden="true"
      focusable="false"
      className="hidden w-full max-w-lg sm:block print:block"
      data-testid="network-map"
    >
      {CLOSENESS.map((ring) => (
        <g key={ring}>
          <circle cx={C} cy={C} r={RADIUS[ring]} fill="none" stroke="#747474" strokeDasharray="4 4" />
          <text x={C} y={C - RADIUS[ring] + 14} textAnchor="middle" fontSize="11" fill="#454545">
            {ringLabels[ring]}
          </text>
        </g>
      ))}
      <circle cx={C} cy={C} r={30} fill="#004d99" />
      <text x={C} y={C + 5} textAnchor="middle" fontSize="14" fontWeight="600" fill="#ffffff">
        {short(me)}
      </text>
      {CLOSENESS.flatMap((ring, r) => {
        const inRing = members.filter((m) => m.closeness === ring);
        return inRing.map((m, i) => {
          // spread evenly from the top, each ring turned a third further round so names do not line up
          const angle = -Math.PI / 2 + (r * 2 * Math.PI) / 3 + (2 * Math.PI * i) / inRing.length + (r === 0 ? 0.35 : 0);
          const x = C + RADIUS[ring] * Math.cos(angle);
          const y = C + RADIUS[ring] * Math.sin(angle);
          return (
            <g key={m.id}>
              {m.kind === "COMMUNITY" ? (
                <rect x={x - 8} y={y - 8} width={16} height={16} fill="#1b86c3" />
              ) : (
                <circle cx={x} cy={y} r={8} fill="#358000" />
              )}
              <text x={x} y={y + 22} textAnchor="middle" fontSize="12" fill="#1a1a1a">
                {short(m.name)}
              </text>
            </g>
          );
        });
      })}
    </svg>
  );
}
