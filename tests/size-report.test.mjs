// Checks of the size report itself, on small made-up build folders: the budget must fail when
// passed, and only then. Run by scripts/test.sh with `node --test`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { BUDGET, beforePaintFiles, report } from "./size-report.mjs";

const SCRIPT = new URL("./size-report.mjs", import.meta.url).pathname;

/** A build folder whose page loads one script of `bytes` incompressible characters. */
function buildOf(bytes) {
  const root = mkdtempSync(join(tmpdir(), "size-report-"));
  writeFileSync(join(root, "index.html"), '<!doctype html><script type="module" src="./app.js"></script>');
  writeFileSync(join(root, "app.js"), `// ${randomBytes(bytes).toString("base64").slice(0, bytes)}\n`);
  writeFileSync(join(root, "not-loaded.png"), randomBytes(1000));
  return root;
}

/** Runs `check` on a made-up build folder of `bytes`, then removes the folder. */
function withBuildOf(bytes, check) {
  const root = buildOf(bytes);
  try {
    check(root);
  } finally {
    rmSync(root, { recursive: true });
  }
}

/** The exit code of the command-line report on `root` with the given flags. */
function exitCode(root, ...flags) {
  try {
    execFileSync(process.execPath, [SCRIPT, root, ...flags], { stdio: "pipe" });
    return 0;
  } catch (error) {
    return error.status;
  }
}

test("a small first load is within the budget", () =>
  withBuildOf(20_000, (root) => {
    const { over, firstLoad } = report(root);
    assert.deepEqual(over, []);
    assert.ok(firstLoad.raw > 20_000 && firstLoad.raw < 21_000, "counts index.html and app.js, not the PNG");
    assert.equal(exitCode(root, "--budget"), 0);
  }));

// Base64 text of random bytes compresses to about three quarters of its length, in brotli as in
// gzip: this many characters are a little over the brotli budget and under the gzip one.
const JUST_OVER = Math.round((BUDGET.brotli * 1.04) / 0.75);

test("a first load over the budget fails --budget, and only with the flag", () =>
  withBuildOf(JUST_OVER, (root) => {
    assert.deepEqual(report(root).over, ["brotli"]);
    assert.equal(exitCode(root, "--budget"), 1);
    assert.equal(exitCode(root), 0, "without a flag it only reports");
  }));

test("a first load over both budgets names both", () =>
  withBuildOf(600_000, (root) => {
    assert.deepEqual(report(root).over, ["brotli", "gzip"]);
    assert.equal(exitCode(root, "--budget"), 1);
  }));

test("before the first paint: the page, its stylesheets and the scripts that block it, not deferred or module scripts", () => {
  const html = `<script src="./first-screen-1.js"></script><link rel="stylesheet" href="./main-1.css" integrity="x">
    <template id="later-style"><link rel="stylesheet" href="later.css"></template><script src="./register-sw-1.js" defer></script>
    <script type="module" src="./app.js"></script><link rel="icon" href="favicon.svg">`;
  assert.deepEqual(beforePaintFiles(html), ["index.html", "first-screen-1.js", "main-1.css"]);
});

test("a page that must fetch more than its budget before painting fails --budget", () => {
  const root = mkdtempSync(join(tmpdir(), "size-report-"));
  try {
    writeFileSync(join(root, "index.html"), '<!doctype html><link rel="stylesheet" href="./main.css">');
    writeFileSync(join(root, "main.css"), `/* ${randomBytes(12_000).toString("base64")} */`);
    const result = report(root);
    assert.deepEqual(result.over, [], "within the first-load budget");
    assert.deepEqual(result.overBeforePaint, ["brotli"]);
    assert.equal(exitCode(root, "--budget"), 1);
  } finally {
    rmSync(root, { recursive: true });
  }
});
