// Runs the browser benchmark once, one run per figure, against the release build (dist/, or
// BENCH_DIST), so a selector or a wait that no longer matches the app fails the test suite
// instead of hanging the benchmark. Asserts that it ends well and prints every figure with a
// number; the figures themselves vary and are not tested.
//
//   node --test tests/bench/browser.test.mjs
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import test from "node:test";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const dist = process.env.BENCH_DIST ?? "dist";

// Every figure the benchmark prints; one missing means a step was dropped or renamed.
const FIGURES = [
  "first question clickable after navigation (ms)",
  "answer click to new score in the page (ms)",
  "answer click to the next frame (ms)",
  "report drawn after navigation (ms)",
  "section change, click to next questions (ms)",
  "full share link opened to report drawn (ms)",
  "group view of 6 respondents drawn (ms)",
  "group view of 50 respondents drawn (ms)",
  "group view of 200 respondents drawn (ms)",
  "portfolio: 200 pasted links added and drawn (ms)",
  "portfolio: view of 200 partnerships redrawn (ms)",
];

// The benchmark's own waits give up after 30 s each; this one is for a run that still hangs.
const LIMIT_MS = 5 * 60 * 1000;

/** Runs the benchmark; resolves to its exit status (or the signal that ended it) and output. */
function runBenchmark() {
  return new Promise((resolve) => {
    const child = spawn("node", ["tests/bench/browser.mjs", dist, "1"], { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (text) => (stdout += text));
    child.stderr.on("data", (text) => (stderr += text));
    const timer = setTimeout(() => child.kill("SIGTERM"), LIMIT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

test("the browser benchmark runs to the end once and prints every figure", { timeout: LIMIT_MS + 30_000 }, async () => {
  const { code, signal, stdout, stderr } = await runBenchmark();
  const output = `\n--- its output ---\n${stdout}${stderr}`;
  assert.equal(signal, null, `the benchmark was stopped after ${LIMIT_MS / 1000} s${output}`);
  assert.equal(code, 0, `the benchmark failed${output}`);
  for (const name of FIGURES) {
    const line = stdout.split("\n").find((row) => row.startsWith(name));
    assert.ok(line, `no figure "${name}"${output}`);
    const median = Number(line.slice(name.length).trim().split(/\s+/)[0]);
    assert.ok(Number.isFinite(median) && median >= 0, `"${name}" has no number: ${line}`);
  }
  // The figures, for whoever reads the test run.
  console.log(stdout.trimEnd());
});
