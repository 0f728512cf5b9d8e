// Browser timings of the release build, on this machine, in headless Chromium against
// 127.0.0.1. Prints figures; asserts nothing about them (timings vary; budgets are reported,
// not tested).
//
//   node tests/bench/browser.mjs [dist] [runs]
//
// Measured from inside the page with performance.now(), so the figures are what a person's
// browser spends, without the test driver's own round trips.
//
// Every wait has a time limit: BENCH_WAIT_S seconds (30 unless set) for the browser, ten
// minutes for the respondents' links (the example may have to be built first). When one runs out,
// the script says which figure it was measuring, what it waited for and for how long, prints
// the figures it has, and exits with status 1, so a selector that no longer matches the app
// stops the run instead of hanging it. `tests/bench/browser.test.mjs` runs it once per figure.
import { execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, errors } from "@playwright/test";

const dist = process.argv[2] ?? "dist";
const runs = Number(process.argv[3] ?? 10);
const LIMIT_MS = 1000 * Number(process.env.BENCH_WAIT_S ?? 30);
const LINKS_LIMIT_MS = 10 * 60 * 1000;
const repo = fileURLToPath(new URL("../../", import.meta.url));

/** The figure being measured, named when a wait runs out or a step fails. */
let figure = "setting up (server, browser, a stored assessment)";

/** A failure whose message says all there is to say, printed without a stack. */
class Stop extends Error {}

const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;

function outOfTime(what, ms) {
  return new Stop(`Gave up after ${seconds(ms)} while measuring "${figure}": waited for ${what}.`);
}

/**
 * Runs `work()` (a promise), failing with `what` in plain words once `ms` have passed. The
 * browser driver's own time-outs, given the same limit, are reported the same way.
 */
async function within(what, work, ms = LIMIT_MS) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(outOfTime(what, ms)), ms);
  });
  try {
    return await Promise.race([work(), limit]);
  } catch (error) {
    throw error instanceof errors.TimeoutError ? outOfTime(what, ms) : error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Installed in every page of the main context: runs `act()`, then waits until `test()` holds,
 * checked at once, after every change to the page and every 50 ms. Resolves with the time from
 * the act to that moment, or with `{ gaveUp, seen }` (what `describe()` says of the page) once
 * `limit` ms have passed. The page's own timer ends the wait, so a slow page reports what it
 * had drawn instead of leaving the driver waiting.
 */
function installUntil() {
  window.benchUntil = (act, test, limit, describe) =>
    new Promise((resolve) => {
      let done = false;
      let poll;
      const observer = new MutationObserver(() => check());
      const finish = (outcome) => {
        done = true;
        observer.disconnect();
        clearTimeout(poll);
        clearTimeout(giveUp);
        resolve(outcome);
      };
      const check = () => {
        if (!done && test()) finish(performance.now() - start);
      };
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      const giveUp = setTimeout(() => finish({ gaveUp: limit, seen: describe() }), limit);
      const tick = () => {
        check();
        if (!done) poll = setTimeout(tick, 50);
      };
      const start = performance.now();
      act();
      tick();
    });
}

/**
 * Runs an in-page wait (`page.evaluate` of a function that returns `benchUntil`'s outcome) with
 * the page's limit and, in case the page stops answering, a slightly longer one here.
 */
async function inPage(page, what, pageFunction, arg) {
  const outcome = await within(what, () => page.evaluate(pageFunction, { ...arg, limit: LIMIT_MS }), LIMIT_MS + 5_000);
  if (outcome?.missing) throw new Stop(`While measuring "${figure}": there is ${outcome.missing} on the page, so it could not wait for ${what}.`);
  if (outcome?.gaveUp) throw new Stop(`${outOfTime(what, outcome.gaveUp).message} The page had ${outcome.seen}.`);
  return outcome;
}

// The file server, on a free port; it says its address once it serves.
const server = spawn("node", [fileURLToPath(new URL("../serve-dist.mjs", import.meta.url)), dist, "0"], {
  stdio: ["ignore", "pipe", "inherit"],
});
let base;
let browser;

/** The address the file server serves `dist` at. */
function served() {
  return within(`the file server to say it serves ${dist}`, () =>
    new Promise((resolve, reject) => {
      server.stdout.on("data", (text) => {
        const address = String(text).match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
        if (address) resolve(address[1]);
      });
      server.on("exit", () => reject(new Stop(`The file server stopped before serving ${dist}.`)));
    }),
  );
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

const rows = [];
function report(name, values, budget) {
  rows.push({ name, ...stats(values), budget });
}

function printTable() {
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
}

/** Time from navigation start until `selector` exists in the page. */
async function timeToSelector(page, url, selector) {
  await within("the timing script to be installed", () => page.addInitScript((sel) => {
    const done = () => {
      if (!window.__seen && document.querySelector(sel)) {
        window.__seen = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver(done).observe(document, { childList: true, subtree: true });
  }, selector));
  await within(`${url} to load`, () => page.goto(url, { timeout: LIMIT_MS }));
  await within(`"${selector}" to appear after opening ${url}`, () =>
    page.waitForFunction(() => window.__seen !== undefined, null, { timeout: LIMIT_MS, polling: 20 }),
  );
  return within(`the time "${selector}" appeared`, () => page.evaluate(() => window.__seen));
}

/** A new tab in `context`. */
const newTab = (context) => within("a new tab", () => context.newPage());
/** Closes a tab or a context. */
const close = (tabOrContext) => within("a tab or a browser context to close", () => tabOrContext.close());
/** Puts the tab in front, where animation frames run. */
const toFront = (page) => within("the tab to come to the front", () => page.bringToFront());

/** Opens `url`. */
async function load(page, url) {
  await within(`${url} to load`, () => page.goto(url, { timeout: LIMIT_MS }));
}

/** Opens `url` and waits for `selector`, before a measurement starts. */
async function openAt(page, url, selector) {
  await load(page, url);
  await within(`"${selector}" to appear after opening ${url}`, () => page.waitForSelector(selector, { timeout: LIMIT_MS }));
}

/** Makes an assessment with the given answers in local storage, through the app's own UI. */
async function seed(context) {
  const page = await newTab(context);
  await load(page, `${base}?screen=assessment`);
  const fill = (label, text) => within(`the field "${label}"`, () => page.getByLabel(label).fill(text, { timeout: LIMIT_MS }));
  await fill("Region (required)", "North Valley");
  await fill("Industry sector (required)", "Advanced manufacturing");
  await fill("Your role (required)", "Convener");
  await within(`the button "Start the assessment"`, () =>
    page.getByRole("button", { name: "Start the assessment" }).click({ timeout: LIMIT_MS }),
  );
  await within(`"fieldset.question" after starting the assessment`, () => page.waitForSelector("fieldset.question", { timeout: LIMIT_MS }));
  const id = new URL(page.url()).searchParams.get("id");
  await close(page);
  return id;
}

/** The share links of `count` made-up respondents (or partnerships), one a line, from the core's example. */
async function respondentLinks(count, mode = []) {
  const what = `cargo run -p readiness-core --example bench_links -- ${[count, ...mode].join(" ")} (links of ${count} ${mode.length ? "partnerships" : "respondents"})`;
  try {
    const { stdout } = await promisify(execFile)(
      "cargo",
      ["run", "-q", "-p", "readiness-core", "--example", "bench_links", "--", String(count), ...mode],
      { cwd: repo, encoding: "utf8", timeout: LINKS_LIMIT_MS, maxBuffer: 64 << 20 },
    );
    return stdout;
  } catch (error) {
    if (error.killed) throw outOfTime(what, LINKS_LIMIT_MS);
    throw error;
  }
}

// What the group view draws when it is complete, from the bank it is drawn from: the heat map
// has a row per launch step with a cell per respondent, and there is a distribution bar per
// question. A question nobody answered has no bar; the example leaves about one answer in ten
// blank, so with six respondents that happens to a question once in a million.
const bank = JSON.parse(readFileSync(new URL("../../crates/domain/bank/bank.json", import.meta.url), "utf8"));
const launchSteps = bank.sections.filter((section) => section.kind === "launch_step").length;
const questions = bank.sections.reduce((sum, section) => sum + section.questions.length, 0);
// From this many respondents (the core's SUMMARISE_FROM) the view draws a bar per launch step
// instead of the heat map, which waits behind its disclosure.
const SUMMARISE_FROM = 25;

async function measure() {
  base = await served();
  browser = await within("Chromium (/usr/bin/chromium) to start", () =>
    chromium.launch({
      executablePath: "/usr/bin/chromium",
      timeout: LIMIT_MS,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    }),
  );
  const context = await within("a browser context", () => browser.newContext());
  await within("the page helper to be installed", () => context.addInitScript(installUntil));
  const id = await seed(context);

  // 1. Navigation to the first question being clickable (a fresh page load each run).
  {
    figure = "first question clickable after navigation (ms)";
    const values = [];
    for (let i = 0; i < runs; i += 1) {
      const page = await newTab(context);
      values.push(await timeToSelector(page, `${base}?screen=assessment&id=${id}&section=s1`, "fieldset.question input[type=radio]"));
      await close(page);
    }
    report(figure, values, 300);
  }

  // 2. A click on an answer to the section score updated on screen, 50 clicks.
  {
    figure = "answer click to new score in the page (ms)";
    const page = await newTab(context);
    await openAt(page, `${base}?screen=assessment&id=${id}&section=s5`, "fieldset.question input[type=radio]");
    // Animation frames only run in the tab in front.
    await toFront(page);
    const values = await within(
      "50 answer clicks, each to a new text in .score-panel and the next frame",
      () =>
        page.evaluate(
          async ({ clicks, limit }) => {
            const radios = [...document.querySelectorAll("fieldset.question input[type=radio]")];
            const score = document.querySelector(".score-panel");
            if (!score) return { stuck: "there is no .score-panel on the page" };
            const work = [];
            const framed = [];
            for (let i = 0; i < clicks; i += 1) {
              // Alternate between two answers of one question so each click changes the score.
              const at = (i % 2) * 3 + (Math.floor(i / 2) % 4) * 6;
              const radio = radios[at];
              if (!radio) return { stuck: `there is no answer number ${at + 1} to click (${radios.length} on the page)` };
              const before = score.textContent;
              const start = performance.now();
              radio.click();
              // The app's work: until the new score is in the page, ready for the next paint.
              // Checked between microtasks, so the moment it changes is seen; the check itself
              // ends the wait when the limit passes (no timer could run meanwhile).
              const changed = await new Promise((resolve) => {
                const check = () => {
                  if (score.textContent !== before) resolve(true);
                  else if (performance.now() - start > limit) resolve(false);
                  else queueMicrotask(check);
                };
                check();
              });
              if (!changed) return { stuck: `click ${i + 1} of ${clicks}: the score still read "${before.trim()}" after ${limit / 1000} s` };
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
          },
          { clicks: 50, limit: LIMIT_MS },
        ),
      // Each click has the limit in the page; this one is for a page that stops answering.
      2 * LIMIT_MS + 10_000,
    );
    if (values.stuck) throw new Stop(`While measuring "${figure}": ${values.stuck}.`);
    report(figure, values.work, 16);
    report("answer click to the next frame (ms)", values.framed);
    await close(page);
  }

  // 3. Opening the report of the assessment (fresh load to the report drawn).
  {
    figure = "report drawn after navigation (ms)";
    const values = [];
    for (let i = 0; i < runs; i += 1) {
      const page = await newTab(context);
      values.push(await timeToSelector(page, `${base}?screen=report&id=${id}`, ".report-footer"));
      await close(page);
    }
    report(figure, values);
  }

  // 4. Changing section: a click on "Next section" until the next section's questions are in.
  {
    figure = "section change, click to next questions (ms)";
    const page = await newTab(context);
    const values = [];
    for (let i = 0; i < runs; i += 1) {
      await openAt(page, `${base}?screen=assessment&id=${id}&section=s1`, "fieldset.question input[type=radio]");
      await toFront(page);
      const next = "fieldset.question[id^='q-s2-'] input[type=radio]";
      values.push(
        await inPage(page, `"${next}" after a click on "Next section"`, ({ next, limit }) => {
          const link = [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "Next section");
          if (!link) return { missing: 'no link "Next section"' };
          return window.benchUntil(
            () => link.click(),
            () => document.querySelector(next) !== null,
            limit,
            () => `section ${new URL(location.href).searchParams.get("section")}, ${document.querySelectorAll("fieldset.question").length} questions`,
          );
        }, { next }),
      );
    }
    report(figure, values);
    await close(page);
  }

  // 5. Opening a full share link (every question answered) in a fresh page, to the report drawn.
  {
    figure = "full share link opened to report drawn (ms)";
    const golden = readFileSync(new URL("../../crates/core/golden/share-links-v1.txt", import.meta.url), "utf8");
    const full = golden.split("\n").find((line) => line.startsWith("full-without-notes ")).split(" ")[1];
    const values = [];
    for (let i = 0; i < runs; i += 1) {
      const fresh = await within("a fresh browser context", () => browser.newContext());
      const page = await newTab(fresh);
      values.push(await timeToSelector(page, `${base}#${full}`, ".report-footer"));
      await close(fresh);
    }
    report(figure, values);
  }

  // 6. The group view: the share links of 6, 50 and 200 respondents pasted, from the click on
  // "Add links" until every chart of the view is in the page and laid out: the heat map's cells
  // (a row per launch step, a cell per respondent), or for a group it summarises a bar per
  // launch step, and a distribution bar per question. The screen draws its form only once the
  // link formats are loaded, so they are in when the click comes. As many runs as the others.
  for (const respondents of [6, 50, 200]) {
    figure = `group view of ${respondents} respondents drawn (ms)`;
    const links = await respondentLinks(respondents);
    const summarised = respondents >= SUMMARISE_FROM;
    const cells = summarised ? 0 : launchSteps * respondents;
    const bars = questions + (summarised ? launchSteps : 0);
    const values = [];
    for (let i = 0; i < runs; i += 1) {
      const page = await newTab(context);
      await openAt(page, `${base}?screen=compare`, "#compare-links");
      await within("the links to be typed into #compare-links", () => page.fill("#compare-links", links, { timeout: LIMIT_MS }));
      await toFront(page);
      values.push(
        await inPage(
          page,
          (summarised ? "no heat map yet and " : `${cells} heat-map cells (".heat-map .heat-row g.heat", ${launchSteps} steps × ${respondents} respondents) and `) +
            `${bars} distribution bars (".question-lines svg.distribution": ${summarised ? `${launchSteps} steps and ` : ""}${questions} questions) after a click on "Add links"`,
          ({ cells, bars, limit }) => {
            const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Add links");
            if (!button) return { missing: 'no button "Add links"' };
            const count = (selector) => document.querySelectorAll(`.group-results ${selector}`).length;
            const complete = () => count(".heat-map .heat-row g.heat") === cells && count(".question-lines svg.distribution") === bars;
            return window.benchUntil(
              () => button.click(),
              () => {
                if (!complete()) return false;
                // Reading a size lays the page out, so the figure includes the layout of the
                // charts, not only their elements being in the page.
                document.querySelector(".group-results .question-lines").getBoundingClientRect();
                return true;
              },
              limit,
              () => {
                const trouble = document.querySelector("[role=alert] .notice");
                return (
                  `${count(".heat-map .heat-row g.heat")} heat-map cells, ${count(".question-lines svg.distribution")} distribution bars` +
                  (trouble ? `, and the message "${trouble.textContent.trim().slice(0, 200)}"` : "")
                );
              },
            );
          },
          { cells, bars },
        ),
      );
      await close(page);
    }
    report(figure, values);
  }

  // 7. The portfolio: the share links of 200 partnerships pasted in one block, from the click on
  // "Add to portfolio" until a row per partnership is in the page and laid out (read, matched,
  // kept on the device and drawn); then the view of 200 redrawn, from a change of the sort
  // until the first row is the first region's.
  {
    const links = await respondentLinks(200, ["partnerships"]);
    const pasted = [];
    const redrawn = [];
    for (let i = 0; i < runs; i += 1) {
      // A fresh device each run, so each paste adds 200 partnerships.
      const fresh = await within("a fresh browser context", () => browser.newContext());
      await within("the page helper to be installed", () => fresh.addInitScript(installUntil));
      const page = await newTab(fresh);
      await openAt(page, `${base}?screen=portfolio`, "#portfolio-links");
      await within("the links to be typed into #portfolio-links", () => page.fill("#portfolio-links", links, { timeout: LIMIT_MS }));
      await toFront(page);
      figure = "portfolio: 200 pasted links added and drawn (ms)";
      pasted.push(
        await inPage(page, '200 rows of "table.portfolio-rows" after a click on "Add to portfolio"', ({ limit }) => {
          const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Add to portfolio");
          if (!button) return { missing: 'no button "Add to portfolio"' };
          const rows = () => document.querySelectorAll("table.portfolio-rows tbody tr").length;
          return window.benchUntil(
            () => button.click(),
            () => rows() === 200 && document.querySelector("table.portfolio-rows").getBoundingClientRect().height > 0,
            limit,
            () => `${rows()} rows`,
          );
        }),
      );
      figure = "portfolio: view of 200 partnerships redrawn (ms)";
      redrawn.push(
        await inPage(page, 'the first row to be "Region 1" after sorting by region', ({ limit }) => {
          const select = document.querySelector("#portfolio-sort");
          if (!select) return { missing: "no #portfolio-sort" };
          const first = () => document.querySelector("table.portfolio-rows tbody th")?.textContent ?? "";
          return window.benchUntil(
            () => {
              select.value = "region";
              select.dispatchEvent(new Event("change", { bubbles: true }));
            },
            () => first().startsWith("Region 1 ") && document.querySelector("table.portfolio-rows").getBoundingClientRect().height > 0,
            limit,
            () => `the first row reads "${first()}"`,
          );
        }),
      );
      await close(fresh);
    }
    report("portfolio: 200 pasted links added and drawn (ms)", pasted, 1000);
    report("portfolio: view of 200 partnerships redrawn (ms)", redrawn, 200);
  }
}

let failed = false;
try {
  await measure();
} catch (error) {
  failed = true;
  process.exitCode = 1;
  printTable();
  console.error(`\nThe browser benchmark stopped. ${error instanceof Stop ? error.message : `While measuring "${figure}": ${error.stack ?? error}`}`);
} finally {
  // A browser that no longer answers must not hold the run either.
  await within("Chromium to close", async () => browser?.close(), 10_000).catch(() => {});
  server.kill();
}
if (failed) process.exit(1);
printTable();
