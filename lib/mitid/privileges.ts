/**
 * The rights a NemLog-in sign-in carries (Digital Fuldmagt): the SAML attribute
 * `https://data.gov.dk/model/core/eid/privilegesIntermediate`, base64 of UTF-8 OIO-BPP XML
 * (OIO Basic Privilege Profile 1.2, the "intermediate" model):
 *
 *   <bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">
 *     <PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101451234">
 *       <Privilege>https://…/our-registered-right</Privilege>
 *       <Constraint Name="urn:…">value</Constraint>
 *     </PrivilegeGroup>
 *   </bpp:PrivilegeList>
 *
 * A person-to-person power of attorney names the principal (the person the holder acts for) by
 * CPR number in the group's Scope; an employee's rights name a CVR, SE or P number instead.
 * Pure: no I/O, no server, nothing logged; a refusal is `{ ok: false }` and never says why (a
 * message could carry a CPR number). The XML is read by the strict parser below, made for this
 * small profile: no document type declarations (so no entities), well-formedness checked in full.
 */

export const PRIVILEGES_ATTRIBUTE = "https://data.gov.dk/model/core/eid/privilegesIntermediate";
export const BPP_NAMESPACE = "http://digst.dk/oiosaml/basic_privilege_profile";

/** The largest attribute value read, in characters of base64 (a real list is a few hundred bytes). */
export const MAX_PRIVILEGES_CHARS = 64 * 1024;

export type ScopeKind = "cpr" | "cvr" | "se" | "pnum" | "other";
export type PrivilegeGroup = {
  /** The kind of number the group is scoped to and the number; "other" keeps the whole Scope as `value`. */
  scope: { kind: ScopeKind; value: string };
  privileges: string[];
  constraints: { name: string; value: string }[];
};
export type ParsedPrivileges = { ok: true; groups: PrivilegeGroup[] } | { ok: false };

const SCOPES: [ScopeKind, string][] = [
  ["cpr", "urn:dk:gov:saml:cprNumberIdentifier:"],
  ["cvr", "urn:dk:gov:saml:cvrNumberIdentifier:"],
  ["se", "urn:dk:gov:saml:seNumberIdentifier:"],
  ["pnum", "urn:dk:gov:saml:productionUnitIdentifier:"],
];

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const refused = { ok: false } as const;

/** The attribute's value (base64 OIO-BPP) as privilege groups, or a refusal. Whitespace in the base64 is tolerated. */
export function parsePrivileges(base64: string): ParsedPrivileges {
  if (typeof base64 !== "string" || base64.length > MAX_PRIVILEGES_CHARS) return refused;
  const compact = base64.replace(/\s+/g, "");
  if (!compact || !BASE64.test(compact) || compact.length % 4 === 1) return refused;
  let root: XmlElement;
  try {
    root = parseXml(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(compact, "base64")));
  } catch {
    return refused;
  }
  if (root.ns !== BPP_NAMESPACE || root.local !== "PrivilegeList") return refused;

  const groups: PrivilegeGroup[] = [];
  for (const element of children(root, "PrivilegeGroup")) {
    const scope = parseScope(element.attrs.get("Scope"));
    if (!scope) return refused;
    const privileges = children(element, "Privilege")
      .map(text)
      .filter((p) => p !== "");
    const constraints: PrivilegeGroup["constraints"] = [];
    for (const constraint of children(element, "Constraint")) {
      const name = constraint.attrs.get("Name")?.trim();
      // a constraint narrows the group's privileges: one that cannot be read is a refusal, not a wider right
      if (!name) return refused;
      constraints.push({ name, value: text(constraint) });
    }
    groups.push({ scope, privileges, constraints });
  }
  return { ok: true, groups };
}

/** A Scope URI as its kind and number; null when missing, when a known kind has no number, or when a CPR number is not ten digits. */
function parseScope(raw: string | undefined): PrivilegeGroup["scope"] | null {
  const scope = raw?.trim();
  if (!scope) return null;
  for (const [kind, prefix] of SCOPES) {
    if (scope.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase()) {
      const value = scope.slice(prefix.length);
      if (!value || (kind === "cpr" && !/^\d{10}$/.test(value))) return null;
      return { kind, value };
    }
  }
  return { kind: "other", value: scope };
}

/** The child elements named `localName`: unqualified as the profile's schema has them, or in its namespace; anything else is ignored. */
function children(parent: XmlElement, localName: string): XmlElement[] {
  return parent.children.filter(
    (c): c is XmlElement => typeof c !== "string" && c.local === localName && (c.ns === null || c.ns === BPP_NAMESPACE),
  );
}

/** An element's own text (character data and CDATA), trimmed. */
function text(element: XmlElement): string {
  return element.children
    .filter((c): c is string => typeof c === "string")
    .join("")
    .trim();
}

// ---- A strict XML 1.0 (with namespaces) reader for small documents. It refuses, rather than repairs: a
// document type declaration, any entity but the five predefined ones and character references, a
// mismatched or missing end tag, an unbound prefix, a duplicate attribute, text or a second element
// outside the root, and characters XML does not allow. No I/O, no expansion, nothing fetched.

type XmlElement = { ns: string | null; local: string; attrs: Map<string, string>; children: (XmlElement | string)[] };

const REFUSED = Symbol("refused");
function refuse(): never {
  throw REFUSED;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const MAX_DEPTH = 32;
const NAME_START =
  "A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NCNAME = new RegExp(`[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`, "y");
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const DECLARATION =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1([ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(yes|no)\5)?[ \t\n]*\?>/;
const REFERENCE = /&(?:(lt|gt|amp|apos|quot)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/g;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

/** Character data or an attribute value with its references resolved; a bare `&` or any other entity is refused. */
function resolveReferences(raw: string): string {
  if (!raw.includes("&")) return raw;
  if (raw.replace(REFERENCE, "").includes("&")) refuse();
  return raw.replace(REFERENCE, (_, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return PREDEFINED[named]!;
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    if (!isXmlChar(cp)) refuse();
    return String.fromCodePoint(cp);
  });
}

/** The document's root element; throws (nothing but a refusal, no message) when the text is not well-formed. */
function parseXml(source: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(source) || FORBIDDEN_CHARS.test(source)) refuse();
  const s = source.replace(/\r\n?/g, "\n");
  let i = 0;
  const at = (token: string) => s.startsWith(token, i);
  const space = () => {
    const from = i;
    while (s[i] === " " || s[i] === "\t" || s[i] === "\n") i++;
    return i > from;
  };
  const ncname = () => {
    NCNAME.lastIndex = i;
    const match = NCNAME.exec(s);
    if (!match) refuse();
    i += match[0].length;
    return match[0];
  };
  const qname = () => {
    const first = ncname();
    if (s[i] !== ":") return first;
    i++;
    return `${first}:${ncname()}`;
  };
  const comment = () => {
    const end = s.indexOf("-->", i + 4);
    if (end < 0) refuse();
    const body = s.slice(i + 4, end);
    if (body.includes("--") || body.endsWith("-")) refuse();
    i = end + 3;
  };
  const instruction = () => {
    i += 2;
    const target = qname();
    if (target.toLowerCase() === "xml") refuse();
    const end = s.indexOf("?>", i);
    if (end < 0 || (end > i && !space())) refuse();
    i = end + 2;
  };
  const misc = () => {
    for (;;) {
      space();
      if (at("<!--")) comment();
      else if (at("<?")) instruction();
      else return;
    }
  };
  const element = (scope: Map<string, string>, depth: number): XmlElement => {
    if (depth > MAX_DEPTH) refuse();
    i++; // <
    const tag = qname();
    const raw = new Map<string, string>();
    for (;;) {
      const spaced = space();
      if (at(">") || at("/>")) break;
      if (!spaced) refuse();
      const name = qname();
      space();
      if (s[i] !== "=") refuse();
      i++;
      space();
      const quote = s[i];
      if (quote !== '"' && quote !== "'") refuse();
      const end = s.indexOf(quote, i + 1);
      if (end < 0) refuse();
      const value = s.slice(i + 1, end);
      if (value.includes("<") || raw.has(name)) refuse();
      raw.set(name, resolveReferences(value.replace(/[\t\n]/g, " ")));
      i = end + 1;
    }
    let ns = scope;
    for (const [name, value] of raw) {
      if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
      if (ns === scope) ns = new Map(scope);
      ns.set(name === "xmlns" ? "" : name.slice(6), value);
    }
    const split = (name: string) => {
      const colon = name.indexOf(":");
      return colon < 0 ? { prefix: null, local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
    };
    const bound = (prefix: string) => (prefix === "xml" ? XML_NS : ns.get(prefix) || refuse());
    const { prefix, local } = split(tag);
    const el: XmlElement = { ns: prefix ? bound(prefix) : ns.get("") || null, local, attrs: new Map(), children: [] };
    for (const [name, value] of raw) {
      const attribute = split(name);
      if (attribute.prefix === null) {
        if (name !== "xmlns") el.attrs.set(name, value);
      } else if (attribute.prefix !== "xmlns") bound(attribute.prefix);
    }
    if (at("/>")) {
      i += 2;
      return el;
    }
    i++; // >
    for (;;) {
      const lt = s.indexOf("<", i);
      if (lt < 0) refuse();
      if (lt > i) {
        const data = s.slice(i, lt);
        if (data.includes("]]>")) refuse();
        el.children.push(resolveReferences(data));
        i = lt;
      }
      if (at("</")) {
        i += 2;
        const closing = qname();
        space();
        if (closing !== tag || s[i] !== ">") refuse();
        i++;
        return el;
      }
      if (at("<!--")) comment();
      else if (at("<![CDATA[")) {
        const end = s.indexOf("]]>", i + 9);
        if (end < 0) refuse();
        el.children.push(s.slice(i + 9, end));
        i = end + 3;
      } else if (at("<?")) instruction();
      else if (at("<!")) refuse();
      else el.children.push(element(ns, depth + 1));
    }
  };

  const declaration = DECLARATION.exec(s);
  if (declaration) i = declaration[0].length;
  else if (at("<?xml") && /^<\?xml[ \t\n?]/.test(s)) refuse();
  misc();
  if (s[i] !== "<") refuse();
  const root = element(new Map(), 0);
  misc();
  if (i !== s.length) refuse();
  return root;
}

export type Right = "SEE_PLAN" | "WRITE_PLAN" | "ANSWER_CONSENTS";
/** The privilege URIs the municipality registered for this service in NemLog-in, one per right. */
export type RegisteredRights = { seePlan: string; writePlan: string; answerConsents: string };
export type Power = { principalCpr: string; rights: Right[] };

const RIGHTS: [Right, keyof RegisteredRights][] = [
  ["SEE_PLAN", "seePlan"],
  ["WRITE_PLAN", "writePlan"],
  ["ANSWER_CONSENTS", "answerConsents"],
];

/**
 * The powers of attorney held: for each principal (CPR number), the rights of ours granted. Only CPR-scoped
 * groups count, and only privileges exactly equal to a registered URI; a principal's groups are merged; a group
 * that carries a Constraint is left out (we cannot honour a limit we do not understand, so it grants nothing);
 * principals with no right of ours are dropped. Principals in CPR order, rights in the order above.
 */
export function mapPowers(groups: PrivilegeGroup[], registered: RegisteredRights): Power[] {
  const byUri = new Map<string, Right[]>();
  for (const [right, key] of RIGHTS) {
    const uri = registered[key]?.trim();
    if (uri) byUri.set(uri, [...(byUri.get(uri) ?? []), right]);
  }
  const powers = new Map<string, Set<Right>>();
  for (const group of groups) {
    if (group.scope.kind !== "cpr" || !/^\d{10}$/.test(group.scope.value) || group.constraints.length > 0) continue;
    for (const privilege of group.privileges) {
      for (const right of byUri.get(privilege.trim()) ?? []) {
        const rights = powers.get(group.scope.value) ?? new Set<Right>();
        rights.add(right);
        powers.set(group.scope.value, rights);
      }
    }
  }
  return [...powers.keys()]
    .sort()
    .map((principalCpr) => ({ principalCpr, rights: RIGHTS.map(([right]) => right).filter((r) => powers.get(principalCpr)!.has(r)) }));
}
