import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throwaway PostgreSQL cluster from the machine's own server programs (Debian's
 * /usr/lib/postgresql/<version>/bin, as .ci/run installs them), in a temporary folder, on
 * 127.0.0.1 at `port` with a random password: a stand-in for a municipality's own server.
 * As root it runs as the OS user postgres, as PostgreSQL requires.
 */
export function systemServerBin(major: number): string | null {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  return fs.existsSync(path.join(bin, "postgres")) && fs.existsSync(path.join(bin, "initdb")) ? bin : null;
}

export async function startSystemPostgres({ bin, port, database = "app" }: { bin: string; port: number; database?: string }) {
  const isRoot = process.getuid?.() === 0;
  const user = isRoot ? "postgres" : os.userInfo().username;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tio-drill-pg-"));
  fs.chmodSync(dir, 0o755);
  const password = randomBytes(18).toString("hex");
  fs.writeFileSync(path.join(dir, "pw"), `${password}\n`, { mode: 0o600 });
  if (isRoot) {
    const { uid, gid } = postgresIds();
    fs.chownSync(dir, uid, gid);
    fs.chownSync(path.join(dir, "pw"), uid, gid);
  }
  const run = (program: string, args: string[]) => {
    const [cmd, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]] : [path.join(bin, program), args];
    const r = spawnSync(cmd as string, argv as string[], { encoding: "utf8", cwd: dir });
    if (r.status !== 0) throw new Error(`${program} failed: ${r.stderr || r.stdout}`);
  };
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", user, "--auth=scram-sha-256", `--pwfile=${path.join(dir, "pw")}`, "-E", "UTF8", "--no-locale"]);
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`, "start"]);
  const adminUrl = `postgresql://${user}:${password}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  await client.end();
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`,
    adminUrl,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresIds() {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("there is no OS user postgres to run PostgreSQL as (apt-get install postgresql makes one)");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}
