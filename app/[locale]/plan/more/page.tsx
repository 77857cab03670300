import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Nav.morePage");

const linkClass = "inline-flex min-h-11 items-center";

/** "More", the last of the citizen's five destinations: every other page of theirs, in three plain groups. */
export default async function MorePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, tPlan] = await Promise.all([getTranslations("Nav.morePage"), getTranslations("Plan")]);
  const group = (id: string, title: string, links: { href: string; text: string }[]) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="mt-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className={linkClass}>
              {l.text}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
  return (
    <div className="max-w-2xl space-y-8">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      <section aria-labelledby="more-plan">
        <h2 id="more-plan">{t("planTitle")}</h2>
        <ul className="mt-2">
          <li>
            <Link href="/plan/goals" className={linkClass}>
              {tPlan("goalsLink")}
            </Link>
          </li>
          <li>
            <Link href="/plan/agreements" className={linkClass}>
              {tPlan("agreementsLink")}
            </Link>
          </li>
          <li>
            {/* a file, not a page: a plain link (no prefetch), to the PDF of the plan */}
            <a href={`/${locale}/plan/print`} className={linkClass}>
              {tPlan("print")}
            </a>
          </li>
        </ul>
      </section>
      {group("more-sees", t("seesTitle"), [
        { href: "/plan/consents", text: tPlan("consentsLink") },
        { href: "/plan/access-log", text: tPlan("seenBy") },
      ])}
      {group("more-me", t("meTitle"), [
        { href: "/plan/contact", text: tPlan("contactLink") },
        { href: "/plan/settings", text: tPlan("settings") },
        { href: "/me/notifications", text: t("notifications") },
        { href: "/me", text: t("account") },
      ])}
    </div>
  );
}
