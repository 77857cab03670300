import { redirect } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getAccount, onSharedComputer } from "@/lib/auth/actor";
import { titleFrom } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { URGENT_CHOICES, KINDS } from "@/lib/notify/kinds";
import { myDevices, pushPublicKey } from "@/lib/notify/devices";
import { settingsFor } from "@/lib/notify/settings";
import { serviceWorkerEnabled } from "@/lib/env-public";
import { PushDevice } from "@/components/notify/PushDevice";
import { OneClickForm } from "@/components/forms/OneClickForm";
import { addPushDeviceAction, forgetContactPointAction, removePushDeviceAction, saveNotificationsAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("NotifySettings");

const NOTICES = [
  "saved",
  "stale",
  "invalid",
  "invalid-emailAddress",
  "invalid-phone",
  "invalid-quietTo",
  "failed",
  "device-removed",
  "email-forgotten",
  "phone-forgotten",
  "email-sent",
  "email-throttled",
  "email-failed",
  "sms-sent",
  "sms-invalid",
  "sms-throttled",
  "sms-not-set-up",
  "sms-failed",
] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ notice?: string }> };

/** How I am told: which channels, where, when (quiet hours, once a day), what is urgent, in which language; and my devices. */
export default async function NotificationSettingsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const account = await getAccount();
  if (!account) redirect(`/${locale}/sign-in`);
  const [t, tKinds, format, settings, devices, { notice }, sharedComputer] = await Promise.all([
    getTranslations("NotifySettings"),
    getTranslations("ForYou.kinds"),
    getFormatter(),
    settingsFor(account.id),
    myDevices(account.id),
    searchParams,
    onSharedComputer(),
  ]);
  const notices = (notice ?? "").split(",").filter((n): n is (typeof NOTICES)[number] => (NOTICES as readonly string[]).includes(n));
  const publicKey = pushPublicKey();
  // the urgent choices that can happen to this person in their roles
  const audiences = new Set([
    account.isCitizen && "citizen",
    account.staffAreas.length > 0 && "staff",
    account.relativeOf > 0 && "relative",
  ]);
  const urgent = URGENT_CHOICES.filter((k) => audiences.has(KINDS[k].audience));
  // "07.00" in Danish, "07:00" in English: the locale's own way
  const hour = (h: number) => format.dateTime(new Date(Date.UTC(2000, 0, 1, h)), { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  const email = settings.emailAddress ?? settings.signInEmail;
  const quietOff = settings.quietFrom === settings.quietTo;

  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 id="settings-title">{t("title")}</h1>
        <p className="mt-2 text-lg">{t("intro")}</p>
        <p className="mt-2">{t("privacy")}</p>
      </div>
      {notices.length > 0 && (
        <div role="status" className="border-s-4 border-info bg-info-light p-4" data-testid="settings-notice">
          <ul className="space-y-1">
            {notices.map((n) => (
              <li key={n} className="font-semibold">
                {t(`notice.${n}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {account.isCitizen && !settings.chosen && <p>{t("fromContactWishes")}</p>}

      <form action={saveNotificationsAction} className="space-y-8">
        <input type="hidden" name="version" value={settings.version} />
        <fieldset className="space-y-3">
          <legend className="text-xl font-semibold">{t("channelsTitle")}</legend>
          <div className="flex items-start gap-3">
            <input id="email" name="email" type="checkbox" defaultChecked={settings.email} className="mt-1 size-6" />
            {/* min-w-0: a long address breaks onto the next line instead of pushing the page sideways */}
            <label htmlFor="email" className="min-w-0">
              {email ? t("emailTo", { address: email }) : t("emailNone")}
            </label>
          </div>
          <div className="flex items-start gap-3">
            <input id="sms" name="sms" type="checkbox" defaultChecked={settings.sms} className="mt-1 size-6" />
            <label htmlFor="sms">{settings.phone ? t("smsTo", { number: settings.phone }) : t("smsNone")}</label>
          </div>
          <div className="flex items-start gap-3">
            <input id="push" name="push" type="checkbox" defaultChecked={settings.push} className="mt-1 size-6" />
            <label htmlFor="push">{t("pushChoice", { count: devices.length })}</label>
          </div>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-xl font-semibold">{t("whereTitle")}</legend>
          <div>
            <label htmlFor="emailAddress" className="block font-semibold">
              {t("emailAddress")}
            </label>
            <p id="emailAddress-hint" className="text-gray-700">
              {t("emailAddressHint")}
            </p>
            <input
              id="emailAddress"
              name="emailAddress"
              type="email"
              autoComplete="email"
              aria-describedby="emailAddress-hint"
              aria-invalid={notices.includes("invalid-emailAddress") || undefined}
              className="mt-1 min-h-11 w-full border-2 border-gray-600 px-3"
            />
          </div>
          <div>
            <label htmlFor="phone" className="block font-semibold">
              {t("phone")}
            </label>
            <p id="phone-hint" className="text-gray-700">
              {t("phoneHint")}
            </p>
            <input
              id="phone"
              name="phone"
              type="tel"
              autoComplete="tel"
              aria-describedby="phone-hint"
              aria-invalid={notices.includes("invalid-phone") || undefined}
              className="mt-1 min-h-11 w-full max-w-xs border-2 border-gray-600 px-3"
            />
          </div>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-xl font-semibold">{t("whenTitle")}</legend>
          <div className="flex items-start gap-3">
            <input id="timing-now" name="timing" type="radio" value="now" defaultChecked={!settings.digest} className="mt-1 size-6" />
            <label htmlFor="timing-now">{t("timingNow")}</label>
          </div>
          <div className="flex flex-wrap items-start gap-3">
            <input id="timing-digest" name="timing" type="radio" value="digest" defaultChecked={settings.digest} className="mt-1 size-6" />
            <label htmlFor="timing-digest">{t("timingDigest")}</label>
            <label htmlFor="digestAt" className="sr-only">
              {t("digestAt")}
            </label>
            <select
              id="digestAt"
              name="digestAt"
              defaultValue={Math.floor(settings.digestAt / 60)}
              className="min-h-11 border-2 border-gray-600 px-2"
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {t("atHour", { hour: hour(h) })}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-xl font-semibold">{t("quietTitle")}</legend>
          <p>{t("quietIntro")}</p>
          <div className="flex items-start gap-3">
            <input id="quiet-none" name="quiet" type="radio" value="none" defaultChecked={quietOff} className="mt-1 size-6" />
            <label htmlFor="quiet-none">{t("quietNone")}</label>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <input id="quiet-hours" name="quiet" type="radio" value="hours" defaultChecked={!quietOff} className="size-6" />
            <label htmlFor="quiet-hours">{t("quietHours")}</label>
            <label htmlFor="quietFrom">{t("quietFrom")}</label>
            <select
              id="quietFrom"
              name="quietFrom"
              aria-label={t("quietFromLabel")}
              defaultValue={quietOff ? 21 : Math.floor(settings.quietFrom / 60)}
              className="min-h-11 border-2 border-gray-600 px-2"
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hour(h)}
                </option>
              ))}
            </select>
            <label htmlFor="quietTo">{t("quietTo")}</label>
            <select
              id="quietTo"
              name="quietTo"
              aria-label={t("quietToLabel")}
              defaultValue={quietOff ? 7 : Math.floor(settings.quietTo / 60)}
              aria-invalid={notices.includes("invalid-quietTo") || undefined}
              className="min-h-11 border-2 border-gray-600 px-2"
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hour(h)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        {urgent.length > 0 && (
          <fieldset className="space-y-3">
            <legend className="text-xl font-semibold">{t("urgentTitle")}</legend>
            <p>{t("urgentIntro")}</p>
            {urgent.map((k) => (
              <div key={k} className="flex items-start gap-3">
                <input
                  id={`urgent-${k}`}
                  name="urgentKinds"
                  type="checkbox"
                  value={k}
                  defaultChecked={settings.urgentKinds.includes(k)}
                  className="mt-1 size-6"
                />
                <label htmlFor={`urgent-${k}`}>{tKinds(k, { name: "" })}</label>
              </div>
            ))}
          </fieldset>
        )}

        <fieldset className="space-y-3">
          <legend className="text-xl font-semibold">{t("languageTitle")}</legend>
          {routing.locales.map((l) => (
            <div key={l} className="flex items-start gap-3">
              <input
                id={`language-${l}`}
                name="language"
                type="radio"
                value={l}
                defaultChecked={settings.language === l}
                className="mt-1 size-6"
              />
              <label htmlFor={`language-${l}`} lang={l}>
                {t(`language.${l}`)}
              </label>
            </div>
          ))}
        </fieldset>

        <button type="submit" className="min-h-11 bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark">
          {t("save")}
        </button>
      </form>

      {(settings.emailAddress || settings.phone) && (
        <section aria-labelledby="points-title" className="space-y-3">
          <h2 id="points-title">{t("pointsTitle")}</h2>
          {settings.emailAddress && (
            <div className="flex flex-wrap items-center gap-3">
              <span>{t("emailTo", { address: settings.emailAddress })}</span>
              <OneClickForm
                action={forgetContactPointAction}
                fields={{ what: "emailAddress" }}
                label={settings.signInEmail ? t("useSignInAddress") : t("forgetAddress")}
              />
            </div>
          )}
          {settings.phone && (
            <div className="flex flex-wrap items-center gap-3">
              <span>{t("smsTo", { number: settings.phone })}</span>
              <OneClickForm action={forgetContactPointAction} fields={{ what: "phone" }} label={t("forgetNumber")} />
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="devices-title" className="space-y-3">
        <h2 id="devices-title">{t("devicesTitle")}</h2>
        {devices.length > 0 ? (
          <ul className="space-y-2" data-testid="push-devices">
            {devices.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-3 border border-gray-300 p-3">
                <span className="grow">
                  {d.label}: {t("deviceSince", { date: format.dateTime(new Date(d.createdAt), { dateStyle: "long" }) })}
                </span>
                <OneClickForm
                  action={removePushDeviceAction}
                  fields={{ id: d.id }}
                  label={t("deviceRemove")}
                  ariaLabel={t("deviceRemoveLabel", { what: d.label })}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("devicesNone")}</p>
        )}
        {sharedComputer ? (
          <p data-testid="push-not-shared">{t("pushNotShared")}</p>
        ) : publicKey && serviceWorkerEnabled ? (
          <>
            <PushDevice publicKey={publicKey} add={addPushDeviceAction} />
            <noscript>
              <p>{t("deviceNeedsScript")}</p>
            </noscript>
          </>
        ) : (
          <p data-testid="push-unavailable">{t("pushUnavailable")}</p>
        )}
      </section>
      <p>
        <Link href="/news">{t("toNews")}</Link>
      </p>
    </div>
  );
}
