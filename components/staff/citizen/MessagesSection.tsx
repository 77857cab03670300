import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import type { MessageDto } from "@/lib/messages/dto";
import { MessageList } from "@/components/plan/AreaLists";
import { MessageForm } from "@/components/staff/PlanForms";

/** The messages caseworkers wrote to the citizen, newest first, and writing a new one. */
export async function MessagesSection({
  citizenId,
  messages,
  send,
}: {
  citizenId: string;
  messages: MessageDto[];
  send: ComponentProps<typeof MessageForm>["action"];
}) {
  const t = await getTranslations("StaffCitizen");
  return (
    <section aria-labelledby="staff-messages" className="space-y-3">
      <h2 id="staff-messages">{t("messagesTitle")}</h2>
      {messages.length === 0 ? (
        <p className="text-gray-600">{t("messagesEmpty")}</p>
      ) : (
        <MessageList messages={messages} testId="messages" />
      )}
      <div className="no-print space-y-3 border-t border-gray-300 pt-4">
        <h3>{t("messageNew")}</h3>
        <MessageForm citizenId={citizenId} action={send} />
      </div>
    </section>
  );
}
