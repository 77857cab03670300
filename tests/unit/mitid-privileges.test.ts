import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapPowers, MAX_PRIVILEGES_CHARS, parsePrivileges, type PrivilegeGroup } from "@/lib/mitid/privileges";
import { bppFor } from "../saml/bpp.mjs";

// OIO Basic Privilege Profile 1.2 as NemLog-in sends it in https://data.gov.dk/model/core/eid/privilegesIntermediate
const registered = {
  seePlan: "https://tio.example.dk/rights/see-plan",
  writePlan: "https://tio.example.dk/rights/write-plan",
  answerConsents: "https://tio.example.dk/rights/answer-consents",
};
const b64 = (xml: string) => Buffer.from(xml, "utf8").toString("base64");
const list = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</bpp:PrivilegeList>`;

const realistic = list(`
  <PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101451234">
    <Privilege>${registered.seePlan}</Privilege>
    <Privilege> ${registered.answerConsents} </Privilege>
    <Privilege>urn:dk:kmd:pn:nexusborgerportal:fuldmagt</Privilege>
  </PrivilegeGroup>
  <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:12345678">
    <Constraint Name="urn:dk:kombit:KLE">25.*</Constraint>
    <Privilege>${registered.writePlan}</Privilege>
  </PrivilegeGroup>
  <PrivilegeGroup Scope="urn:dk:gov:saml:seNumberIdentifier:27384223"><Privilege>urn:dk:some_domain:myPrivilege1C</Privilege></PrivilegeGroup>
  <PrivilegeGroup Scope="urn:dk:gov:saml:productionUnitIdentifier:1234567890"><Privilege>urn:dk:some_domain:p</Privilege></PrivilegeGroup>
  <PrivilegeGroup Scope="urn:dk:healthcare:saml:userAuthorization:AuthorizationCode:ABC12:EducationCode:7170"><Privilege>urn:x</Privilege></PrivilegeGroup>
  <SomethingNew>ignored</SomethingNew>
  <!-- a comment -->
`);

describe("parsing OIO-BPP", () => {
  it("reads a realistic privilege list: every group with its scope, privileges and constraints", () => {
    expect(parsePrivileges(b64(realistic))).toEqual({
      ok: true,
      groups: [
        {
          scope: { kind: "cpr", value: "0101451234" },
          privileges: [registered.seePlan, registered.answerConsents, "urn:dk:kmd:pn:nexusborgerportal:fuldmagt"],
          constraints: [],
        },
        {
          scope: { kind: "cvr", value: "12345678" },
          privileges: [registered.writePlan],
          constraints: [{ name: "urn:dk:kombit:KLE", value: "25.*" }],
        },
        { scope: { kind: "se", value: "27384223" }, privileges: ["urn:dk:some_domain:myPrivilege1C"], constraints: [] },
        { scope: { kind: "pnum", value: "1234567890" }, privileges: ["urn:dk:some_domain:p"], constraints: [] },
        {
          scope: { kind: "other", value: "urn:dk:healthcare:saml:userAuthorization:AuthorizationCode:ABC12:EducationCode:7170" },
          privileges: ["urn:x"],
          constraints: [],
        },
      ],
    });
  });

  it("reads the form NemLog-in 3 sends for a citizen's power of attorney, and what the test identity provider makes", () => {
    // one line, no whitespace, xmlns:xsi first (the shape of a real NemLog-in 3 value)
    const nemlogin = `<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:1412741273"><Privilege>urn:dk:kmd:pn:nexusborgerportal:fuldmagt</Privilege></PrivilegeGroup></bpp:PrivilegeList>`;
    expect(parsePrivileges(b64(nemlogin))).toEqual({
      ok: true,
      groups: [{ scope: { kind: "cpr", value: "1412741273" }, privileges: ["urn:dk:kmd:pn:nexusborgerportal:fuldmagt"], constraints: [] }],
    });
    const made = bppFor([{ cpr: "0101451234", privileges: [registered.seePlan, "a&b"] }]);
    expect(parsePrivileges(made)).toEqual({
      ok: true,
      groups: [{ scope: { kind: "cpr", value: "0101451234" }, privileges: [registered.seePlan, "a&b"], constraints: [] }],
    });
  });

  it("tolerates whitespace and line breaks in the base64, a default-namespaced document, and an empty list", () => {
    const wrapped = b64(realistic).replace(/.{76}/g, "$&\r\n");
    expect(parsePrivileges(`  ${wrapped}\n`)).toEqual(parsePrivileges(b64(realistic)));
    const defaultNs = `<PrivilegeList xmlns="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101451234"><Privilege>${registered.seePlan}</Privilege></PrivilegeGroup></PrivilegeList>`;
    expect(parsePrivileges(b64(defaultNs))).toMatchObject({ ok: true, groups: [{ scope: { kind: "cpr", value: "0101451234" } }] });
    expect(parsePrivileges(b64(list("")))).toEqual({ ok: true, groups: [] });
  });

  it("reads what well-formed XML allows: references, CDATA, single quotes, comments, and ignores unknown or nested elements", () => {
    const xml = list(`
      <PrivilegeGroup Scope='urn:dk:gov:saml:cprNumberIdentifier:0101451234' Extra="x">
        <!-- ours -->
        <Privilege>https://tio.example.dk/rights/see-plan?a=1&amp;b=&#50;&#x33;</Privilege>
        <Privilege><![CDATA[urn:dk:<cdata>]]></Privilege>
        <Privilege>   </Privilege>
        <bpp:Privilege>${registered.writePlan}</bpp:Privilege>
        <other:Privilege xmlns:other="urn:other">urn:not-read</other:Privilege>
        <Wrapper><Privilege>urn:not-read-either</Privilege></Wrapper>
      </PrivilegeGroup>
      <Wrapper><PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:2112901234"><Privilege>urn:x</Privilege></PrivilegeGroup></Wrapper>
      <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:12345678"/>
      <?some-instruction data?>`);
    expect(parsePrivileges(b64(xml))).toEqual({
      ok: true,
      groups: [
        {
          scope: { kind: "cpr", value: "0101451234" },
          privileges: ["https://tio.example.dk/rights/see-plan?a=1&b=23", "urn:dk:<cdata>", registered.writePlan],
          constraints: [],
        },
        { scope: { kind: "cvr", value: "12345678" }, privileges: [], constraints: [] },
      ],
    });
  });

  it("refuses what a lenient parser would repair: bare ampersands, unquoted or duplicate attributes, unbound prefixes", () => {
    const group = (attrs: string, body = `<Privilege>${registered.seePlan}</Privilege>`) =>
      b64(list(`<PrivilegeGroup ${attrs}>${body}</PrivilegeGroup>`));
    const scope = `Scope="urn:dk:gov:saml:cprNumberIdentifier:0101451234"`;
    expect(parsePrivileges(group(scope))).toMatchObject({ ok: true });
    expect(parsePrivileges(group(scope, "<Privilege>a & b</Privilege>"))).toEqual({ ok: false });
    expect(parsePrivileges(group(scope, "<Privilege>&nbsp;</Privilege>"))).toEqual({ ok: false });
    expect(parsePrivileges(group(scope, "<Privilege>&#0;</Privilege>"))).toEqual({ ok: false });
    expect(parsePrivileges(group(scope, "<x:Privilege>urn:x</x:Privilege>"))).toEqual({ ok: false });
    expect(parsePrivileges(group(scope, "<Privilege>urn:x</privilege>"))).toEqual({ ok: false });
    expect(parsePrivileges(group(scope, "<Privilege>]]></Privilege>"))).toEqual({ ok: false });
    expect(parsePrivileges(group(scope, "<!-- a -- b -->"))).toEqual({ ok: false });
    expect(parsePrivileges(group("Scope=urn:dk:gov:saml:cprNumberIdentifier:0101451234"))).toEqual({ ok: false });
    expect(parsePrivileges(group(`${scope} ${scope}`))).toEqual({ ok: false });
    expect(parsePrivileges(group(`Scope="a<b"`))).toEqual({ ok: false });
    expect(parsePrivileges(b64(`<?xml version="1.0"?><?xml version="1.0"?>${list("")}`))).toEqual({ ok: false });
    expect(parsePrivileges(b64(list("").replace(/^<\?xml[^>]*>/, "<?xml encoding='UTF-8'?>")))).toEqual({ ok: false });
  });

  it("refuses a document type declaration or an entity, however harmless it looks", () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE bpp:PrivilegeList [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n${list(`<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101451234"><Privilege>&b;</Privilege></PrivilegeGroup>`).replace(/^<\?xml[^>]*>\n/, "")}`;
    expect(parsePrivileges(b64(bomb))).toEqual({ ok: false });
    const external = `<!DOCTYPE x SYSTEM "file:///etc/passwd">${list("")}`;
    expect(parsePrivileges(b64(external))).toEqual({ ok: false });
    expect(parsePrivileges(b64(list(`<!ENTITY x "y">`)))).toEqual({ ok: false });
    expect(parsePrivileges(b64(list(`<PrivilegeGroup Scope="urn:x"><Privilege>&undeclared;</Privilege></PrivilegeGroup>`)))).toEqual({
      ok: false,
    });
  });

  it("refuses what is not base64, not UTF-8, or not well-formed XML", () => {
    expect(parsePrivileges("")).toEqual({ ok: false });
    expect(parsePrivileges("not base64!")).toEqual({ ok: false });
    expect(parsePrivileges("QUJD*")).toEqual({ ok: false });
    expect(parsePrivileges("A")).toEqual({ ok: false });
    expect(parsePrivileges(b64("just some text"))).toEqual({ ok: false });
    expect(parsePrivileges(b64('{"privileges": []}'))).toEqual({ ok: false });
    expect(parsePrivileges(Buffer.from([0x3c, 0xff, 0xfe, 0x3e]).toString("base64"))).toEqual({ ok: false });
    expect(parsePrivileges(b64(realistic.replace("</PrivilegeGroup>", "</PrivilegeGroup")))).toEqual({ ok: false });
    expect(parsePrivileges(b64(realistic.replace("</Privilege>", "</Privileg>")))).toEqual({ ok: false });
    expect(parsePrivileges(b64(realistic.slice(0, -10)))).toEqual({ ok: false });
    expect(parsePrivileges(b64(`${list("")}<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"/>`))).toEqual({
      ok: false,
    });
    expect(parsePrivileges(b64(`${list("")}trailing text`))).toEqual({ ok: false });
    expect(parsePrivileges(b64(list("\u0000")))).toEqual({ ok: false });
  });

  it("refuses a root other than bpp:PrivilegeList in the OIO-BPP 1.2 namespace", () => {
    const group = `<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101451234"><Privilege>${registered.seePlan}</Privilege></PrivilegeGroup>`;
    expect(parsePrivileges(b64(`<PrivilegeList>${group}</PrivilegeList>`))).toEqual({ ok: false });
    expect(parsePrivileges(b64(`<bpp:PrivilegeList xmlns:bpp="urn:someone:else">${group}</bpp:PrivilegeList>`))).toEqual({ ok: false });
    expect(parsePrivileges(b64(`<bpp:PrivilegeList>${group}</bpp:PrivilegeList>`))).toEqual({ ok: false });
    expect(parsePrivileges(b64(list(group).replaceAll("bpp:PrivilegeList", "bpp:Privileges")))).toEqual({ ok: false });
    expect(parsePrivileges(b64(`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${group}</saml:Assertion>`))).toEqual({
      ok: false,
    });
  });

  it("refuses input over the size cap", () => {
    const padding = `<!--${"x".repeat(MAX_PRIVILEGES_CHARS)}-->`;
    const big = b64(list(`${padding}<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101451234"/>`));
    expect(big.length).toBeGreaterThan(MAX_PRIVILEGES_CHARS);
    expect(parsePrivileges(big)).toEqual({ ok: false });
  });

  it("refuses a CPR scope that is not ten digits, and a group without a scope or a constraint without a name", () => {
    for (const cpr of ["010145123", "01014512345", "010145-1234", "01014512a4", ""]) {
      const xml = list(
        `<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:${cpr}"><Privilege>${registered.seePlan}</Privilege></PrivilegeGroup>`,
      );
      expect(parsePrivileges(b64(xml)), cpr).toEqual({ ok: false });
    }
    expect(parsePrivileges(b64(list(`<PrivilegeGroup><Privilege>${registered.seePlan}</Privilege></PrivilegeGroup>`)))).toEqual({
      ok: false,
    });
    const nameless = list(
      `<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101451234"><Constraint>x</Constraint><Privilege>${registered.seePlan}</Privilege></PrivilegeGroup>`,
    );
    expect(parsePrivileges(b64(nameless))).toEqual({ ok: false });
  });

  it("never throws, whatever it is given, and reads back every list bppFor() writes", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.base64String(),
          fc.string().map(b64),
          fc.string().map((x) => b64(list(x))),
        ),
        (input) => {
          const result = parsePrivileges(input);
          expect(typeof result.ok).toBe("boolean");
        },
      ),
    );
    const cprNumber = fc.stringMatching(/^\d{10}$/);
    const privilege = fc
      .string({ minLength: 1, unit: "grapheme" })
      .filter((p) => p.trim() === p && p !== "" && !/[\u0000-\u001F\uFFFE\uFFFF]/.test(p));
    fc.assert(
      fc.property(
        fc.array(fc.record({ cpr: cprNumber, privileges: fc.array(privilege, { maxLength: 4 }) }), { maxLength: 5 }),
        (groups) => {
          expect(parsePrivileges(bppFor(groups))).toEqual({
            ok: true,
            groups: groups.map(({ cpr, privileges }) => ({ scope: { kind: "cpr", value: cpr }, privileges, constraints: [] })),
          });
        },
      ),
    );
  });

  it("never says why, so no CPR number can leak through a refusal", () => {
    const xml = list(`<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:010145123"/>`);
    expect(JSON.stringify(parsePrivileges(b64(xml)))).toBe('{"ok":false}');
  });
});

describe("mapping privileges to powers of attorney", () => {
  const cpr = (value: string, privileges: string[], constraints: PrivilegeGroup["constraints"] = []): PrivilegeGroup => ({
    scope: { kind: "cpr", value },
    privileges,
    constraints,
  });

  it("keeps only CPR-scoped groups and only our registered privileges, from a realistic list", () => {
    const parsed = parsePrivileges(b64(realistic));
    if (!parsed.ok) throw new Error("the realistic list should parse");
    expect(mapPowers(parsed.groups, registered)).toEqual([{ principalCpr: "0101451234", rights: ["SEE_PLAN", "ANSWER_CONSENTS"] }]);
  });

  it("merges two groups of one principal, drops unknown privileges and groups with no right of ours, in a fixed order", () => {
    const groups: PrivilegeGroup[] = [
      cpr("2112901234", [registered.writePlan, "urn:dk:someone:else"]),
      cpr("0101451234", [registered.answerConsents]),
      cpr("2112901234", [registered.seePlan, registered.writePlan]),
      cpr("1111111118", ["urn:dk:someone:else", `${registered.seePlan}/more`, registered.seePlan.toUpperCase()]),
      { scope: { kind: "cvr", value: "12345678" }, privileges: [registered.seePlan], constraints: [] },
      {
        scope: { kind: "other", value: "urn:dk:gov:saml:cprNumberIdentifier:0202020202" },
        privileges: [registered.seePlan],
        constraints: [],
      },
    ];
    expect(mapPowers(groups, registered)).toEqual([
      { principalCpr: "0101451234", rights: ["ANSWER_CONSENTS"] },
      { principalCpr: "2112901234", rights: ["SEE_PLAN", "WRITE_PLAN"] },
    ]);
    expect(mapPowers([...groups].reverse(), registered)).toEqual(mapPowers(groups, registered));
  });

  it("grants nothing from a group that carries a constraint, nor for a right whose URI is not configured", () => {
    expect(mapPowers([cpr("0101451234", [registered.seePlan], [{ name: "urn:dk:kombit:KLE", value: "25.*" }])], registered)).toEqual([]);
    expect(mapPowers([cpr("0101451234", [registered.seePlan, ""])], { ...registered, seePlan: "" })).toEqual([]);
    expect(mapPowers([], registered)).toEqual([]);
  });
});
