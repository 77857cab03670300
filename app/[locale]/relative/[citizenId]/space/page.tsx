import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { endedRelationship, sharedWithMe } from "@/lib/relatives/queries";
import { readOwnSpace } from "@/lib/relatives/space";
import { titleFrom } from "@/lib/i18n/metadata";
import { firstName } from "@/lib/i18n/names";
import { Link } from "@/lib/i18n/navigation";
import { NoLongerShared } from "@/components/relatives/NoLongerShared";
import { CheckInForm, SpaceForm } from "@/components/relatives/SpaceForms";
import { checkInAction, saveSpaceAction } from "../actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("OwnSpace");

/** The relative's own space beside a plan: theirs to write, shared only if they choose. */
export default async function OwnSpacePage({ params }: { params: Promise<{ locale: string; citizenId: string }> }) {
  const { locale, citizenId } = await params;
  setRequestLocale(locale);
  const { actor } = await requireSignedIn(locale);
  const space = await readOwnSpace(actor, citizenId);
  if (!space) {
    const ended = await endedRelationship(actor.userId, citizenId);
    if (ended) return <NoLongerShared name={ended.firstName} />;
    notFound();
  }
  const shared = (await sharedWithMe(actor.userId)).find((s) => s.citizenId === citizenId);
  const first = shared ? firstName(shared.name) : "";
  const [t, format] = await Promise.all([getTranslations("OwnSpace"), getFormatter()]);
  const tForm = await getTranslations("SpaceForm");

  return (
    <div className="max-w-3xl space-y-8">
      <p className="no-print">
        <Link href={`/relative/${citizenId}`}>{t("back", { name: first })}</Link>
      </p>
      <div>
        <h1>{t("title")}</h1>
        <p className="mt-3 text-lg">{t("intro", { name: first })}</p>
      </div>
      <SpaceForm space={space} name={first} citizenId={citizenId} action={saveSpaceAction.bind(null, citizenId)} />
      <section aria-labelledby="checkin-title" className="space-y-4 border-t border-gray-300 pt-6">
        <h2 id="checkin-title">{t("checkInTitle")}</h2>
        <p>{t("checkInIntro")}</p>
        <CheckInForm citizenId={citizenId} action={checkInAction.bind(null, citizenId)} />
        {space.checkIns.length > 0 && (
          <ul className="space-y-2" data-testid="check-ins">
            {space.checkIns.map((c) => (
              <li key={c.id} className="border border-gray-300 p-3">
                <p className="font-semibold">
                  {format.dateTime(new Date(c.at), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Copenhagen" })}:{" "}
                  {tForm(`feeling.${c.feeling}`)}
                </p>
                {c.note && <p className="whitespace-pre-wrap">{c.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
