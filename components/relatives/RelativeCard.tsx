import { getTranslations } from "next-intl/server";
import type { RelativeDto } from "@/lib/relatives/dto";
import { RELATIVE_PERMISSIONS } from "@/lib/relatives/schema";
import { getDayFormat } from "@/lib/i18n/format";
import { todayInDenmark } from "@/lib/validation/fields";
import { RelativeSpaceSummary } from "./RelativeSpaceSummary";
import { OneClickForm } from "@/components/forms/OneClickForm";

/** Who the joining account proves to be, beside the name the citizen gave: the wrong person shows at once. */
export async function JoinedAs({ joinedAs }: { joinedAs: RelativeDto["joinedAs"] }) {
  const t = await getTranslations("Relatives");
  if (joinedAs.by === "mitid") return <p>{t("joinedAs.mitid", { name: joinedAs.name })}</p>;
  if (joinedAs.by === "email") return <p className="break-words">{t("joinedAs.email", { email: joinedAs.email })}</p>;
  return null;
}

type Props = { relative: RelativeDto; change: (formData: FormData) => Promise<void>; end: (formData: FormData) => Promise<void> };

/** One relative, for the citizen: what they may see and do (changeable), what they added, what they shared of themselves. */
export async function RelativeCard({ relative: r, change, end }: Props) {
  const [t, tInvite, day] = await Promise.all([getTranslations("Relatives"), getTranslations("InviteForm"), getDayFormat()]);
  const prefix = `rel-${r.id.slice(0, 8)}`;
  return (
    <li className="space-y-3 border-2 border-gray-300 p-4" data-testid="relative">
      <h3 className="text-xl">{r.name}</h3>
      <JoinedAs joinedAs={r.joinedAs} />
      <p className="text-sm text-gray-600">
        {t("since", { date: day(todayInDenmark(new Date(r.since))) })}
        {r.accessUntil && <> · {t("until", { date: day(r.accessUntil) })}</>}
      </p>
      {(r.added.agreements > 0 || r.added.people > 0) && <p>{t("added", { agreements: r.added.agreements, people: r.added.people })}</p>}
      {r.space && <RelativeSpaceSummary name={r.name} space={r.space} />}
      <form action={change} className="space-y-3">
        <input type="hidden" name="relationshipId" value={r.id} />
        <input type="hidden" name="version" value={r.version} />
        <fieldset className="space-y-1">
          <legend className="font-semibold">{t("mayLegend", { name: r.name })}</legend>
          {RELATIVE_PERMISSIONS.map((p) => (
            <label key={p} className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name="permissions" value={p} defaultChecked={r.permissions.includes(p)} className="size-6 shrink-0" />
              {tInvite(`permission.${p}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor={`${prefix}-until`} className="block font-semibold">
            {tInvite("accessUntil")}
          </label>
          <input
            id={`${prefix}-until`}
            type="date"
            name="accessUntil"
            defaultValue={r.accessUntil ?? ""}
            className="mt-1 block min-h-11 border-2 border-gray-600 px-3"
          />
        </div>
        <button
          type="submit"
          aria-label={t("saveFor", { name: r.name })}
          className="min-h-11 bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark"
        >
          {t("save")}
        </button>
      </form>
      <OneClickForm action={end} fields={{ relationshipId: r.id }} label={t("end", { name: r.name })} look="danger" />
    </li>
  );
}
