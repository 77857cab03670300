import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readPlan } from "@/lib/plan/queries";
import { titleFrom } from "@/lib/i18n/metadata";
import { getDayFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { CoordinatorSummary } from "@/components/plan/CoordinatorLine";
import { HelpList } from "@/components/plan/AreaLists";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Nav.helpPage");

/**
 * "Help", one of the citizen's five destinations: who to ask (the one who holds
 * the red thread, and their direct line), asking to be contacted, how we may
 * contact you, the help the municipality gives, and what to do when it is urgent.
 */
export default async function HelpPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, tPlan, date, plan] = await Promise.all([
    getTranslations("Nav.helpPage"),
    getTranslations("Plan"),
    getDayFormat(),
    readPlan(actor, citizenId),
  ]);
  if (!plan.ok) notFound();
  const { coordinator, contactRequest, help } = plan.value;
  return (
    <div className="max-w-2xl space-y-8">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />

      {coordinator !== undefined && (
        <section aria-labelledby="help-person">
          <h2 id="help-person">{t("personTitle")}</h2>
          <CoordinatorSummary coordinator={coordinator} testId="help-coordinator" />
        </section>
      )}

      <section aria-labelledby="help-ask">
        <h2 id="help-ask">{t("askTitle")}</h2>
        <p className="mt-2">
          {contactRequest
            ? tPlan("unsureAsked", {
                who: coordinator?.inForce ? coordinator.name : tPlan("unsureSomeone"),
                date: date(contactRequest.dueDay),
              })
            : t("askText")}
        </p>
        <p className="mt-2">
          <Link href="/plan/contact-request" className="inline-flex min-h-11 items-center font-semibold">
            {contactRequest ? tPlan("unsureSee") : t("askLink")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="help-ways">
        <h2 id="help-ways">{t("waysTitle")}</h2>
        <p className="mt-2">{t("waysText")}</p>
        <p className="mt-2">
          <Link href="/plan/contact" className="inline-flex min-h-11 items-center">
            {tPlan("contactLink")}
          </Link>
        </p>
      </section>

      {help && help.length > 0 && (
        <section aria-labelledby="help-given">
          <h2 id="help-given">{tPlan("helpTitle")}</h2>
          <HelpList help={help} />
        </section>
      )}

      <section aria-labelledby="help-urgent" className="border-s-4 border-warning bg-warning-light p-4">
        <h2 id="help-urgent">{t("urgentTitle")}</h2>
        <p className="mt-2">{t("urgentText")}</p>
      </section>
    </div>
  );
}
