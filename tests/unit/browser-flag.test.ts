import { afterEach, describe, expect, it, vi } from "vitest";

// The yes/no cookies a browser keeps (lib/security/browser-flag.ts): "shared computer" and a visitor's easy-read.
async function flagOn(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/app");
  vi.stubEnv("APP_URL", appUrl);
  const { browserFlag } = await import("@/lib/security/browser-flag");
  return browserFlag("tio_example");
}
const headers = (cookie: string) => new Headers({ cookie });

describe("a choice kept in the browser", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("on https has the __Host- name, is secure, and only that name counts", async () => {
    const flag = await flagOn("https://fortael.kommune.dk");
    expect(flag.name()).toBe("__Host-tio_example");
    expect(flag.options()).toEqual({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    expect(flag.isSetIn(headers("a=b; __Host-tio_example=1"))).toBe(true);
    // a sibling subdomain can set the plain name, but not the __Host- one
    expect(flag.isSetIn(headers("tio_example=1"))).toBe(false);
  });

  it("on http (a laptop) has the plain name", async () => {
    const flag = await flagOn("http://localhost:3000");
    expect(flag.name()).toBe("tio_example");
    expect(flag.options().secure).toBe(false);
    expect(flag.isSetIn(headers("tio_example=1"))).toBe(true);
  });

  it("is a yes only when it says 1, under its own name", async () => {
    const flag = await flagOn("http://localhost:3000");
    for (const cookie of ["", "tio_example=0", "tio_example=10", "xtio_example=1", "tio_example_other=1"]) {
      expect(flag.isSetIn(headers(cookie)), cookie).toBe(false);
    }
    expect(flag.isSetIn(undefined)).toBe(false);
  });

  it("lasts until the browser closes, unless given a shorter life", async () => {
    const flag = await flagOn("http://localhost:3000");
    expect(flag.options()).not.toHaveProperty("maxAge");
    expect(flag.options(30 * 60).maxAge).toBe(1800);
  });
});
