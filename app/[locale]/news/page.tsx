import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { titleFrom } from "@/lib/i18n/metadata";
import { NewsForYou } from "@/components/notify/NewsForYou";
import { markAllReadAction, markReadAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("ForYou");

/** Everything that happened for me, for any role I have: the whole "Nyt til dig" list. */
export default async function NewsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/${locale}/sign-in`);
  const [t, { notice }] = await Promise.all([getTranslations("ForYou"), searchParams]);
  return (
    <div className="max-w-3xl space-y-6">
      {notice === "failed" && <p role="alert">{t("failed")}</p>}
      <NewsForYou userId={actor.userId} markRead={markReadAction} markAllRead={markAllReadAction} asPage />
    </div>
  );
}
