#!/usr/bin/env node
// The standard Prisma CLI, with its schema engine served by our WebAssembly
// shim (the native engine cannot be downloaded here). Use it as you would use
// `npx prisma`:  npm run prisma -- migrate status
// An explicit PRISMA_SCHEMA_ENGINE_BINARY (e.g. a native engine on a laptop) wins.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The environment the Prisma CLI needs on these machines. */
export function prismaEnv(env = process.env) {
  return {
    ...env,
    PRISMA_SCHEMA_ENGINE_BINARY: env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(root, "scripts", "schema-engine-shim.mjs"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1", // Prisma's version-check telemetry
  };
}

/** Runs `prisma <args>` from the project root; returns { status, stdout, stderr }. */
export function prisma(args, { env = process.env, capture = false } = {}) {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env: prismaEnv(env),
    stdio: capture ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(prisma(process.argv.slice(2)).status);
}
