import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readMessages } from "@/lib/messages/queries";
import { titleFrom } from "@/lib/i18n/metadata";
import { NoPlan } from "@/components/plan/NoPlan";
import { PageIntro } from "@/components/plan/PageIntro";
import { MessageList } from "@/components/plan/AreaLists";
import { NewsForYou } from "@/components/notify/NewsForYou";
import { markAllReadAction, markReadAction } from "../../news/actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Nav.messagesPage");

/** "Messages", one of the citizen's five destinations: what the areas wrote to me, and what is new for me. */
export default async function MessagesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, messages] = await Promise.all([getTranslations("Nav.messagesPage"), readMessages(actor, citizenId)]);
  if (!messages.ok) notFound();
  return (
    <div className="max-w-3xl space-y-8">
      <PageIntro back={t("back")} title={t("title")} intro={t("intro")} />
      <section aria-labelledby="area-messages" className="space-y-2">
        <h2 id="area-messages">{t("fromAreas")}</h2>
        {messages.value.length === 0 ? (
          <p className="text-gray-600">{t("none")}</p>
        ) : (
          <MessageList messages={messages.value} testId="area-messages" />
        )}
      </section>
      <NewsForYou
        userId={actor.userId}
        audiences={["citizen"]}
        markRead={markReadAction}
        markAllRead={markAllReadAction}
        short
        back="/plan/messages"
      />
    </div>
  );
}
