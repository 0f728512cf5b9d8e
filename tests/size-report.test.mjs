// Checks of the size report itself, on small made-up build folders: the budget must fail when
// passed, and only then; the main module's changes since the previous report are read from the
// module and listed, largest first. Run by scripts/test.sh with `node --test`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { wasmModule } from "../scripts/wasm-module.mjs";
import { moduleOf } from "./wasm-fixture.mjs";
import { BUDGET, beforePaintFiles, changeLines, changes, moduleRecord, report } from "./size-report.mjs";

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

const row = (file, bytes) => ({ file, raw: bytes.length, gzip: 0, brotli: 0 });

test("a wasm module's sections and function bodies are read, named after the imports", () => {
  const bytes = moduleOf({ imports: ["log"], functions: [{ name: "start", size: 40 }, { name: "draw", size: 300 }], data: 50 });
  const { sections, functions } = wasmModule(bytes);
  assert.deepEqual(
    sections.map((s) => s.label),
    ["type", "import", "function", "code", "data", "custom name"],
  );
  assert.deepEqual(functions, [
    { name: "start", size: 40 },
    { name: "draw", size: 300 },
  ]);
  assert.deepEqual(wasmModule(moduleOf({ functions: [{ name: "f", size: 3 }], named: false })).functions, [{ name: null, size: 3 }]);
});

test("the largest growths and shrinks by function and data, new and gone ones included, largest first; the linker's numbers on local copies do not count", () => {
  const before = moduleRecord(
    row("a.wasm", Buffer.alloc(0)),
    moduleOf({ functions: [{ name: "same", size: 90 }, { name: "grows", size: 100 }, { name: "shrinks", size: 500 }, { name: "gone", size: 60 }], data: 10 }),
  );
  const after = moduleRecord(
    row("b.wasm", Buffer.alloc(0)),
    moduleOf({ functions: [{ name: "same.1090", size: 90 }, { name: "grows", size: 400 }, { name: "shrinks", size: 450 }, { name: "new", size: 20 }], data: 35 }),
  );
  const { byFunction, growths, shrinks, changed } = changes(before, after);
  assert.equal(byFunction, true);
  assert.equal(changed, 5);
  assert.deepEqual(
    growths.map((r) => [r.part, r.change]),
    [["grows", 300], ["[data section]", 25], ["new", 20]],
  );
  assert.deepEqual(
    shrinks.map((r) => [r.part, r.change]),
    [["gone", -60], ["shrinks", -50]],
  );
  assert.equal(changes(before, after, 1).growths.length, 1, "at most the number asked for");
  const lines = changeLines(before, after).join("\n");
  assert.match(lines, /By function .*: 5 parts changed size/);
  assert.match(lines, /\+300 B {2}grows \(100 to 400 B\)/);
  assert.match(lines, /\+20 B {2}new \(new\)/);
  assert.match(lines, /-60 B {2}gone \(gone\)/);
});

test("by section when either build kept no names, and said so", () => {
  const named = moduleRecord(row("a.wasm", Buffer.alloc(0)), moduleOf({ functions: [{ name: "f", size: 100 }], data: 10 }));
  const stripped = moduleRecord(row("b.wasm", Buffer.alloc(0)), moduleOf({ functions: [{ name: "f", size: 100 }], named: false, data: 30 }));
  assert.equal(stripped.functions, null);
  const { byFunction, growths, shrinks } = changes(named, stripped);
  assert.equal(byFunction, false);
  assert.deepEqual(
    growths.map((r) => [r.part, r.change]),
    [["data", 20]],
  );
  assert.deepEqual(shrinks.map((r) => r.part), ["custom name"]);
  assert.match(changeLines(named, stripped).join("\n"), /One of the two builds kept no function names/);
  assert.match(changeLines(stripped, stripped).join("\n"), /No section changed size/);
  assert.match(changeLines(null, stripped).join("\n"), /no record of a previous build/);
});

test("each run compares the main module with the previous run's record, then keeps its own", () => {
  const root = mkdtempSync(join(tmpdir(), "size-report-"));
  const record = join(root, "record", "main-module.json");
  try {
    writeFileSync(join(root, "index.html"), '<!doctype html><link rel="preload" href="./app_bg.wasm" as="fetch">');
    const run = (functions) => {
      writeFileSync(join(root, "app_bg.wasm"), moduleOf({ functions }));
      return execFileSync(process.execPath, [SCRIPT, root], { env: { ...process.env, SIZE_REPORT_RECORD: record } }).toString();
    };
    assert.match(run([{ name: "readiness::start", size: 200 }]), /no record of a previous build/);
    const second = run([{ name: "readiness::start", size: 260 }, { name: "readiness::later", size: 30 }]);
    assert.match(second, /Main module against the previous report \(app_bg\.wasm\)/);
    assert.match(second, /\+60 B {2}readiness::start \(200 to 260 B\)/);
    assert.match(second, /\+30 B {2}readiness::later \(new\)/);
    assert.match(second, /This build kept its function names, SPLIT_KEEP_NAMES=1, and they count in its sizes/);
    assert.match(run([{ name: "readiness::start", size: 260 }, { name: "readiness::later", size: 30 }]), /No function changed size/);
  } finally {
    rmSync(root, { recursive: true });
  }
});
