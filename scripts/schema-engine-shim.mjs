#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI
// downloads from Prisma's CDN: unreachable on our machines. scripts/prisma.mjs
// points PRISMA_SCHEMA_ENGINE_BINARY here, so the *standard* CLI commands
// (migrate dev/deploy/status/reset/resolve/diff, db execute/push/pull) work.
//
// It speaks the native binary's interface (argv, and JSON-RPC over stdio) and
// hands every request to the WebAssembly build of the same engine
// (@prisma/schema-engine-wasm) connected through @prisma/adapter-pg.
// Why, and what it bridges: docs/decisions/003-migrations-through-the-wasm-engine.md
//
// SHIM_DEBUG=<file> appends a trace (the CLI hides the engine's stderr).
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const trace = process.env.SHIM_DEBUG
  ? (...a) => fs.appendFileSync(process.env.SHIM_DEBUG, `[shim ${process.pid}] ${a.join(" ")}\n`)
  : () => {};

/** Values of a repeated flag: opt(["--a","1","--a","2"], "--a") -> ["1","2"]. */
export function opt(argv, name) {
  return argv.flatMap((a, i) => (a === name && i + 1 < argv.length ? [argv[i + 1]] : []));
}

/**
 * node-postgres settings from a postgres:// URL, as discrete fields. Never
 * `connectionString`: PrismaPg opens the shadow database by spreading its
 * config with another `database`, and node-postgres lets connectionString win,
 * so the "shadow" would silently be the main database.
 */
export function pgConfig(url) {
  const u = new URL(url);
  if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error(`not a PostgreSQL URL: ${u.protocol}`);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}

/** The Prisma error code the CLI expects for a failed connection. */
export function errorCode(e) {
  if (e?.code === "3D000") return "P1003"; // database does not exist
  if (e?.code === "ECONNREFUSED" || e?.code === "ENOTFOUND") return "P1001"; // server unreachable
  return "P1000"; // authentication and everything else
}

/** One line in the engine's stderr log format; the CLI reads error_code and message. */
export function logLine(level, message, extra = {}) {
  return JSON.stringify({ level, target: "schema_engine::logger", fields: { message, ...extra } }) + "\n";
}

async function withClient(pg, config, fn) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(pg, url) {
  const config = pgConfig(url);
  await withClient(pg, { ...config, database: "postgres" }, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(config.database)}`));
  return config.database;
}

async function loadWasm() {
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  // The package does not export its .wasm file; it lies next to the glue.
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = fs.readFileSync(process.env.SHIM_WASM ?? path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const imports = { ...glue };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    const original = imports[name];
    // the engine leaves a timer pending; it must not keep the process alive
    imports[name] = (...a) => {
      const timer = original(...a);
      timer?.unref?.();
      return timer;
    };
  }
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

// `cli can-connect-to-database | create-database`: the one-shot mode, not in wasm.
async function runCli(argv, datasource) {
  const pg = (await import("pg")).default;
  const command = argv[argv.indexOf("cli") + 1];
  // The CLI drops the first stderr line (the native binary logs a start line there).
  process.stderr.write(logLine("INFO", "Starting schema engine CLI (wasm shim)"));
  try {
    if (command === "can-connect-to-database") await withClient(pg, pgConfig(datasource.url), () => {});
    else if (command === "create-database") await createDatabase(pg, datasource.url);
    else throw new Error(`unsupported cli command ${command}`);
    process.exit(0);
  } catch (e) {
    process.stderr.write(logLine("ERROR", e.message, { error_code: errorCode(e) }));
    process.exit(1);
  }
}

// adapter-pg cannot read PostgreSQL's internal "char" type (OID 18), which the
// engine selects from pg_catalog: report such columns as text, tag their names,
// and tell the engine they are Character.
const CHAR_TAG = "\u0000pg_char";
const CHARACTER = 6; // ColumnTypeEnum.Character

async function runRpc(argv, datasource) {
  const pg = (await import("pg")).default;
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");

  const onRowDescription = pg.Query.prototype.handleRowDescription;
  pg.Query.prototype.handleRowDescription = function (msg) {
    for (const f of msg.fields) {
      if (f.dataTypeID === 18) {
        f.dataTypeID = 25;
        f.name += CHAR_TAG;
      }
    }
    return onRowDescription.call(this, msg);
  };

  const open = new Set();
  // adapter-pg's own shadow database drops the database while its pool is
  // still open and leaks its admin pool: create, connect, close, then drop.
  async function shadowDatabase(adminConfig) {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withClient(pg, adminConfig, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
    const adapter = await new PrismaPg({ ...adminConfig, database: name }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await withClient(pg, adminConfig, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    };
    return adapter;
  }

  const wrap = (target) =>
    new Proxy(target, {
      get(obj, prop) {
        const value = Reflect.get(obj, prop, obj);
        if (typeof value !== "function") return value;
        if (prop === "queryRaw")
          return async (...a) => {
            const result = await value.apply(obj, a);
            result.columnNames = result.columnNames.map((n, i) => {
              if (!n.endsWith(CHAR_TAG)) return n;
              result.columnTypes[i] = CHARACTER;
              return n.slice(0, -CHAR_TAG.length);
            });
            return result;
          };
        // adapter-pg splits a script on every ";", which breaks function bodies
        // ($$ ... ; ... $$) in migrations; send it whole, as the native engine does.
        if (prop === "executeScript")
          return async (script) => {
            try {
              await obj.underlyingDriver().query(script);
            } catch (error) {
              obj.onError(error);
            }
          };
        if (prop === "connectToShadowDb" && obj instanceof PrismaPg) return async () => wrap(await shadowDatabase(obj.config));
        if (prop === "connect")
          return async (...a) => {
            const adapter = await value.apply(obj, a);
            open.add(adapter);
            return wrap(adapter);
          };
        if (prop === "connectToShadowDb" || prop === "startTransaction") return async (...a) => wrap(await value.apply(obj, a));
        return value.bind(obj);
      },
    });

  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    set_message(m) {
      this.message = `RuntimeError: ${m}`;
    },
    get() {
      return this.message;
    },
  };
  // A wasm trap surfaces here, not as a rejected promise. The native binary exits 101 on a panic.
  process.on("uncaughtException", (e) => {
    const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY.message;
    process.stderr.write(logLine("ERROR", `${panic || e?.stack || e}`, { is_panic: true }));
    process.exit(101);
  });

  const glue = await loadWasm();
  // `migrate diff` starts the engine without --datamodels; the wasm engine takes
  // its connector from the schema, so give it one that only names the provider.
  let datamodels = opt(argv, "--datamodels").map((f) => [f, fs.readFileSync(f, "utf8")]);
  if (!datamodels.length) datamodels = [["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']];
  const factory = bindMigrationAwareSqlAdapterFactory(wrap(new PrismaPg(pgConfig(datasource.url))));
  const engine = await glue.SchemaEngine.new({ datamodels }, (m) => trace("log", m), factory);
  const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");

  async function call(method, params) {
    switch (method) {
      case "getDatabaseVersion":
        return engine.version(null); // wasm rejects the CLI's params
      case "createDatabase":
        return { databaseName: await createDatabase(pg, datasource.url) };
      case "version":
        return glue.version();
      case "diff": {
        // The native engine prints the diff through a `print` request; wasm returns it.
        const { stdout, ...rest } = await engine.diff(params);
        if (stdout) send({ id: `print-${randomUUID()}`, method: "print", params: { content: stdout.replace(/\n$/, "") } });
        return rest;
      }
      case "evaluateDataLoss":
      case "createMigration":
        try {
          return await engine[method](params);
        } catch (e) {
          // In wasm these two read what devDiagnostic cached, keyed by the
          // migrations applied at that moment. When `migrate dev` has just
          // applied pending ones the key misses; diagnose again and retry once.
          if (!/shadow DB must be provided through an external factory/.test(e?.message)) throw e;
          trace("retry", method);
          await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
          return engine[method](params);
        }
      default:
        if (typeof engine[method] !== "function") throw new Error(`method ${method} is not in the wasm engine`);
        return (await engine[method](params ?? {})) ?? null;
    }
  }

  const toRpcError = (e) => ({
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: Boolean(e?.is_panic ?? /RuntimeError|unreachable/.test(String(e?.message ?? e))),
      message: e?.message ?? String(e),
      meta: e?.meta ?? null,
      error_code: e?.error_code ?? e?.code ?? null,
    },
  });

  // Wasm methods take `&mut self`: two calls in flight abort the process. One at a time.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const request = JSON.parse(line);
    if (!request.method) return; // the CLI's answer to our `print`
    queue = queue.then(async () => {
      trace("->", request.method);
      try {
        send({ id: request.id, result: await call(request.method, request.params) });
      } catch (e) {
        trace("error", e?.stack ?? e);
        send({ id: request.id, error: toRpcError(e) });
      }
    });
  });
  // The CLI stops the engine by closing stdin.
  lines.on("close", async () => {
    await queue;
    engine.free();
    for (const adapter of open) await adapter.dispose().catch(() => {});
    process.exit(0);
  });
}

async function main(argv) {
  trace("argv", JSON.stringify(argv));
  if (argv.includes("--version")) {
    const glue = await loadWasm();
    console.log(`schema-engine-cli ${glue.version?.() ?? "wasm"} (wasm shim)`);
    return;
  }
  const datasource = JSON.parse(opt(argv, "--datasource")[0] ?? "{}");
  if (argv.includes("cli")) return runCli(argv, datasource);
  return runRpc(argv, datasource);
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
