// The runtime this project runs on: the Node.js LTS pinned as a devDependency (npm's `node`
// package), which npm scripts put first on PATH — so `npm run dev` and `npm test` run on it even
// where the system Node is older. Started by hand with an older Node, we stop and say why.
// docs/decisions/019-supported-runtime.md
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The lowest Node.js major this project supports, from package.json's engines (">=22.12"). */
export function supportedMajor() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const m = /(\d+)/.exec(pkg.engines?.node ?? "");
  if (!m) throw new Error("package.json has no engines.node");
  return Number(m[1]);
}

/** Throws, in plain words, when this process runs on a Node.js older than the project supports. */
export function checkRuntime(version = process.versions.node) {
  const major = Number(version.split(".")[0]);
  const min = supportedMajor();
  if (major < min)
    throw new Error(
      `this is Node.js ${version}, which is past its end of life; the project runs on Node.js ${min} or later. ` +
        `Run it through npm (npm run dev, npm start, npm test), which uses the Node.js in node_modules, after npm install.`,
    );
  return version;
}
