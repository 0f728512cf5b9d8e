// Lighthouse's performance audit of the release build, on its mobile preset (a slow 4G network
// and a 4x slower CPU, simulated), in Debian's Chromium against 127.0.0.1 (served compressed): Home for a first
// visit, and the answering screen for a person coming back to their open assessment. Prints
// the median of three runs of each, with the spread; asserts nothing.
//
//   node tests/bench/lighthouse.mjs [dist] [runs]
//
// Every wait has a time limit: two minutes for each audit and for the server to compress the
// build, BENCH_WAIT_S seconds (30 unless set) for the rest. When one runs out, the script says
// which figure it was measuring, what it waited for and for how long, and exits with status 1
// instead of hanging.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

const dist = process.argv[2] ?? "dist";
const runs = Number(process.argv[3] ?? 3);
const LIMIT_MS = 1000 * Number(process.env.BENCH_WAIT_S ?? 30);
const AUDIT_LIMIT_MS = 2 * 60 * 1000;
// A stored assessment of the current bank, as the app keeps it (the core's golden file).
const STORED = readFileSync(new URL("../../crates/core/golden/stored-2026.3.json", import.meta.url), "utf8");
const STORED_ID = JSON.parse(STORED).id;

/** The figure being measured, named when a wait runs out. */
let figure = "setting up (server, browser)";

/** A failure whose message says all there is to say, printed without a stack. */
class Stop extends Error {}

/** Runs `work()` (a promise), failing with `what` in plain words once `ms` have passed. */
async function within(what, work, ms = LIMIT_MS) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Stop(`Gave up after ${Math.round(ms / 100) / 10} s while measuring "${figure}": waited for ${what}.`)),
      ms,
    );
  });
  try {
    return await Promise.race([work(), limit]);
  } finally {
    clearTimeout(timer);
  }
}

// Served with brotli, as a static host with compression on serves it, on a free port. The
// server compresses every file before it listens (seconds for the wasm); it says when it does.
const server = spawn("node", [fileURLToPath(new URL("../serve-dist.mjs", import.meta.url)), dist, "0", "--compress"], {
  stdio: ["ignore", "pipe", "inherit"],
});
let chrome;
let launching;

/** Puts the stored assessment into the browser's local storage, as a returning person has it. */
async function seedReturningPerson(base) {
  const browser = await within("the browser to accept a connection", () =>
    puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, protocolTimeout: LIMIT_MS }),
  );
  const page = await within("a new tab", () => browser.newPage());
  await within(`${base} to load, to store an assessment`, () => page.goto(base, { timeout: LIMIT_MS }));
  await within("the stored assessment to be written to local storage", () =>
    page.evaluate((id, text) => localStorage.setItem(`readiness-check:assessment:${id}`, text), STORED_ID, STORED),
  );
  await within("the tab to close", () => page.close());
  browser.disconnect();
}

const AUDITS = {
  FCP: ["first-contentful-paint", (v) => `${(v / 1000).toFixed(2)} s`],
  LCP: ["largest-contentful-paint", (v) => `${(v / 1000).toFixed(2)} s`],
  TBT: ["total-blocking-time", (v) => `${Math.round(v)} ms`],
  TTI: ["interactive", (v) => `${(v / 1000).toFixed(2)} s`],
  CLS: ["cumulative-layout-shift", (v) => v.toFixed(3)],
};

async function audit(url, keepStorage) {
  const result = await within(`Lighthouse's audit of ${url}`, () => lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    // The mobile preset is Lighthouse's default: simulated slow 4G and a 4x CPU slowdown.
    disableStorageReset: keepStorage,
  }), AUDIT_LIMIT_MS);
  const { audits, categories, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.code} ${runtimeError.message}`);
  return {
    score: Math.round(categories.performance.score * 100),
    ...Object.fromEntries(Object.entries(AUDITS).map(([name, [id]]) => [name, audits[id].numericValue])),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

let failed = false;
try {
  const base = await within(`the file server to compress and serve ${dist}`, () =>
    new Promise((resolve, reject) => {
      server.stdout.on("data", (text) => {
        const address = String(text).match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
        if (address) resolve(address[1]);
      });
      server.on("exit", () => reject(new Stop(`The file server stopped before serving ${dist}.`)));
    }),
    AUDIT_LIMIT_MS,
  );
  launching = chromeLauncher.launch({
    chromePath: "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  chrome = await within("Chromium (/usr/bin/chromium) to start", () => launching);
  const pages = [
    ["Home, first visit", base, false],
    ["Answering screen, returning person", `${base}?screen=assessment&id=${STORED_ID}&section=s1`, true],
  ];
  console.log(`Lighthouse ${JSON.parse(readFileSync(new URL("../../node_modules/lighthouse/package.json", import.meta.url))).version}, mobile preset (simulated slow 4G, 4x CPU), median of ${runs} runs (min-max)`);
  for (const [name, url, returning] of pages) {
    const results = [];
    for (let run = 0; run < runs; run += 1) {
      figure = `${name}, run ${run + 1} of ${runs}`;
      if (returning) await seedReturningPerson(base);
      results.push(await audit(url, returning));
    }
    const cells = Object.entries(AUDITS).map(([metric, [, show]]) => {
      const values = results.map((r) => r[metric]);
      return `${metric} ${show(median(values))} (${show(Math.min(...values))}-${show(Math.max(...values))})`;
    });
    const scores = results.map((r) => r.score);
    console.log(`  ${name.padEnd(36)} ${cells.join("  ")}  score ${median(scores)} (${Math.min(...scores)}-${Math.max(...scores)})`);
  }
} catch (error) {
  failed = true;
  console.error(`\nThe Lighthouse benchmark stopped. ${error instanceof Stop ? error.message : `While measuring "${figure}": ${error.stack ?? error}`}`);
} finally {
  // A browser that no longer answers must not hold the run either. The launcher starts it in a
  // process group of its own, which outlives this script, so one that started late is ended too.
  await within("Chromium to close", async () => (chrome ?? (await launching))?.kill(), 10_000).catch(() => {});
  server.kill();
}
// An audit given up on may still hold a connection open; the run ends here all the same.
if (failed) process.exit(1);
