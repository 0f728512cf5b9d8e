// Share links of made-up people and partnerships, printed by the core's `bench_links` example
// (built by scripts/test.sh), for the journeys of Playwright and of the engines suite alike.
import { execFileSync } from "node:child_process";

function benchLinks(...args) {
  return execFileSync("cargo", ["run", "-q", "-p", "readiness-core", "--example", "bench_links", "--", ...args.map(String)], { encoding: "utf8" });
}

/** Share links of `count` varied respondents answering the whole bank, one a line. */
export function respondentLinks(count) {
  return benchLinks(count);
}

/**
 * Share links of `count` made-up partnerships, each in its own region, one a line: `results`
 * dated results each, four months apart, a partnership's results on consecutive lines.
 */
export function partnershipLinks(count, results = 1) {
  return benchLinks(count, "partnerships", ...(results > 1 ? [results] : []));
}
