import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { demoMode } from "@/lib/env-public";
import { listOutbox } from "@/lib/demo/outbox";

export const dynamic = "force-dynamic";

/** Demo build only: the mail the demo "sent", so a visitor can follow sign-in links. */
export default async function OutboxPage({ params }: { params: Promise<{ locale: string }> }) {
  if (!demoMode) notFound();
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, format, mails] = await Promise.all([getTranslations("Demo"), getFormatter(), listOutbox()]);
  return (
    <div className="space-y-6">
      <h1>{t("outboxTitle")}</h1>
      <p>{t("outboxIntro")}</p>
      {mails.length === 0 ? (
        <p>{t("outboxEmpty")}</p>
      ) : (
        <ul className="space-y-4">
          {mails.map((m) => (
            <li key={m.id} data-testid="mail" className="border border-gray-300 p-4">
              <p className="font-semibold">
                {t("to")}: <span data-testid="mail-to">{m.to}</span>
              </p>
              <p className="text-sm text-gray-600">{format.dateTime(new Date(m.sentAt), { dateStyle: "medium", timeStyle: "short" })}</p>
              <p className="mt-1">{m.subject}</p>
              {m.link && (
                <p className="mt-2">
                  <a href={m.link} className="break-all">
                    {t("openLink")}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
