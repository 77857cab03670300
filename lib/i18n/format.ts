import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";

/** A calendar day (YYYY-MM-DD) said the way people say it: "24. december 2026". */
export async function getDayFormat() {
  const format = await getFormatter();
  return (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Copenhagen" });
}

/** A moment said with its day and time, Danish time: "3. december 2026 kl. 14.05". */
export async function getMomentFormat() {
  const format = await getFormatter();
  return (iso: string) =>
    format.dateTime(new Date(iso), {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Copenhagen",
    });
}

/** A service area's name from its key (standard areas are named in messages/). */
export async function getAreaName() {
  const t = await getTranslations("ServiceAreas");
  return (key: string) => (t.has(key) ? t(key) : key);
}
