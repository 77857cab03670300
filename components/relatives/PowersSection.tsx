import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import type { PowerDto } from "@/lib/attorney/dto";
import { getDayFormat } from "@/lib/i18n/format";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { GrantPowerForm } from "./GrantPowerForm";

/**
 * Who may act for me under a power of attorney: what they may do, until when, where it came from; ended here
 * (a guardianship only by the authorities). And letting one of my relatives act for me.
 */
export async function PowersSection({
  powers,
  relatives,
  end,
  grant,
}: {
  powers: PowerDto[];
  relatives: { id: string; name: string }[];
  end: (formData: FormData) => Promise<void>;
  grant: ComponentProps<typeof GrantPowerForm>["action"];
}) {
  const [t, day] = await Promise.all([getTranslations("Powers"), getDayFormat()]);
  return (
    <section aria-labelledby="powers-title" className="space-y-3 border-t border-gray-300 pt-6" data-testid="powers">
      <h2 id="powers-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      {powers.length === 0 ? (
        <p className="text-gray-600">{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {powers.map((p) => (
            <li key={p.id} className="space-y-2 border border-gray-300 p-3" data-testid="power">
              <p className="font-semibold">{t("holder", { name: p.holderName || t("someone") })}</p>
              <ul className="list-disc ps-5">
                {p.rights.map((r) => (
                  <li key={r}>{t(`rightMeans.${r}`)}</li>
                ))}
              </ul>
              <p className="text-sm">
                {t(`source.${p.source}`, { name: p.recordedBy ?? t("aCaseworker") })}{" "}
                {p.until ? t("untilDay", { date: day(p.until) }) : t("untilEnded")}
              </p>
              {p.source === "GUARDIANSHIP" ? (
                <p className="text-sm">{t("guardianshipEnds")}</p>
              ) : p.source === "DIGITAL" ? (
                <p className="text-sm">{t("digitalEnds")}</p>
              ) : (
                <OneClickForm
                  action={end}
                  fields={{ powerId: p.id }}
                  label={t("end")}
                  ariaLabel={t("endFor", { name: p.holderName || t("someone") })}
                  look="danger"
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {relatives.length > 0 && (
        <details className="border border-gray-300 p-3">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("grantTitle")}</summary>
          <div className="mt-3">
            <GrantPowerForm relatives={relatives} action={grant} />
          </div>
        </details>
      )}
    </section>
  );
}
