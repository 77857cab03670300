import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { SerwistProvider } from "@serwist/turbopack/react";
import { directionOf, routing } from "@/lib/i18n/routing";
import { serviceWorkerEnabled } from "@/lib/env-public";
import { chooseVisitorEasyRead, signOut, stillHere } from "./sign-in/actions";
import { SiteHeader } from "@/components/SiteHeader";
import { SiteFooter } from "@/components/SiteFooter";
import { fontVariables } from "../fonts/fonts";
import { getReading } from "@/lib/auth/actor";
import { textSizeClass } from "@/lib/reading/text-size";
import "../globals.css";

/** `nav`: the role navigation for this address (app/[locale]/@nav, docs/decisions/040), or nothing. */
type Props = { children: ReactNode; nav: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Omit<Props, "children" | "nav">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "App" });
  return {
    title: { default: t("name"), template: `%s – ${t("name")}` },
    description: t("description"),
    applicationName: t("name"),
    manifest: `/manifest/${locale}`,
    icons: { icon: "/icons/icon.svg", apple: "/icons/icon-192.png" },
  };
}

export const viewport: Viewport = { themeColor: "#004d99", width: "device-width", initialScale: 1 };

export default async function LocaleLayout({ children, nav, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  // every page is rendered per request, so its scripts carry that request's nonce (decision 028)
  await connection();
  setRequestLocale(locale);
  // easy-read is in the messages already (lib/i18n/request.ts); the text size is the root font size (decision 036)
  const [messages, t, reading] = await Promise.all([getMessages(), getTranslations("Common"), getReading()]);
  const htmlClass = [fontVariables, textSizeClass(reading.textSize)].filter(Boolean).join(" ");

  return (
    // the fonts' variables, which globals.css's font lists are built from (docs/decisions/034), and the text size
    <html lang={locale} dir={directionOf(locale)} className={htmlClass}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:inset-s-2 focus:top-2 focus:z-50 focus:bg-white focus:p-3"
        >
          {t("skipToContent")}
        </a>
        {/* Client components get only the messages they use. */}
        <NextIntlClientProvider
          messages={{
            Errors: messages.Errors,
            Validation: messages.Validation,
            SignIn: messages.SignIn,
            SignInForm: messages.SignInForm,
            StoryForm: messages.StoryForm,
            ContactForm: messages.ContactForm,
            StartForm: messages.StartForm,
            Forms: messages.Forms,
            AgreementForm: messages.AgreementForm,
            GoalForm: messages.GoalForm,
            NetworkMemberForm: messages.NetworkMemberForm,
            InviteForm: messages.InviteForm,
            SpaceForm: messages.SpaceForm,
            PlainLanguage: messages.PlainLanguage,
            StaffForms: messages.StaffForms,
            ContactRequestForm: messages.ContactRequestForm,
            CprLookup: messages.CprLookup,
            TeamForms: messages.TeamForms,
            StartPlan: messages.StartPlan,
            NotifySettings: messages.NotifySettings,
            StaffProfile: messages.StaffProfile,
            RecordConsent: messages.RecordConsent,
            WriteWith: messages.WriteWith,
            Powers: messages.Powers,
            ReadAloud: messages.ReadAloud,
          }}
        >
          {/* no automatic reload when the connection returns: someone may be typing */}
          <SerwistProvider swUrl="/serwist/sw.js" disable={!serviceWorkerEnabled} reloadOnOnline={false}>
            <SiteHeader signOut={signOut} stillHere={stillHere} chooseEasyRead={chooseVisitorEasyRead} />
            {/* before <main>, so "skip to content" passes it as it passes the header */}
            {nav}
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
              {children}
            </main>
            <SiteFooter />
          </SerwistProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
