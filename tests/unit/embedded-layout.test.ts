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

  it("refuses a cluster name that could escape its folder", () => {
    expect(() => embeddedLayout({ name: "../etc", env: {}, uid: 1000, root })).toThrow(/bad cluster name/);
  });
});
