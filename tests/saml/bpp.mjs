// OIO-BPP (OIO Basic Privilege Profile 1.2) for the tests: what NemLog-in sends in the attribute
// https://data.gov.dk/model/core/eid/privilegesIntermediate when a relative signs in holding a
// Digital Fuldmagt. One PrivilegeGroup per principal, scoped to the principal's CPR number, its
// Privilege elements the rights the municipality registered. Never for production.

export const PRIVILEGES_ATTRIBUTE = "https://data.gov.dk/model/core/eid/privilegesIntermediate";
export const BPP_NAMESPACE = "http://digst.dk/oiosaml/basic_privilege_profile";

/** @param {unknown} value */
const escape = (value) =>
  String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");

/**
 * The OIO-BPP document (XML) for these powers of attorney.
 * @param {{ cpr: string, privileges: string[] }[]} groups
 */
export function bppXml(groups) {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<bpp:PrivilegeList xmlns:bpp="${BPP_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    groups
      .map(
        ({ cpr, privileges }) =>
          `<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:${escape(cpr)}">` +
          privileges.map((privilege) => `<Privilege>${escape(privilege)}</Privilege>`).join("") +
          `</PrivilegeGroup>`,
      )
      .join("") +
    `</bpp:PrivilegeList>`
  );
}

/**
 * The attribute's value: the OIO-BPP document as UTF-8, base64-encoded.
 * @param {{ cpr: string, privileges: string[] }[]} groups
 * @returns {string}
 */
export function bppFor(groups) {
  return Buffer.from(bppXml(groups), "utf8").toString("base64");
}
