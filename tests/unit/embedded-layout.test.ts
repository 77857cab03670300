import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PORTS, embeddedLayout } from "../../scripts/embedded-db.mjs";

const root = "/home/dev/private/tell-it-once";

describe("where the embedded PostgreSQL keeps its files", () => {
  it("as a normal user: in the git-ignored .data folder of the checkout, one folder per cluster", () => {
    const dev = embeddedLayout({ name: "dev", env: {}, uid: 1000, root });
    const test = embeddedLayout({ name: "test", env: {}, uid: 1000, root });
    expect(dev.dataDir).toBe(path.join(root, ".data/pg-dev"));
    expect(test.dataDir).toBe(path.join(root, ".data/pg-test"));
    expect(dev.cache).toBeNull();
    expect([dev.port, test.port]).toEqual([DEFAULT_PORTS.dev, DEFAULT_PORTS.test]);
  });

  it("as root: outside the checkout, which the postgres user may not be able to enter", () => {
    const layout = embeddedLayout({ name: "dev", env: {}, uid: 0, root });
    expect(layout.dataDir.startsWith(root)).toBe(false);
    expect(layout.tmpDir!.startsWith(root)).toBe(false);
    expect(layout.dataDir.startsWith(layout.cache!)).toBe(true);
  });

  it("as root: two checkouts get two clusters, one checkout keeps its cluster", () => {
    const a = embeddedLayout({ name: "dev", env: {}, uid: 0, root: "/tmp/a/clone" });
    const b = embeddedLayout({ name: "dev", env: {}, uid: 0, root: "/tmp/b/clone" });
    expect(a.dataDir).not.toBe(b.dataDir);
    expect(embeddedLayout({ name: "dev", env: {}, uid: 0, root: "/tmp/a/clone" }).dataDir).toBe(a.dataDir);
  });

  it("follows EMBEDDED_PG_DIR, EMBEDDED_PG_PORT and EMBEDDED_PG_CACHE", () => {
    const env = { EMBEDDED_PG_DIR: "/srv/pg", EMBEDDED_PG_PORT: "6000", EMBEDDED_PG_CACHE: "/srv/cache" };
    const layout = embeddedLayout({ name: "dev", env, uid: 0, root });
    expect(layout).toMatchObject({ dataDir: "/srv/pg", port: 6000, cache: "/srv/cache", tmpDir: "/srv/cache/tmp" });
  });

  it("keeps each cluster's passwords outside the checkout: as a user in their state folder, as root in the cache", () => {
    const user = embeddedLayout({ name: "dev", env: { HOME: "/home/dev" }, uid: 1000, root });
    expect(path.dirname(user.passwordFile)).toBe("/home/dev/.local/state/tell-it-once");
    expect(user.passwordFile.startsWith(root)).toBe(false);
    const xdg = embeddedLayout({ name: "dev", env: { HOME: "/home/dev", XDG_STATE_HOME: "/srv/state" }, uid: 1000, root });
    expect(path.dirname(xdg.passwordFile)).toBe("/srv/state/tell-it-once");
    const asRoot = embeddedLayout({ name: "dev", env: {}, uid: 0, root });
    expect(path.dirname(asRoot.passwordFile)).toBe(path.join(asRoot.cache!, "secrets"));
    expect(asRoot.passwordFile.startsWith(root)).toBe(false);
    expect(asRoot.passwordFile.startsWith(path.dirname(asRoot.dataDir) + path.sep)).toBe(false); // not where postgres may look
  });

  it("gives every cluster its own password file, and one cluster always the same", () => {
    const env = { HOME: "/home/dev" };
    const files = [
      embeddedLayout({ name: "dev", env, uid: 1000, root }),
      embeddedLayout({ name: "test", env, uid: 1000, root }),
      embeddedLayout({ name: "dev", env, uid: 1000, root: "/home/dev/other-clone" }),
      embeddedLayout({ name: "dev", env: { ...env, EMBEDDED_PG_DIR: "/srv/pg" }, uid: 1000, root }),
    ].map((l) => l.passwordFile);
    expect(new Set(files).size).toBe(files.length);
    expect(embeddedLayout({ name: "dev", env, uid: 1000, root }).passwordFile).toBe(files[0]);
    expect(path.basename(files[1]!)).toMatch(/^pg-[0-9a-f]{12}-test\.json$/);
  });

  it("refuses a cluster name that could escape its folder", () => {
    expect(() => embeddedLayout({ name: "../etc", env: {}, uid: 1000, root })).toThrow(/bad cluster name/);
  });
});
