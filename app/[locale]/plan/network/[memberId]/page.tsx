import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readNetwork } from "@/lib/network/queries";
import { Link } from "@/lib/i18n/navigation";
import { NoPlan } from "@/components/plan/NoPlan";
import { NetworkMemberForm } from "@/components/network/NetworkMemberForm";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { removePersonAction, updatePersonAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; memberId: string }> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "NetworkMember" });
  return { title: t("title") };
}

/** One person or community in my network: change what the plan says, or take them off the map. */
export default async function PersonPage({ params }: Props) {
  const { locale, memberId } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [t, network] = await Promise.all([getTranslations("NetworkMember"), readNetwork(actor, citizenId, { memberId })]);
  if (!network.ok || !network.value[0]) notFound();
  const member = network.value[0];
  return (
    <div className="max-w-3xl space-y-8">
      <p className="no-print">
        <Link href="/plan/network">{t("back")}</Link>
      </p>
      <h1>{member.name}</h1>
      <NetworkMemberForm member={member} action={updatePersonAction} />
      <section aria-labelledby="remove-title" className="space-y-3 border-t border-gray-300 pt-6">
        <h2 id="remove-title">{t("removeTitle", { name: member.name })}</h2>
        <p>{t("removeText")}</p>
        <OneClickForm
          action={removePersonAction}
          fields={{ memberId: member.id, version: member.version }}
          label={t("remove", { name: member.name })}
          look="danger"
        />
      </section>
    </div>
  );
}
