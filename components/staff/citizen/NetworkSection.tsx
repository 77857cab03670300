import { getTranslations } from "next-intl/server";
import type { NetworkSummaryDto } from "@/lib/plan/dto";

/** The people the citizen wrote down: who, how close, what they help with. Read, never changed, by the area. */
export async function NetworkSection({ network }: { network: NetworkSummaryDto[] }) {
  const t = await getTranslations("StaffCitizen");
  return (
    <section aria-labelledby="staff-network" className="break-inside-avoid" data-testid="staff-network">
      <h2 id="staff-network">{t("networkTitle")}</h2>
      {network.length === 0 ? (
        <p className="mt-2 text-gray-600">{t("networkEmpty")}</p>
      ) : (
        <ul className="mt-3 grid gap-2 sm:grid-cols-2">
          {network.map((p) => (
            <li key={p.id} className="border border-gray-300 p-3">
              <p className="font-semibold">
                {p.name}
                {p.relation && <span className="font-normal text-gray-600"> · {p.relation}</span>}
              </p>
              <p className="text-sm">{t(`closeness.${p.closeness}`)}</p>
              {p.helpsWith && <p className="text-sm">{t("helpsWith", { what: p.helpsWith })}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
