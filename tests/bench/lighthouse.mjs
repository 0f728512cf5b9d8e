// Lighthouse's performance audit of the release build, on its mobile preset (a slow 4G network
// and a 4x slower CPU, simulated), in Debian's Chromium against 127.0.0.1 (served compressed): Home for a first
// visit, and the answering screen for a person coming back to their open assessment. Prints
// the median of three runs of each, with the spread; asserts nothing.
//
//   node tests/bench/lighthouse.mjs [dist] [runs]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

const dist = process.argv[2] ?? "dist";
const runs = Number(process.argv[3] ?? 3);
const port = 4191;
const base = `http://127.0.0.1:${port}/`;
// A stored assessment of the current bank, as the app keeps it (the core's golden file).
const STORED = readFileSync(new URL("../../crates/core/golden/stored-2026.2.json", import.meta.url), "utf8");
const STORED_ID = JSON.parse(STORED).id;

// Served with brotli, as a static host with compression on serves it. The server compresses
// every file before it listens; it says when it does.
const server = spawn("node", ["tests/serve-dist.mjs", dist, String(port), "--compress"], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve, reject) => {
  server.stdout.on("data", (text) => String(text).includes("serving") && resolve());
  server.on("exit", () => reject(new Error("the server stopped before serving")));
});

const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

/** Puts the stored assessment into the browser's local storage, as a returning person has it. */
async function seedReturningPerson() {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const page = await browser.newPage();
  await page.goto(base);
  await page.evaluate((id, text) => localStorage.setItem(`readiness-check:assessment:${id}`, text), STORED_ID, STORED);
  await page.close();
  browser.disconnect();
}

const AUDITS = {
  LCP: ["largest-contentful-paint", (v) => `${(v / 1000).toFixed(2)} s`],
  TBT: ["total-blocking-time", (v) => `${Math.round(v)} ms`],
  TTI: ["interactive", (v) => `${(v / 1000).toFixed(2)} s`],
};

async function audit(url, keepStorage) {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    // The mobile preset is Lighthouse's default: simulated slow 4G and a 4x CPU slowdown.
    disableStorageReset: keepStorage,
  });
  const { audits, categories, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.code} ${runtimeError.message}`);
  return {
    score: Math.round(categories.performance.score * 100),
    ...Object.fromEntries(Object.entries(AUDITS).map(([name, [id]]) => [name, audits[id].numericValue])),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const pages = [
    ["Home, first visit", base, false],
    ["Answering screen, returning person", `${base}?screen=assessment&id=${STORED_ID}&section=s1`, true],
  ];
  console.log(`Lighthouse ${JSON.parse(readFileSync(new URL("../../node_modules/lighthouse/package.json", import.meta.url))).version}, mobile preset (simulated slow 4G, 4x CPU), median of ${runs} runs (min-max)`);
  for (const [name, url, returning] of pages) {
    const results = [];
    for (let run = 0; run < runs; run += 1) {
      if (returning) await seedReturningPerson();
      results.push(await audit(url, returning));
    }
    const cells = Object.entries(AUDITS).map(([metric, [, show]]) => {
      const values = results.map((r) => r[metric]);
      return `${metric} ${show(median(values))} (${show(Math.min(...values))}-${show(Math.max(...values))})`;
    });
    const scores = results.map((r) => r.score);
    console.log(`  ${name.padEnd(36)} ${cells.join("  ")}  score ${median(scores)} (${Math.min(...scores)}-${Math.max(...scores)})`);
  }
} finally {
  await chrome.kill();
  server.kill();
}
