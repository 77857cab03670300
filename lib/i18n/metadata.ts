import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** `generateMetadata` for a page whose title is `<namespace>.title` in messages/. */
export function titleFrom(namespace: string) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const t = await getTranslations({ locale: (await params).locale, namespace });
    return { title: t("title") };
  };
}
