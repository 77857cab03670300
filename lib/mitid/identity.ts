import { normaliseCpr } from "@/lib/staff/cpr";
import { PRIVILEGES_ATTRIBUTE } from "./privileges";

/**
 * What a MitID sign-in tells us, whichever way it came (NemLog-in over SAML, or a broker over OpenID
 * Connect): one shape, mapped here from either, by names that are configuration. Pure: no server, no
 * environment. The CPR number leaves this module only to be hashed (lib/mitid/enrol.ts).
 * docs/decisions/021-mitid-through-nemlog-in-or-a-broker.md
 */

/** NSIS levels of assurance, lowest first. */
export const LEVELS = ["Low", "Substantial", "High"] as const;
export type Level = (typeof LEVELS)[number];

export type MitidIdentity = {
  /** Which way in, and the persistent identity there: NemLog-in's person UUID, or the broker's `sub`. */
  protocol: "saml" | "oidc";
  subject: string;
  /** Ten digits, never stored or logged. */
  cpr: string;
  level: Level;
  name: string;
  /**
   * NemLog-in's privilege attribute as it came (base64 OIO-BPP): the rights of a Digital Fuldmagt the person
   * holds for someone else (lib/attorney/digital.ts). Absent: none.
   */
  privileges?: string;
};

/** Why a sign-in is refused; each has its own plain message on the sign-in page. */
export type Refusal = "level" | "no-cpr" | "no-subject" | "invalid";

export type Mapped = { ok: true; identity: MitidIdentity } | { ok: false; refusal: Refusal };

/** NemLog-in's attribute names (OIOSAML 3). */
export const NEMLOGIN = {
  cpr: "https://data.gov.dk/model/core/eid/cprNumber",
  level: "https://data.gov.dk/concept/core/nsis/loa",
  firstName: "https://data.gov.dk/model/core/eid/firstName",
  lastName: "https://data.gov.dk/model/core/eid/lastName",
  fullName: "https://data.gov.dk/model/core/eid/fullName",
} as const;

/**
 * A level as NemLog-in or a broker writes it: "Substantial", "substantial", a URI ending in it
 * (`https://data.gov.dk/concept/core/nsis/loa/Substantial`), or eIDAS' `…/loa/substantial`. Null when unknown.
 */
export function parseLevel(value: unknown): Level | null {
  const text = first(value);
  if (!text) return null;
  const last = text.trim().split(/[/#:]/).at(-1)!.toLowerCase();
  return LEVELS.find((l) => l.toLowerCase() === last) ?? null;
}

/** Whether `level` is at least `required`. */
export const meets = (level: Level, required: Level) => LEVELS.indexOf(level) >= LEVELS.indexOf(required);

function first(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return null;
}

function finish(
  protocol: MitidIdentity["protocol"],
  subject: string | null,
  cprRaw: string | null,
  levelRaw: unknown,
  name: string,
  required: Level,
): Mapped {
  if (!subject) return { ok: false, refusal: "no-subject" };
  const level = parseLevel(levelRaw);
  // a missing or unknown level is no level: refused like a too-low one
  if (!level || !meets(level, required)) return { ok: false, refusal: "level" };
  const cpr = cprRaw ? normaliseCpr(cprRaw) : null;
  if (!cpr) return { ok: false, refusal: "no-cpr" };
  return { ok: true, identity: { protocol, subject, cpr, level, name: name.trim() || "MitID" } };
}

export type SamlNames = { cpr: string; level: string };

/** From a validated SAML assertion's profile (node-saml: attributes by name, `nameID`). */
export function fromSamlProfile(profile: Record<string, unknown>, names: SamlNames, required: Level): Mapped {
  const nameID = first(profile.nameID);
  const full = first(profile[NEMLOGIN.fullName]);
  const name = full ?? [first(profile[NEMLOGIN.firstName]), first(profile[NEMLOGIN.lastName])].filter(Boolean).join(" ");
  const mapped = finish("saml", nameID, first(profile[names.cpr]), profile[names.level], name, required);
  // one value, as NemLog-in sends it; several values, or anything else, carry no rights
  const privileges = profile[PRIVILEGES_ATTRIBUTE];
  if (mapped.ok && typeof privileges === "string" && privileges.trim()) mapped.identity.privileges = privileges;
  return mapped;
}

export type OidcNames = { cpr: string; level: string };

/** From a verified ID token's (and user info's) claims: `sub`, and the claims the broker names. */
export function fromOidcClaims(claims: Record<string, unknown>, names: OidcNames, required: Level): Mapped {
  const name = first(claims.name) ?? [first(claims.given_name), first(claims.family_name)].filter(Boolean).join(" ");
  // a broker that says whose number `nin` is: only a Danish person's CPR number will do
  if (names.cpr === "nin" && claims.nin_type !== undefined && String(claims.nin_type).toUpperCase() !== "PERSON")
    return { ok: false, refusal: "no-cpr" };
  return finish("oidc", first(claims.sub), first(claims[names.cpr]), claims[names.level], name, required);
}
