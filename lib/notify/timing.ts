import type { Kind } from "./kinds";

/**
 * When and how each notification goes out, as the person asked. Pure: no I/O,
 * no clock (every function takes `now`). Times are Danish time, since that is
 * where the people live; minutes after midnight, so 21:00 is 1260.
 */

export type Channel = "EMAIL" | "SMS" | "PUSH";
export const CHANNELS: readonly Channel[] = ["EMAIL", "SMS", "PUSH"];

export type Wishes = {
  email: boolean;
  sms: boolean;
  push: boolean;
  quietFrom: number;
  quietTo: number;
  digest: boolean;
  digestAt: number;
  urgentKinds: readonly string[];
};

/** What can reach the person now: a confirmed address, a confirmed number, a device that said yes. */
export type Reach = { email: boolean; sms: boolean; push: boolean };

export type Planned = { channel: Channel; dueAt: Date; digest: boolean };

const TZ = "Europe/Copenhagen";
const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TZ,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function local(at: Date) {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: +p.year!, m: +p.month!, d: +p.day!, h: +p.hour!, min: +p.minute!, s: +p.second! };
}

/** Minutes after midnight in Denmark at `at`. */
export const danishMinutes = (at: Date) => {
  const l = local(at);
  return l.h * 60 + l.min;
};

/** The instant a Danish wall-clock time falls on (a time skipped by the spring change is taken an hour later). */
function fromDanish(y: number, m: number, d: number, minutes: number): Date {
  const guess = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(guess - offsetHours * 3_600_000);
    const l = local(candidate);
    if (l.d === d && l.h * 60 + l.min === minutes) return candidate;
  }
  return new Date(guess - 3_600_000);
}

/** The next instant, after `now`, at which the Danish clock shows `minutes`. */
export function nextDanishTime(now: Date, minutes: number): Date {
  const l = local(now);
  const today = fromDanish(l.y, l.m, l.d, minutes);
  if (today > now) return today;
  const tomorrow = new Date(Date.UTC(l.y, l.m - 1, l.d + 1));
  return fromDanish(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), minutes);
}

/** Whether `minutes` falls in the quiet hours [from, to) (across midnight when from > to; none when equal). */
export function inQuietHours(minutes: number, from: number, to: number): boolean {
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/**
 * The deliveries for one notification: on each channel the person chose and
 * can be reached on; at once, or at the end of quiet hours, or in the next daily
 * digest, unless they chose this kind as urgent. No channel: the app only.
 */
export function planDeliveries(kind: Kind, wishes: Wishes, reach: Reach, now: Date): Planned[] {
  const urgent = wishes.urgentKinds.includes(kind);
  const chosen = CHANNELS.filter((c) =>
    c === "EMAIL" ? wishes.email && reach.email : c === "SMS" ? wishes.sms && reach.sms : wishes.push && reach.push,
  );
  let dueAt = now;
  let digest = false;
  if (!urgent && wishes.digest) {
    dueAt = nextDanishTime(now, wishes.digestAt);
    digest = true;
  } else if (!urgent && inQuietHours(danishMinutes(now), wishes.quietFrom, wishes.quietTo)) {
    dueAt = nextDanishTime(now, wishes.quietTo);
  }
  return chosen.map((channel) => ({ channel, dueAt, digest }));
}
