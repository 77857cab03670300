import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/citizen";
import { readPlan } from "@/lib/plan/queries";
import { NoPlan } from "@/components/plan/NoPlan";
import { PlanView } from "@/components/plan/PlanView";
import { NewsForYou } from "@/components/notify/NewsForYou";
import { markAllReadAction, markReadAction } from "../news/actions";
import { StartedWithNotice } from "@/components/plan/StartedWithNotice";
import { startedWithMe } from "@/lib/plan/started-with";
import { answerWrittenWithAction, keepStartedWithAction } from "./actions";
import { readWrittenWith } from "@/lib/written-with/queries";
import { WrittenWithYou } from "@/components/plan/WrittenWithYou";
import { readNotice } from "@/lib/i18n/notice";
import { Notice } from "@/components/forms/Notice";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Plan" });
  return { title: t("title") };
}

/** "My plan": the citizen's one-page profile, the home of the citizen's pages. */
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlanPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, citizenId } = await requireSignedIn(locale);
  if (!citizenId) return <NoPlan />;
  const [plan, started, written, notice, t, tWritten] = await Promise.all([
    readPlan(actor, citizenId, { visit: true }),
    startedWithMe(actor, citizenId),
    readWrittenWith(actor, citizenId),
    readNotice(searchParams, [
      "kept",
      "failed",
      "conflict",
      "written-confirm",
      "written-decline",
      "written-undo",
      "written-seen",
      "written-changed",
    ] as const),
    getTranslations("StartedWith"),
    getTranslations("WrittenWith"),
  ]);
  if (!plan.ok) notFound();
  const writtenNotice = notice?.startsWith("written-")
    ? (notice.slice("written-".length) as "confirm" | "decline" | "undo" | "seen" | "changed")
    : null;
  return (
    <>
      {notice && !writtenNotice && (
        <Notice kind={notice === "kept" ? "success" : "warning"} text={t(notice === "kept" ? "kept" : "keepFailed")} />
      )}
      {writtenNotice && <Notice kind={writtenNotice === "changed" ? "warning" : "success"} text={tWritten(`notice.${writtenNotice}`)} />}
      {started.ok && started.value && <StartedWithNotice started={started.value} keepAction={keepStartedWithAction} />}
      {written.ok && <WrittenWithYou items={written.value} answer={answerWrittenWithAction} />}
      <PlanView plan={plan.value} />
      {actor.kind === "user" && (
        <div className="mt-8 max-w-3xl">
          <NewsForYou
            userId={actor.userId}
            audiences={["citizen"]}
            markRead={markReadAction}
            markAllRead={markAllReadAction}
            short
            back="/plan"
          />
        </div>
      )}
    </>
  );
}
