import { describe, expect, it } from "vitest";
import { fromOidcClaims, fromSamlProfile, meets, NEMLOGIN, parseLevel } from "@/lib/mitid/identity";

const saml = { cpr: NEMLOGIN.cpr, level: NEMLOGIN.level };
const subject = "https://data.gov.dk/model/core/eid/person/uuid/5f0c1e5e-0000-4000-8000-000000000001";

describe("the level of assurance", () => {
  it("is read however NemLog-in or a broker writes it", () => {
    expect(parseLevel("Substantial")).toBe("Substantial");
    expect(parseLevel("https://data.gov.dk/concept/core/nsis/loa/High")).toBe("High");
    expect(parseLevel("http://eidas.europa.eu/LoA/substantial")).toBe("Substantial");
    expect(parseLevel(["low"])).toBe("Low");
    expect(parseLevel("urn:unknown")).toBeNull();
    expect(parseLevel(undefined)).toBeNull();
  });
  it("meets the required level only at or above it", () => {
    expect(meets("High", "Substantial")).toBe(true);
    expect(meets("Substantial", "Substantial")).toBe(true);
    expect(meets("Low", "Substantial")).toBe(false);
  });
});

describe("one identity from either way in", () => {
  it("from NemLog-in's attributes", () => {
    const profile = {
      nameID: subject,
      [NEMLOGIN.cpr]: "010145-1234",
      [NEMLOGIN.level]: "Substantial",
      [NEMLOGIN.firstName]: "Inge",
      [NEMLOGIN.lastName]: "Hansen",
    };
    expect(fromSamlProfile(profile, saml, "Substantial")).toEqual({
      ok: true,
      identity: { protocol: "saml", subject, cpr: "0101451234", level: "Substantial", name: "Inge Hansen" },
    });
  });
  it("refuses a level too low, no level, no CPR number, a CPR number that is no date, and no persistent identity", () => {
    const base = { nameID: subject, [NEMLOGIN.cpr]: "0101451234", [NEMLOGIN.level]: "Substantial" };
    expect(fromSamlProfile({ ...base, [NEMLOGIN.level]: "Low" }, saml, "Substantial")).toEqual({ ok: false, refusal: "level" });
    expect(fromSamlProfile({ ...base, [NEMLOGIN.level]: undefined }, saml, "Substantial")).toEqual({ ok: false, refusal: "level" });
    expect(fromSamlProfile({ ...base, [NEMLOGIN.cpr]: undefined }, saml, "Substantial")).toEqual({ ok: false, refusal: "no-cpr" });
    expect(fromSamlProfile({ ...base, [NEMLOGIN.cpr]: "3213451234" }, saml, "Substantial")).toEqual({ ok: false, refusal: "no-cpr" });
    expect(fromSamlProfile({ ...base, nameID: undefined }, saml, "Substantial")).toEqual({ ok: false, refusal: "no-subject" });
    // High required: Substantial is not enough
    expect(fromSamlProfile(base, saml, "High")).toEqual({ ok: false, refusal: "level" });
  });
  it("from a broker's claims, by the names configured: nin or cprNumberIdentifier, acr or a claim of its own", () => {
    const claims = {
      sub: "abc",
      nin: "0101451234",
      nin_type: "PERSON",
      acr: "https://data.gov.dk/concept/core/nsis/loa/Substantial",
      name: "Inge Hansen",
    };
    expect(fromOidcClaims(claims, { cpr: "nin", level: "acr" }, "Substantial")).toEqual({
      ok: true,
      identity: { protocol: "oidc", subject: "abc", cpr: "0101451234", level: "Substantial", name: "Inge Hansen" },
    });
    const other = { sub: "xyz", cprNumberIdentifier: "0101451234", mitid_loa: "high", given_name: "Inge", family_name: "Hansen" };
    expect(fromOidcClaims(other, { cpr: "cprNumberIdentifier", level: "mitid_loa" }, "Substantial")).toMatchObject({
      ok: true,
      identity: { subject: "xyz", level: "High", name: "Inge Hansen" },
    });
    // a number that is not a Danish person's CPR number
    expect(fromOidcClaims({ ...claims, nin_type: "ORGANISATION" }, { cpr: "nin", level: "acr" }, "Substantial")).toEqual({
      ok: false,
      refusal: "no-cpr",
    });
    expect(fromOidcClaims({ ...claims, acr: "Low" }, { cpr: "nin", level: "acr" }, "Substantial")).toEqual({ ok: false, refusal: "level" });
  });
});
