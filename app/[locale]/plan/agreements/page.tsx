import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readNotice } from "@/lib/i18n/notice";
import { readAgreements } from "@/lib/agreements/queries";
import { titleFrom } from "@/lib/i18n/metadata";
import { getAreaName } from "@/lib/i18n/format";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { AgreementForm } from "@/components/agreements/AgreementForm";
import { AgreementList } from "@/components/agreements/AgreementList";
import { Notice } from "@/components/forms/Notice";
import { addAgreementAction, markAgreementAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Agreements");

/** My agreements: what, who, by when; add one, mark it done or not done, and see the ones behind me. */
export default async function AgreementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const notice = await readNotice(searchParams, ["marked", "conflict", "failed"] as const);
  const [t, area, agreements] = await Promise.all([getTranslations("Agreements"), getAreaName(), readAgreements(actor, citizenId)]);
  if (!agreements.ok) notFound();
  const { open, closed, choices } = agreements.value;

  return (
    <div className="max-w-3xl space-y-8">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      {notice && <Notice kind={notice === "marked" ? "success" : "warning"} text={t(`notice.${notice}`)} />}
      <section aria-labelledby="open-title" className="space-y-3">
        <h2 id="open-title">{t("openTitle")}</h2>
        {open.length === 0 ? (
          <p className="text-gray-600">{t("openEmpty")}</p>
        ) : (
          <AgreementList agreements={open} mark={markAgreementAction} />
        )}
      </section>
      <section aria-labelledby="add-title" className="no-print space-y-3 border-t border-gray-300 pt-6">
        <h2 id="add-title">{t("addTitle")}</h2>
        <AgreementForm
          choices={choices}
          areaNames={Object.fromEntries(choices.areas.map((a) => [a.key, area(a.key)]))}
          action={addAgreementAction}
        />
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="closed-title" className="space-y-3 border-t border-gray-300 pt-6">
          <h2 id="closed-title">{t("closedTitle")}</h2>
          <AgreementList agreements={closed} mark={markAgreementAction} />
        </section>
      )}
    </div>
  );
}
