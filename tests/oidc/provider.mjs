// A local OpenID Connect provider for the browser tests: it stands in for the
// municipality's identity provider in staff sign-in. Never for production.
// Any login is accepted; "sara.holm" signs in as subject sara.holm with the address sara.holm@solbjerg.dk.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3300);
const issuer = `http://127.0.0.1:${port}`;
const apps = (process.env.OIDC_APP_URLS ?? "http://localhost:3200").split(",");
const mitidApps = (process.env.OIDC_MITID_APP_URLS ?? "http://localhost:3202").split(",");

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "tell-it-once-test",
      client_secret: "tell-it-once-test-secret",
      redirect_uris: apps.map((app) => `${app}/api/auth/callback/staff`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
    {
      // a MitID broker's client: the CPR number (nin) and the level (loa) with the scope "mitid"
      client_id: "tell-it-once-mitid",
      client_secret: "tell-it-once-mitid-secret",
      redirect_uris: mitidApps.map((app) => `${app}/api/mitid/oidc/callback`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], mitid: ["nin", "nin_type", "loa"] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        // a login with an @ is its own (verified) address: a provider that says someone has a citizen's address
        // as a MitID broker: a login "0101451234" is that CPR number at level Substantial; "0101451234:low" at Low; "nocpr" has none
        const [cpr, level] = id.split(":");
        const mitid = /^\d{10}$/.test(cpr) ? { nin: cpr, nin_type: "PERSON" } : {};
        return {
          sub: id,
          email: id.includes("@") ? id : `${id}@solbjerg.dk`,
          email_verified: true,
          name: mitid.nin ? "Broker Borger" : id,
          ...mitid,
          loa: level === "low" ? "Low" : "Substantial",
        };
      },
    };
  },
  cookies: { keys: ["test-only-cookie-key"] },
  features: { devInteractions: { enabled: true } },
});
const server = provider.listen(port, "127.0.0.1", () => console.log(`[oidc] ${issuer} ready`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
