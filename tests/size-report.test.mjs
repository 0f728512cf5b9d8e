// Checks of the size report itself, on small made-up build folders: the budget and the ceiling
// must fail when passed, and only then. Run by scripts/test.sh with `node --test`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { BUDGET, CEILING, report } from "./size-report.mjs";

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

test("the ceiling is above the budget", () => {
  assert.ok(CEILING.brotli > BUDGET.brotli && CEILING.gzip > BUDGET.gzip);
});

test("a small first load is within the budget and the ceiling", () =>
  withBuildOf(20_000, (root) => {
    const { over, overCeiling, firstLoad } = report(root);
    assert.deepEqual([over, overCeiling], [[], []]);
    assert.ok(firstLoad.raw > 20_000 && firstLoad.raw < 21_000, "counts index.html and app.js, not the PNG");
    assert.equal(exitCode(root, "--budget", "--ceiling"), 0);
  }));

// Base64 text of random bytes compresses to about three quarters of its length, in brotli
// as in gzip: this many characters land halfway between the brotli budget and ceiling.
const BETWEEN = Math.round((BUDGET.brotli + CEILING.brotli) / 2 / 0.75);

test("a first load over the budget fails --budget but not --ceiling", () =>
  withBuildOf(BETWEEN, (root) => {
    const { over, overCeiling } = report(root);
    assert.ok(over.includes("brotli"), `over the budget in ${over}`);
    assert.deepEqual(overCeiling, []);
    assert.equal(exitCode(root, "--budget"), 1);
    assert.equal(exitCode(root, "--ceiling"), 0);
    assert.equal(exitCode(root), 0, "without a flag it only reports");
  }));

test("a first load over the ceiling fails --ceiling", () =>
  withBuildOf(600_000, (root) => {
    assert.deepEqual(report(root).overCeiling, ["brotli", "gzip"]);
    assert.equal(exitCode(root, "--ceiling"), 1);
  }));
