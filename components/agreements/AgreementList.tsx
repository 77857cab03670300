import { getTranslations } from "next-intl/server";
import type { AgreementDto } from "@/lib/agreements/dto";
import { getAreaName, getDayFormat } from "@/lib/i18n/format";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { Glossed } from "@/components/plain/Glossed";

type Props = { agreements: AgreementDto[]; mark?: (formData: FormData) => Promise<void> };

/**
 * Agreements: what, who, by when, who wrote it down; an overdue one stands out, kindly. With `mark`, each has its buttons.
 * What a caseworker wrote down explains its professional words (Glossed); the citizen's and their people's own words stay as written.
 */
export async function AgreementList({ agreements, mark }: Props) {
  const [t, day, area] = await Promise.all([getTranslations("Agreements"), getDayFormat(), getAreaName()]);
  const who = (a: AgreementDto) =>
    a.responsible === "CITIZEN" ? t("you") : a.responsible === "SERVICE_AREA" && a.who ? area(a.who) : (a.who ?? t("someone"));
  const author = (a: AgreementDto) =>
    a.author.role === "RELATIVE"
      ? t("byRelative", { name: a.author.name ?? t("someone") })
      : a.author.role === "STAFF"
        ? t("byStaff", { name: a.author.name ?? "", area: a.author.areaKey ? area(a.author.areaKey) : "" })
        : null;
  const button = (a: AgreementDto, status: "DONE" | "NOT_DONE" | "OPEN", label: string, primary: boolean) =>
    mark && (
      <OneClickForm
        action={mark}
        fields={{ agreementId: a.id, version: a.version, status }}
        label={label}
        ariaLabel={`${label}: ${a.what}`}
        look={primary ? "primary" : "secondary"}
      />
    );
  return (
    <ul className="space-y-3">
      {agreements.map((a) => (
        <li
          key={a.id}
          data-testid="agreement"
          className={`border-2 p-4 ${a.overdue ? "border-warning bg-warning-light" : "border-gray-300"}`}
        >
          <p className="font-semibold whitespace-pre-wrap">{a.author.role === "STAFF" ? <Glossed text={a.what} /> : a.what}</p>
          <p className="text-sm">
            {t("who", { who: who(a) })}
            {a.dueOn && <> · {t("byWhen", { date: day(a.dueOn) })}</>}
          </p>
          {author(a) && <p className="text-sm text-gray-600">{author(a)}</p>}
          {a.overdue && <p className="mt-1 text-sm">{t("overdue")}</p>}
          {a.status !== "OPEN" && (
            <p className="mt-1 text-sm font-semibold">{a.status === "DONE" ? t("statusDone") : t("statusNotDone")}</p>
          )}
          {mark && (
            <div className="no-print mt-3 flex flex-wrap gap-3">
              {a.status === "OPEN" ? (
                <>
                  {button(a, "DONE", t("markDone"), true)}
                  {button(a, "NOT_DONE", t("markNotDone"), false)}
                </>
              ) : (
                button(a, "OPEN", t("reopen"), false)
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
