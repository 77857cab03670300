#!/usr/bin/env node
// Refreshes the font files in app/fonts/ from the Fontsource packages on npm, so the app needs no
// font package at run time or build time (docs/decisions/034-fonts-that-do-not-move-the-text.md).
//   node scripts/fonts.mjs            copy the files and licences of the versions below
//   node scripts/fonts.mjs --check    only compare: the files, and the unicode-range in app/fonts/fonts.ts
// To move to a newer version: change it below, run the script, build, and run `npm run bench -- cls`.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./embedded-db.mjs";

const PACKAGES = [
  {
    spec: "@fontsource/ibm-plex-sans@5.3.0",
    prefix: "ibm-plex-sans",
    subsets: ["latin", "latin-ext", "cyrillic", "cyrillic-ext"],
    licence: "OFL-IBM-Plex-Sans.txt",
  },
  {
    spec: "@fontsource/ibm-plex-sans-arabic@5.3.0",
    prefix: "ibm-plex-sans-arabic",
    subsets: ["arabic"],
    licence: "OFL-IBM-Plex-Sans-Arabic.txt",
  },
];
const WEIGHTS = ["400", "600"];
const target = path.join(ROOT, "app", "fonts");
const check = process.argv.includes("--check");
const sha = (file) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "tio-fonts-"));
let differences = 0;
try {
  const fontsTs = fs.readFileSync(path.join(target, "fonts.ts"), "utf8");
  for (const pkg of PACKAGES) {
    // npm pack fetches the package's tarball through the ordinary client, without installing it
    const tarball = execFileSync("npm", ["pack", pkg.spec, "--silent", "--pack-destination", work], { encoding: "utf8" })
      .trim()
      .split("\n")
      .pop();
    const dir = path.join(work, pkg.prefix);
    fs.mkdirSync(dir);
    execFileSync("tar", ["-xzf", path.join(work, tarball), "-C", dir]);
    const from = path.join(dir, "package");
    const copies = [[path.join(from, "LICENSE"), pkg.licence]];
    for (const subset of pkg.subsets) {
      for (const weight of WEIGHTS) {
        const name = `${pkg.prefix}-${subset}-${weight}-normal.woff2`;
        copies.push([path.join(from, "files", name), name]);
      }
      // the subset's unicode-range, as Fontsource (from Google Fonts) declares it
      const all = fs.readFileSync(path.join(from, "400.css"), "utf8");
      const block = all.split(`/* ${pkg.prefix}-${subset}-400-normal */`)[1] ?? "";
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
      if (!range) throw new Error(`no unicode-range for ${pkg.prefix} ${subset}`);
      const ok = fontsTs.includes(range);
      if (!ok) differences++;
      console.log(
        `${ok ? "same" : "DIFFERENT"}  unicode-range of ${pkg.prefix} ${subset}${ok ? "" : ` (put this in app/fonts/fonts.ts): ${range}`}`,
      );
    }
    for (const [source, name] of copies) {
      const dest = path.join(target, name);
      const same = fs.existsSync(dest) && sha(dest) === sha(source);
      if (!same) differences++;
      if (!check) fs.copyFileSync(source, dest);
      console.log(`${same ? "same" : check ? "DIFFERENT" : "copied"}  app/fonts/${name}`);
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (check && differences) process.exit(1);
