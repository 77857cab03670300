// A local SAML 2.0 identity provider for the tests: it stands in for NemLog-in
// (the MitID broker, OIOSAML 3 profile) in citizen sign-in. Never for production.
// It takes a signed AuthnRequest by the HTTP-Redirect binding at /sso (signed with
// tests/saml/keys/sp-key.pem, checked against sp-cert.pem), shows a login page where
// the test picks who signs in (CPR number, UUID, names, level of assurance), and
// answers by the HTTP-POST binding with a Response whose Assertion is signed with
// keys/idp-key.pem: OIOSAML 3 attributes (specVersion, loa, cprNumber, names).
// "Leave out the CPR number" drops the cprNumber attribute; "Sign with the wrong key"
// signs with keys/rogue-key.pem. "Privileges" (a textarea, empty by default) carries base64
// OIO-BPP, as NemLog-in sends a Digital Fuldmagt: when not blank it is added, exactly as
// given, as the attribute https://data.gov.dk/model/core/eid/privilegesIntermediate (make
// one with bppFor() in tests/saml/bpp.mjs). The last Response is kept (lastResponse(), and
// GET /last-response as JSON) so browser tests can replay a used assertion.
// GET /saml/metadata is the IdP's metadata; GET /health answers "ok".
// Run as a script it listens on SAML_IDP_PORT (default 3400).
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";
import { PRIVILEGES_ATTRIBUTE } from "./bpp.mjs";

const SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
const SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
const NOT_SIGNED = "The authentication request is not signed by the service provider";
const LEVELS = ["Low", "Substantial", "High"];

/** @param {string} name a file in tests/saml/keys */
const key = (name) => readFileSync(new URL(`./keys/${name}`, import.meta.url), "utf8");

/** @param {unknown} value */
const escape = (value) =>
  String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");

const samlId = () => `_${crypto.randomBytes(20).toString("hex")}`;

/** @param {Date} date */
const instant = (date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** @param {string} pem */
const certBody = (pem) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");

/** a value as it stood in a query string or form body: + is a space, then %-decoding */
const formDecode = (/** @type {string} */ raw) => decodeURIComponent(raw.replaceAll("+", " "));

/**
 * The query string's parameters exactly as they were sent (still URL-encoded): the
 * redirect binding signs those, not a re-encoding of them. The first of each name counts.
 * @param {string} url
 * @returns {Map<string, string>}
 */
function rawQuery(url) {
  const query = url.includes("?") ? url.slice(url.indexOf("?") + 1) : "";
  /** @type {Map<string, string>} */
  const params = new Map();
  for (const part of query.split("&")) {
    if (!part) continue;
    const at = part.indexOf("=");
    const name = at === -1 ? part : part.slice(0, at);
    if (!params.has(name)) params.set(name, at === -1 ? "" : part.slice(at + 1));
  }
  return params;
}

/**
 * Checks the HTTP-Redirect binding's signature: over "SAMLRequest=…&RelayState=…&SigAlg=…"
 * (RelayState only when sent), the values as they appeared in the query string.
 * @param {Map<string, string>} raw
 * @param {crypto.KeyObject} spKey
 */
function redirectSignatureIsValid(raw, spKey) {
  const sigAlg = raw.get("SigAlg");
  const signature = raw.get("Signature");
  if (sigAlg === undefined || !signature) return false;
  try {
    if (formDecode(sigAlg) !== RSA_SHA256) return false;
    const signed = [
      `SAMLRequest=${raw.get("SAMLRequest")}`,
      ...(raw.has("RelayState") ? [`RelayState=${raw.get("RelayState")}`] : []),
      `SigAlg=${sigAlg}`,
    ].join("&");
    return crypto.verify("sha256", Buffer.from(signed, "utf8"), spKey, Buffer.from(formDecode(signature), "base64"));
  } catch {
    return false;
  }
}

/**
 * @param {string} samlRequest base64 of the raw-DEFLATEd AuthnRequest
 * @returns {{ requestId: string, acs: string, spEntityId: string, requestedLevel: string }}
 */
function parseAuthnRequest(samlRequest) {
  const xml = zlib.inflateRawSync(Buffer.from(samlRequest, "base64")).toString("utf8");
  const fail = (/** @type {string} */ message) => {
    throw new Error(`Not an AuthnRequest: ${message}`);
  };
  /** @type {string[]} */
  const errors = [];
  const collect = (/** @type {string} */ message) => void errors.push(message.trim());
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: collect, fatalError: collect } }).parseFromString(xml, "text/xml");
  if (errors.length) fail(errors[0]);
  const request = doc.documentElement;
  if (!request || request.namespaceURI !== SAMLP || request.localName !== "AuthnRequest") fail("the root is not samlp:AuthnRequest");
  const requestId = request.getAttribute("ID") ?? "";
  const acs = request.getAttribute("AssertionConsumerServiceURL") ?? "";
  const issuer = request.getElementsByTagNameNS(SAML, "Issuer")[0];
  const classRef = request.getElementsByTagNameNS(SAML, "AuthnContextClassRef")[0];
  if (!requestId) fail("no ID");
  if (!acs) fail("no AssertionConsumerServiceURL");
  if (!issuer?.textContent?.trim()) fail("no Issuer");
  return {
    requestId,
    acs,
    spEntityId: issuer.textContent.trim(),
    requestedLevel: classRef?.textContent?.trim() ?? "",
  };
}

/**
 * @param {{ requestId: string, acs: string, spEntityId: string, requestedLevel: string, relayState: string }} request
 */
function loginPage({ requestId, acs, spEntityId, requestedLevel, relayState }) {
  const hidden = { requestId, acs, spEntityId, relayState };
  const text = (/** @type {string} */ id, /** @type {string} */ label, /** @type {string} */ value) =>
    `<p><label for="${id}">${label}</label><br><input type="text" id="${id}" name="${id}" value="${escape(value)}"></p>`;
  const checkbox = (/** @type {string} */ id, /** @type {string} */ label) =>
    `<p><input type="checkbox" id="${id}" name="${id}" value="1"> <label for="${id}">${label}</label></p>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Local MitID (test)</title></head>
<body>
<main>
<h1>Local MitID (test)</h1>
<p>A stand-in for NemLog-in in tests. Never for production.</p>
<p>Service provider: <code>${escape(spEntityId)}</code></p>
<p>${requestedLevel ? `Requested level: <code>${escape(requestedLevel)}</code>` : "No level requested."}</p>
<form method="post" action="/login">
${Object.entries(hidden)
  .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
  .join("\n")}
${text("cpr", "CPR number", "0101451234")}
${text("uuid", "UUID", crypto.randomUUID())}
${text("firstName", "First name", "Test")}
${text("lastName", "Last name", "Borger")}
<p><label for="loa">Level of assurance</label><br><select id="loa" name="loa">
${LEVELS.map((level) => `<option value="${level}"${level === "Substantial" ? " selected" : ""}>${level}</option>`).join("\n")}
</select></p>
${checkbox("omitCpr", "Leave out the CPR number")}
${checkbox("badSignature", "Sign with the wrong key")}
<p><label for="privileges">Privileges (base64 OIO-BPP, Digital Fuldmagt; empty for none)</label><br><textarea id="privileges" name="privileges" rows="4" cols="60"></textarea></p>
<p><button type="submit">Log ind</button></p>
</form>
</main>
</body>
</html>
`;
}

/**
 * The Response, its Assertion signed (enveloped, right after the Assertion's Issuer).
 * @param {{ entityId: string, requestId: string, acs: string, spEntityId: string, uuid: string, cpr: string | null, firstName: string, lastName: string, loa: string, privileges: string | null, signingKey: string, signingCert: string }} f
 */
function samlResponse(f) {
  const now = new Date();
  const notBefore = instant(new Date(now.getTime() - 60_000));
  const notOnOrAfter = instant(new Date(now.getTime() + 5 * 60_000));
  const issued = instant(now);
  const assertionId = samlId();
  /** @type {Array<[string, string]>} */
  const attributes = [
    ["https://data.gov.dk/model/core/specVersion", "OIO-SAML-3.0"],
    ["https://data.gov.dk/concept/core/nsis/loa", f.loa],
    ...(f.cpr === null ? [] : /** @type {Array<[string, string]>} */ ([["https://data.gov.dk/model/core/eid/cprNumber", f.cpr]])),
    ["https://data.gov.dk/model/core/eid/firstName", f.firstName],
    ["https://data.gov.dk/model/core/eid/lastName", f.lastName],
    ["https://data.gov.dk/model/core/eid/fullName", `${f.firstName} ${f.lastName}`],
    ...(f.privileges === null ? [] : /** @type {Array<[string, string]>} */ ([[PRIVILEGES_ATTRIBUTE, f.privileges]])),
  ];
  const xml =
    `<samlp:Response xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${samlId()}" Version="2.0" IssueInstant="${issued}"` +
    ` Destination="${escape(f.acs)}" InResponseTo="${escape(f.requestId)}">` +
    `<saml:Issuer>${escape(f.entityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
    ` ID="${assertionId}" Version="2.0" IssueInstant="${issued}">` +
    `<saml:Issuer>${escape(f.entityId)}</saml:Issuer>` +
    `<saml:Subject>` +
    `<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">https://data.gov.dk/model/core/eid/person/uuid/${escape(f.uuid)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData InResponseTo="${escape(f.requestId)}" Recipient="${escape(f.acs)}" NotOnOrAfter="${notOnOrAfter}"/>` +
    `</saml:SubjectConfirmation>` +
    `</saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}">` +
    `<saml:AudienceRestriction><saml:Audience>${escape(f.spEntityId)}</saml:Audience></saml:AudienceRestriction>` +
    `</saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${assertionId}">` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>https://data.gov.dk/concept/core/nsis/loa/${escape(f.loa)}</saml:AuthnContextClassRef></saml:AuthnContext>` +
    `</saml:AuthnStatement>` +
    `<saml:AttributeStatement>` +
    attributes
      .map(
        ([name, value]) =>
          `<saml:Attribute Name="${escape(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">` +
          `<saml:AttributeValue xsi:type="xs:string">${escape(value)}</saml:AttributeValue></saml:Attribute>`,
      )
      .join("") +
    `</saml:AttributeStatement>` +
    `</saml:Assertion>` +
    `</samlp:Response>`;

  const sig = new SignedXml({
    privateKey: f.signingKey,
    publicCert: f.signingCert, // the default KeyInfo: X509Data with this certificate
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    // no inclusiveNamespacesPrefixList: xml-crypto 6 would write it into every transform, the
    // enveloped-signature one too. So what is signed (exclusive canonical form) has no xmlns:xs:
    // xsi:type="xs:string" uses it only in a value, which exc-c14n does not count as a use.
  });
  sig.computeSignature(xml, {
    prefix: "ds",
    location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: "after" },
  });
  return sig.getSignedXml();
}

/**
 * @param {{ acs: string, SAMLResponse: string, RelayState: string }} response
 */
function autoPostPage({ acs, SAMLResponse, RelayState }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Local MitID (test)</title></head>
<body>
<form method="post" action="${escape(acs)}">
<input type="hidden" name="SAMLResponse" value="${escape(SAMLResponse)}">
${RelayState ? `<input type="hidden" name="RelayState" value="${escape(RelayState)}">\n` : ""}<button type="submit">Fortsæt</button>
</form>
<script>document.forms[0].submit()</script>
</body>
</html>
`;
}

/**
 * @param {string} entityId
 * @param {string} ssoUrl
 * @param {string} cert PEM
 */
function metadata(entityId, ssoUrl, cert) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escape(entityId)}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="true">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escape(ssoUrl)}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}

/** @param {http.IncomingMessage} req */
async function readBody(req) {
  let size = 0;
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 1_000_000) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * @param {{ port?: number, host?: string }} [options] port 0 picks a free one
 * @returns {Promise<{ port: number, url: string, entityId: string, ssoUrl: string, stop: () => Promise<void>, lastResponse: () => { acs: string, SAMLResponse: string, RelayState: string } | null }>}
 */
export async function startSamlIdp({ port = 0, host = "127.0.0.1" } = {}) {
  const idpKey = key("idp-key.pem");
  const idpCert = key("idp-cert.pem");
  const rogueKey = key("rogue-key.pem");
  const rogueCert = key("rogue-cert.pem");
  const spKey = crypto.createPublicKey(key("sp-cert.pem"));
  /** @type {{ acs: string, SAMLResponse: string, RelayState: string } | null} */
  let last = null;
  let entityId = "";
  let ssoUrl = "";

  /**
   * @param {http.ServerResponse} res
   * @param {number} status
   * @param {string} type
   * @param {string} body
   */
  const send = (res, status, type, body) => {
    res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
    res.end(body);
  };

  /** @type {(req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>} */
  const handle = async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/health") return send(res, 200, "text/plain", "ok");
    if (req.method === "GET" && path === "/saml/metadata")
      return send(res, 200, "application/samlmetadata+xml", metadata(entityId, ssoUrl, idpCert));
    if (req.method === "GET" && path === "/last-response") return send(res, 200, "application/json", JSON.stringify(last));
    if (req.method === "GET" && path === "/sso") {
      const raw = rawQuery(req.url ?? "");
      if (!raw.get("SAMLRequest")) return send(res, 400, "text/plain", "No SAMLRequest in the query string");
      if (!redirectSignatureIsValid(raw, spKey)) return send(res, 400, "text/plain", NOT_SIGNED);
      let request;
      try {
        request = parseAuthnRequest(formDecode(raw.get("SAMLRequest") ?? ""));
      } catch (error) {
        return send(res, 400, "text/plain", error instanceof Error ? error.message : "Not an AuthnRequest");
      }
      const relayState = raw.has("RelayState") ? formDecode(raw.get("RelayState") ?? "") : "";
      return send(res, 200, "text/html", loginPage({ ...request, relayState }));
    }
    if (req.method === "POST" && path === "/login") {
      const form = new URLSearchParams(await readBody(req));
      const acs = form.get("acs") ?? "";
      const requestId = form.get("requestId") ?? "";
      if (!acs || !requestId) return send(res, 400, "text/plain", "No acs or requestId in the form");
      const loa = form.get("loa") ?? "Substantial";
      if (!LEVELS.includes(loa)) return send(res, 400, "text/plain", `loa must be one of ${LEVELS.join(", ")}`);
      const bad = form.has("badSignature");
      const xml = samlResponse({
        entityId,
        requestId,
        acs,
        spEntityId: form.get("spEntityId") ?? "",
        uuid: form.get("uuid") || crypto.randomUUID(),
        cpr: form.has("omitCpr") ? null : (form.get("cpr") ?? ""),
        firstName: form.get("firstName") ?? "",
        lastName: form.get("lastName") ?? "",
        loa,
        privileges: form.get("privileges")?.trim() ? (form.get("privileges") ?? "") : null,
        signingKey: bad ? rogueKey : idpKey,
        signingCert: bad ? rogueCert : idpCert,
      });
      last = { acs, SAMLResponse: Buffer.from(xml, "utf8").toString("base64"), RelayState: form.get("relayState") ?? "" };
      return send(res, 200, "text/html", autoPostPage(last));
    }
    send(res, 404, "text/plain", "Not found");
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, "text/plain", String(error?.stack ?? error));
      else res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  // a wildcard address is reached at 127.0.0.1
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${actualPort}`;
  entityId = `${url}/saml/metadata`;
  ssoUrl = `${url}/sso`;
  return {
    port: actualPort,
    url,
    entityId,
    ssoUrl,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    lastResponse: () => last,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const idp = await startSamlIdp({ port: Number(process.env.SAML_IDP_PORT ?? 3400) });
  console.log(`[saml-idp] ${idp.url} ready`);
  const stop = async () => (await idp.stop(), process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
