// Browser timings of the release build, on this machine, in headless Chromium against
// 127.0.0.1. Prints figures; asserts nothing (timings vary; budgets are reported, not tested).
//
//   node tests/bench/browser.mjs [dist] [runs]
//
// Measured from inside the page with performance.now(), so the figures are what a person's
// browser spends, without the test driver's own round trips.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const dist = process.argv[2] ?? "dist";
const runs = Number(process.argv[3] ?? 10);
const port = 4190;
const base = `http://127.0.0.1:${port}/`;

const server = spawn("node", ["tests/serve-dist.mjs", dist, String(port)], { stdio: "ignore" });
await new Promise((resolve) => setTimeout(resolve, 500));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

const rows = [];
function report(name, values, budget) {
  const s = stats(values);
  rows.push({ name, ...s, budget });
}

/** Time from navigation start until `selector` exists in the page. */
async function timeToSelector(page, url, selector) {
  await page.addInitScript((sel) => {
    const done = () => {
      if (!window.__seen && document.querySelector(sel)) {
        window.__seen = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver(done).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__seen !== undefined);
  return page.evaluate(() => window.__seen);
}

/** Makes an assessment with the given answers in local storage, through the app's own UI. */
async function seed(context) {
  const page = await context.newPage();
  await page.goto(`${base}?screen=assessment`);
  await page.getByLabel("Region (required)").fill("North Valley");
  await page.getByLabel("Industry sector (required)").fill("Advanced manufacturing");
  await page.getByLabel("Your role (required)").fill("Convener");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await page.waitForSelector("fieldset.question");
  const id = new URL(page.url()).searchParams.get("id");
  await page.close();
  return id;
}

const context = await browser.newContext();
const id = await seed(context);

// 1. Navigation to the first question being clickable (a fresh page load each run).
{
  const values = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await context.newPage();
    values.push(await timeToSelector(page, `${base}?screen=assessment&id=${id}&section=s1`, "fieldset.question input[type=radio]"));
    await page.close();
  }
  report("first question clickable after navigation (ms)", values, 300);
}

// 2. A click on an answer to the section score updated on screen, 50 clicks.
{
  const page = await context.newPage();
  await page.goto(`${base}?screen=assessment&id=${id}&section=s5`);
  await page.waitForSelector("fieldset.question input[type=radio]");
  // Animation frames only run in the tab in front.
  await page.bringToFront();
  const values = await page.evaluate(async (clicks) => {
    const radios = [...document.querySelectorAll("fieldset.question input[type=radio]")];
    const score = document.querySelector(".score-panel");
    const work = [];
    const framed = [];
    for (let i = 0; i < clicks; i += 1) {
      // Alternate between two answers of one question so each click changes the score.
      const radio = radios[(i % 2) * 3 + Math.floor(i / 2) % 4 * 6];
      const before = score.textContent;
      const start = performance.now();
      radio.click();
      // The app's work: until the new score is in the page, ready for the next paint.
      await new Promise((resolve) => {
        const check = () => (score.textContent !== before ? resolve() : queueMicrotask(check));
        check();
      });
      work.push(performance.now() - start);
      // Until the frame that shows it (a timer stands in where frames are throttled); this
      // adds the wait for the display's next refresh, up to one frame, whatever the app does.
      await new Promise((resolve) => {
        requestAnimationFrame(() => resolve());
        setTimeout(resolve, 50);
      });
      framed.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { work, framed };
  }, 50);
  report("answer click to new score in the page (ms)", values.work, 16);
  report("answer click to the next frame (ms)", values.framed);
  await page.close();
}

// 3. Opening the report of the assessment (fresh load to the report drawn).
{
  const values = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await context.newPage();
    values.push(await timeToSelector(page, `${base}?screen=report&id=${id}`, ".report-footer"));
    await page.close();
  }
  report("report drawn after navigation (ms)", values);
}

/** Time from a click on `button` (found by its text) until `selector` matches `count` elements. */
async function timeClickTo(page, buttonText, selector, count) {
  return page.evaluate(
    async ({ buttonText, selector, count }) => {
      const button = [...document.querySelectorAll("button, a")].find((b) => b.textContent.trim() === buttonText);
      const start = performance.now();
      button.click();
      await new Promise((resolve) => {
        const check = () => (document.querySelectorAll(selector).length >= count ? resolve() : setTimeout(check, 0));
        check();
      });
      return performance.now() - start;
    },
    { buttonText, selector, count },
  );
}

// 4. Changing section: a click on "Next section" until the next section's questions are in.
{
  const page = await context.newPage();
  const values = [];
  for (let i = 0; i < runs; i += 1) {
    await page.goto(`${base}?screen=assessment&id=${id}&section=s1`);
    await page.waitForSelector("fieldset.question input[type=radio]");
    await page.bringToFront();
    values.push(
      await page.evaluate(async () => {
        const link = [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "Next section");
        const start = performance.now();
        link.click();
        await new Promise((resolve) => {
          const check = () => (document.querySelector("fieldset.question[id^='q-s2-'] input[type=radio]") ? resolve() : setTimeout(check, 0));
          check();
        });
        return performance.now() - start;
      }),
    );
  }
  report("section change, click to next questions (ms)", values);
  await page.close();
}

// 5. Opening a full share link (every question answered) in a fresh page, to the report drawn.
{
  const golden = readFileSync("crates/core/golden/share-links-v1.txt", "utf8");
  const full = golden.split("\n").find((line) => line.startsWith("full-without-notes ")).split(" ")[1];
  const values = [];
  for (let i = 0; i < runs; i += 1) {
    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    values.push(await timeToSelector(page, `${base}#${full}`, ".report-footer"));
    await fresh.close();
  }
  report("full share link opened to report drawn (ms)", values);
}

// 6. The group view: 50 and 200 respondents' share links pasted, to the comparison drawn, as
// many runs as the others.
for (const respondents of [50, 200]) {
  const links = execFileSync("cargo", ["run", "-q", "-p", "readiness-core", "--example", "bench_links", "--", String(respondents)], { encoding: "utf8" });
  const values = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await context.newPage();
    await page.goto(`${base}?screen=compare`);
    await page.fill("#compare-links", links);
    await page.bringToFront();
    values.push(await timeClickTo(page, "Add links", ".group-questions tbody tr", 90));
    await page.close();
  }
  report(`group view of ${respondents} respondents drawn (ms)`, values);
}

await browser.close();
server.kill();

const fmt = (n) => (n === undefined ? "" : n.toFixed(1));
console.log(`Browser timings (${dist}, ${runs} runs, headless Chromium, 127.0.0.1)`);
console.log("measure".padEnd(50), "median".padStart(8), "p95".padStart(8), "min".padStart(8), "max".padStart(8), "n".padStart(4), "budget".padStart(8));
for (const row of rows) {
  console.log(
    row.name.padEnd(50),
    fmt(row.median).padStart(8),
    fmt(row.p95).padStart(8),
    fmt(row.min).padStart(8),
    fmt(row.max).padStart(8),
    String(row.n).padStart(4),
    (row.budget ? `${row.budget}` : "").padStart(8),
  );
}
