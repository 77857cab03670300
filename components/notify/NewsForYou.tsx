import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { newsFor, type Audience } from "@/lib/notify/inbox";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { ReadableHeading } from "@/components/reading/ReadableHeading";

type Props = {
  userId: string;
  /** On a home page: the newest few, and a link to the rest. */
  short?: boolean;
  /** The whole list as a page of its own, with its heading. */
  asPage?: boolean;
  back?: string;
  /** The roles this home is for (a caseworker's home: a caseworker's news); all when not said. */
  audiences?: readonly Audience[];
  /** The page's server actions (app/[locale]/news/actions.ts): components never import from app/. */
  markRead: (formData: FormData) => Promise<void>;
  markAllRead: (formData: FormData) => Promise<void>;
};

/**
 * "Nyt til dig": what happened for me, on every role's home. Each item says
 * what happened in plain words (from its kind), when, and opens the page; the
 * unread are marked in words, not colour alone. Works without JavaScript.
 */
export async function NewsForYou({ userId, short = false, asPage = false, back = "/news", audiences, markRead, markAllRead }: Props) {
  const [t, format, { items, unread }] = await Promise.all([
    getTranslations("ForYou"),
    getFormatter(),
    newsFor(userId, { take: short ? 5 : 50, audiences }),
  ]);
  return (
    <section aria-labelledby="for-you-title" className="space-y-3" data-testid="for-you">
      {asPage ? (
        <>
          <ReadableHeading id="for-you-title" level={1} title={t("title")} />
          <p>{t("intro")}</p>
        </>
      ) : (
        <ReadableHeading id="for-you-title" title={t("title")} />
      )}
      <p data-testid="for-you-unread">{unread > 0 ? t("unreadCount", { count: unread }) : t("noneUnread")}</p>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => {
            const title =
              item.kind === "relative-joined" && !item.detail
                ? t("relativeJoinedUnnamed")
                : t(`kinds.${item.kind}`, { name: item.detail ?? "" });
            return (
              <li
                key={item.id}
                className={`flex flex-wrap items-center gap-3 border p-3 ${item.read ? "border-gray-300" : "border-s-4 border-primary bg-info-light"}`}
                data-testid="for-you-item"
                data-read={item.read ? "yes" : "no"}
              >
                <span className="grow">
                  {!item.read && <strong>{t("new")} </strong>}
                  <Link href={item.path} className="font-semibold">
                    {title}
                  </Link>
                  <span className="block text-sm text-gray-700">
                    {format.dateTime(new Date(item.createdAt), { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Copenhagen" })}
                  </span>
                </span>
                {!item.read && (
                  <OneClickForm
                    action={markRead}
                    fields={{ id: item.id, back }}
                    label={t("markRead")}
                    ariaLabel={t("markReadLabel", { what: title })}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex flex-wrap gap-3">
        {unread > 0 && <OneClickForm action={markAllRead} fields={{ back }} label={t("markAllRead")} />}
        {short && items.length > 0 && (
          <Link href="/news" className="inline-flex min-h-11 items-center">
            {t("seeAll")}
          </Link>
        )}
        <Link href="/me/notifications" className="inline-flex min-h-11 items-center">
          {t("settings")}
        </Link>
      </div>
    </section>
  );
}
