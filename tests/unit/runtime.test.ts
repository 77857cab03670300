import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkRuntime, supportedMajor } from "../../scripts/runtime.mjs";

const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
const major = (v: string) => Number(v.replace(/^v/, "").split(".")[0]);

describe("the runtime", () => {
  it("is the supported Node.js LTS pinned in package.json, not the machine's older one", () => {
    console.log(`[runtime] tests run on Node.js ${process.versions.node} (${process.execPath})`);
    expect(major(process.versions.node)).toBeGreaterThanOrEqual(supportedMajor());
    expect(major(process.versions.node)).toBe(major(pkg.devDependencies.node));
    expect(major(fs.readFileSync(".nvmrc", "utf8").trim())).toBe(major(pkg.devDependencies.node));
    expect(major(pkg.devDependencies.node) % 2, "an even major: an LTS line").toBe(0);
    expect(checkRuntime()).toBe(process.versions.node);
  });

  it("stops a start on Node.js 20 with a plain reason", () => {
    expect(() => checkRuntime("20.20.2")).toThrow(/Node\.js 20\.20\.2.*past its end of life.*npm run dev/);
    expect(checkRuntime("22.12.0")).toBe("22.12.0");
  });
});
