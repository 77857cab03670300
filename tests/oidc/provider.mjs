// A local OpenID Connect provider for the browser tests: it stands in for the
// municipality's identity provider in staff sign-in. Never for production.
// Any login is accepted; "sara.holm" signs in as subject sara.holm with the address sara.holm@solbjerg.dk.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3300);
const issuer = `http://127.0.0.1:${port}`;
const apps = (process.env.OIDC_APP_URLS ?? "http://localhost:3200").split(",");

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "tell-it-once-test",
      client_secret: "tell-it-once-test-secret",
      redirect_uris: apps.map((app) => `${app}/api/auth/callback/staff`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        // a login with an @ is its own (verified) address: a provider that says someone has a citizen's address
        return { sub: id, email: id.includes("@") ? id : `${id}@solbjerg.dk`, email_verified: true, name: id };
      },
    };
  },
  cookies: { keys: ["test-only-cookie-key"] },
  features: { devInteractions: { enabled: true } },
});
const server = provider.listen(port, "127.0.0.1", () => console.log(`[oidc] ${issuer} ready`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
