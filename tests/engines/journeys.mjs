// The main journeys, written once and run in Firefox and in WebKit (see browsers.mjs) against the
// release build served on 127.0.0.1. Playwright runs the whole suite in Chromium; these are the
// journeys people take after opening a link in whatever browser they have, plus the checks that
// differ between engines: the date field, what a first visit downloads, and table cells.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstLoadFiles, offlineFiles } from "../../scripts/first-load.mjs";
import { partnershipLinks } from "../made-links.mjs";
import { brokenWordsInTableCells, tableScrollProblems } from "../page-checks.mjs";
import { downloadsIn, isContentAddressed } from "../serve-dist.mjs";
import { CannotPrint } from "./browsers.mjs";

const GOLDEN_EXPORT = new URL("../../crates/core/golden/export-v1.json", import.meta.url);

/** A share link of a golden file (`share-links-2026.2.txt`) by its name, as the fragment the app writes. */
function goldenShareLink(file, name) {
  const golden = readFileSync(new URL(`../../crates/core/golden/${file}`, import.meta.url), "utf8");
  return golden.split("\n").find((line) => line.startsWith(`${name} `)).split(" ")[1];
}

/**
 * Share links of three made-up partnerships (`bench_links`, as tests/portfolio.spec.js uses):
 * Region 1 with two results, so it has a history, Regions 2 and 3 with one each.
 */
function threePartnershipLinks() {
  const made = partnershipLinks(3, 2).trim().split("\n");
  return [made[0], made[1], made[2], made[4]];
}

/** How many rows the Portfolio's table of partnerships has. */
function portfolioRows() {
  return document.querySelectorAll("table.portfolio-rows tbody tr").length;
}

/** Starts a new assessment on the assessment screen; returns its id. */
async function startAssessment(tab, base, name) {
  await tab.goto(`${base}?screen=assessment`);
  await tab.fill("#new-region", "North Valley");
  await tab.fill("#new-sector", "Advanced manufacturing");
  await tab.fill("#new-role", "Convener");
  await tab.fill("#new-name", name);
  await tab.clickText("Start the assessment");
  await tab.waitForText("main h1", "Step 1");
  return tab.evaluate(() => new URL(location.href).searchParams.get("id"));
}

/** Chooses an answer by its visible label, the way a person clicks it. */
async function answer(tab, questionId, label) {
  const fieldset = `#q-${questionId.replaceAll(".", "-")}`;
  await tab.click(await tab.markByText(`${fieldset} label.choice`, label));
  await tab.waitFor(`${questionId} answered ${label}`, (fieldset, label) => {
    const chosen = [...document.querySelectorAll(`${fieldset} label.choice`)].find((l) => l.querySelector("input").checked);
    return chosen?.textContent.trim() === label;
  }, fieldset, label);
}

async function waitForSaved(tab) {
  await tab.waitForText(".save-status", "Saved on this device");
}

/** Starts an assessment called `name`, gives one answer, opens its report; returns its text. */
async function reportWithOneAnswer(tab, base, name, questionId, label) {
  const id = await startAssessment(tab, base, name);
  await answer(tab, questionId, label);
  await waitForSaved(tab);
  await tab.goto(`${base}?screen=report&id=${id}`);
  await tab.waitForText("main h1", `Readiness report: ${name}`);
  return tab.evaluate(() => document.querySelector(".report").innerText);
}

/** The share link inside the report's "Email the summary" draft. */
async function shareLinkFromMailDraft(tab) {
  const href = await tab.evaluate(() => [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "Email the summary")?.href);
  const body = decodeURIComponent(href.split("&body=")[1]);
  return body.match(/https?:\/\/\S+#s=[A-Za-z0-9_-]+/)[0];
}

/** Fills the coach's form, typing the date key by key; returns what the form says. */
async function coachForm(tab, base, typedDate) {
  await tab.goto(`${base}?screen=coach`);
  await tab.fill("#coach-name", "Dana Whitfield");
  await tab.fill("#coach-session", "Module 3: preparing to launch");
  await tab.type("#coach-date", typedDate);
  await tab.fill("#coach-region", "North Valley");
  await tab.fill("#coach-sector", "Advanced manufacturing");
  for (const part of ["s4", "s5", "s6", "phases", "table", "pitfalls"]) {
    if (await tab.evaluate((id) => document.getElementById(id).checked, `scope-${part}`)) await tab.click(`#scope-${part}`);
  }
  await tab.fill("#coach-message", "Please answer steps 1 to 3 before we meet.");
  await tab.clickText("Make the link");
  return tab.waitFor("the link or an error", () => {
    const link = document.querySelector("#coach-link")?.value ?? null;
    const errors = [...document.querySelectorAll(".coach-form .field-error")].map((e) => e.textContent.trim()).filter(Boolean);
    const date = document.querySelector("#coach-date");
    return (link || errors.length > 0) && { link, errors, value: date.value, badInput: date.validity.badInput };
  });
}

export const journeys = [
  {
    name: "start, answer, reload: the answers are kept, and the report says where you are",
    async run(engine, { base }) {
      const tab = await engine.freshTab();
      const id = await startAssessment(tab, base, "Engine check");
      await answer(tab, "s1.convener", "Not yet");
      await answer(tab, "s1.roles", "Done");
      await waitForSaved(tab);
      await tab.goto(`${base}?screen=assessment&id=${id}`);
      await tab.waitFor("the answers after a reload", () => {
        const checked = (id) => [...document.querySelectorAll(`${id} label.choice`)].find((l) => l.querySelector("input").checked)?.textContent.trim();
        return checked("#q-s1-convener") === "Not yet" && checked("#q-s1-roles") === "Done";
      });
      await tab.goto(`${base}?screen=report&id=${id}`);
      await tab.waitForText(".where-you-are", "You are at step 1");
    },
  },
  {
    name: "a share link opens the same report in a fresh profile, read-only, and can be saved there",
    async run(engine, { base }) {
      const tab = await engine.freshTab();
      const mine = await reportWithOneAnswer(tab, base, "Shared check", "s1.convener", "Mostly");
      const link = await shareLinkFromMailDraft(tab);

      const other = await engine.freshTab();
      await other.goto(link);
      await other.waitForText(".shared-notice", "You are viewing a shared report, read-only.");
      assert.equal(await other.evaluate(() => document.querySelector(".report").innerText), mine);
      assert.equal(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":assessment:")).length), 0);
      await other.clickText("Save a copy on this device");
      await other.waitFor("the saved copy", () => Object.keys(localStorage).filter((k) => k.includes(":assessment:")).length === 1);
    },
  },
  {
    name: "JSON out of one profile and into another gives the same report",
    async run(engine, { base }) {
      const tab = await engine.freshTab();
      const mine = await reportWithOneAnswer(tab, base, "File check", "s1.roles", "Started");
      await tab.clickText("Save as file", "summary");
      await tab.clickText("Download JSON");
      await tab.waitForText(".action-message", "downloaded");
      const [json] = await tab.downloads();
      assert.equal(JSON.parse(json).assessment.answers["s1.roles"], "started");

      const folder = mkdtempSync(join(tmpdir(), "engines-json-"));
      const file = join(folder, "readiness-report-file-check.json");
      writeFileSync(file, json);
      const other = await engine.freshTab();
      await other.goto(`${base}?screen=assessment`);
      await other.upload("#import-input", file);
      await other.waitForText("main h1", "Readiness report: File check");
      assert.equal(await other.evaluate(() => document.querySelector(".report").innerText), mine);
      rmSync(folder, { recursive: true, force: true });
    },
  },
  {
    name: "a coach link opens its invitation in a fresh profile and starts a scoped assessment",
    async run(engine, { base }) {
      const tab = await engine.freshTab();
      const made = await coachForm(tab, base, "12/04/2026");
      assert.deepEqual(made.errors, []);
      assert.match(made.link, /#c=[A-Za-z0-9_-]+$/);
      const region = await engine.freshTab();
      await region.goto(made.link);
      await region.waitForText("main", "From your coach, Dana Whitfield");
      await region.waitForText("main", "Module 3: preparing to launch, 2026-12-04");
      await region.waitFor("the region filled in", () => document.querySelector("#invite-region")?.value === "North Valley");
      await region.fill("#invite-role", "Workforce board director");
      await region.clickText("Start the assessment for this session");
      await region.waitForText("main h1", "Step 1");
      const sections = await region.evaluate(() => document.querySelectorAll('nav[aria-label="Sections"] a').length);
      assert.equal(sections, 4, "three steps in scope and where you want help");
    },
  },
  {
    name: "a date the browser cannot read is never dropped in silence",
    async run(engine, { base }) {
      const tab = await engine.freshTab();
      // Typed as digits only (WebKit's field does not move on after two digits and holds a date
      // it cannot read), then in ISO order (WebKit reads it as the year 0004).
      for (const typed of ["12042026", "2026-12-04"]) {
        const form = await coachForm(tab, base, typed);
        if (form.badInput) {
          assert.ok(!form.link, `${typed}: no link while the date cannot be read`);
          assert.ok(form.errors.some((e) => e.includes("not a whole date")), `${typed}: ${form.errors}`);
        } else if (!/^20\d\d-/.test(form.value)) {
          assert.ok(!form.link, `${typed} read as ${form.value}: no link`);
          assert.ok(form.errors.some((e) => e.includes("Check the year")), `${typed}: ${form.errors}`);
        } else {
          assert.deepEqual(form.errors, [], `${typed} read as ${form.value}`);
          assert.ok(form.link, `${typed} read as ${form.value}: a link`);
        }
      }
    },
  },
  {
    name: "the Portfolio: a pasted block of share links is counted, names its damaged line, filters, opens a report, is kept after a reload and scrolls its tables in their own box at 320 px (447 px in WebKit)",
    async run(engine, { base }) {
      const links = threePartnershipLinks();
      const block = ["Results of the autumn round:", ...links, links[3].slice(0, -12), "Thanks!"].join("\n");
      const tab = await engine.freshTab();
      await tab.goto(base);
      // The pre-rendered Home's links are plain links: wait for the app to take over.
      await tab.waitFor("the app", () => window.wasmBindings !== undefined);
      await tab.clickText("Portfolio", 'nav[aria-label="Main"] a');
      await tab.waitForText("main h1", "Portfolio");
      await tab.paste("#portfolio-links", block);
      await tab.clickText("Add to portfolio", "button");
      await tab.waitForText('[role="status"]', "Added 4 results: 3 new partnerships, 1 joined a partnership already here.");
      await tab.waitForText('[role="alert"] li', "Line 6: ");
      await tab.waitForText(".portfolio-counts", "3 partnerships (4 results)");
      assert.equal(await tab.evaluate(portfolioRows), 3);
      const history = await tab.evaluate(() => [...document.querySelectorAll("table.portfolio-rows tbody tr")].find((row) => row.textContent.includes("2 results"))?.querySelector("th").textContent);
      assert.equal(history, "Region 1 · Health care", "the partnership with two results shows its history");

      // The help asked for by Region 1: fewer rows, then every row again.
      const area = await tab.evaluate(() => document.querySelector("#portfolio-area").options[1].value);
      await tab.select("#portfolio-area", area);
      const shown = await tab.waitFor("fewer rows", () => {
        const rows = document.querySelectorAll("table.portfolio-rows tbody tr").length;
        return rows < 3 && document.querySelector("#portfolio-showing").textContent === `Showing ${rows} of 3 partnerships` && rows;
      });
      assert.ok(shown >= 1, "Region 1 asks for this help");
      await tab.select("#portfolio-area", "");
      await tab.waitFor("every row again", () => document.querySelectorAll("table.portfolio-rows tbody tr").length === 3);

      // One report, then back through the navigation, then a reload: the portfolio is kept.
      await tab.settle();
      await tab.clickText("Open the report of Region 2 · Advanced manufacturing", "a");
      await tab.waitForText("main h1", "Readiness report");
      await tab.waitForText("main", "Region 2");
      await tab.afterLoad();
      await tab.clickText("Portfolio", 'nav[aria-label="Main"] a');
      await tab.waitForText("main h1", "Portfolio");
      await tab.waitFor("the three rows", () => document.querySelectorAll("table.portfolio-rows tbody tr").length === 3);
      await tab.reload();
      await tab.waitForText(".portfolio-counts", "3 partnerships (4 results)");
      assert.equal(await tab.evaluate(portfolioRows), 3);

      // The wide tables scroll in their own box at 320 px (447 px in WebKit).
      const width = await tab.setWidth(320);
      assert.deepEqual(await tab.evaluate(tableScrollProblems), [], `page scrolls sideways at ${width} px`);
      assert.deepEqual(await tab.evaluate(brokenWordsInTableCells), [], `words broken at ${width} px`);
    },
  },
  {
    name: "a damaged share link says what is wrong and changes nothing",
    async run(engine, { base }) {
      const tab = await engine.freshTab();
      await tab.goto(`${base}#s=AAAAnotarealpayload`);
      await tab.waitForText('[role="alert"]', "This share link could not be opened");
      assert.equal(await tab.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":assessment:")).length), 0);
    },
  },
  {
    name: "a first visit downloads each wasm module once, and each other content-hashed file once outside WebKit; the service worker then serves the app with the server gone",
    async run(engine, { base, server, dist }) {
      const tab = await engine.freshTab();
      server.requests.length = 0;
      await tab.goto(base);
      await tab.waitForText("main h1", "Sector Partnership Readiness Check");
      await tab.waitFor("the service worker in control", () => navigator.serviceWorker.controller !== null);
      // Give the worker a moment to finish anything it still fetches after taking control.
      await new Promise((resume) => setTimeout(resume, 500));
      const { bytes, requests, times: bodies } = downloadsIn(server.requests);
      console.log(`${engine.name}: first visit transferred ${bytes} bytes in ${requests} requests`);
      // The main module and every chunk (fetched once the page is idle, or by the worker).
      const wasm = Object.entries(bodies).filter(([path]) => path.endsWith(".wasm"));
      const modules = offlineFiles(dist).files.filter((file) => file.endsWith(".wasm"));
      assert.deepEqual(wasm.map(([path]) => path.slice(1)).sort(), modules.sort(), "every wasm module is downloaded");
      assert.ok(wasm.every(([, count]) => count === 1), `each wasm module is downloaded once: ${JSON.stringify(wasm)}`);
      // Files without a content hash in their name (the page, icons and manifest, 12 KB in
      // all) are revalidated by the worker, and downloaded again when the visit's own request
      // has not reached the cache yet (the page is asked for as the folder's address, which a
      // cache keeps apart from index.html; Firefox loads the icon late). WebKit's worker also
      // finds none of the stylesheet and scripts the page loaded in its cache (only what the
      // page fetched with fetch(), like the wasm) and downloads them again: 64 KB.
      const mayRepeat = (path) => !isContentAddressed(path) || (engine.name === "webkit" && !path.endsWith(".wasm"));
      const twice = Object.entries(bodies).filter(([path, count]) => count > 1 && !mayRepeat(path));
      console.log(`${engine.name}: downloaded more than once: ${JSON.stringify(Object.entries(bodies).filter(([, count]) => count > 1))}`);
      assert.deepEqual(twice, [], "files downloaded more than once on a first visit");
      // The main module, the one wasm file the page's own loader names, came exactly once.
      const named = firstLoadFiles(dist).files.filter((file) => file.endsWith(".wasm"));
      assert.equal(named.length, 1, `the page's loader names one wasm module: ${named}`);
      assert.equal(bodies[`/${named[0]}`], 1, `${named[0]}, which the page's loader names, is downloaded once`);

      await new Promise((done) => server.close(done));
      server.closeAllConnections();
      await tab.goto(`${base}?screen=about`);
      await tab.waitForText("main h1", "About this check and its sources");
      // A screen never opened before opens with the server gone: its chunk was kept too.
      await tab.goto(`${base}?screen=compare`);
      await tab.waitForText("main h1", "Compare");
    },
  },
  {
    name: "no word is broken in a table cell, at 1280 px and at 320 px (447 px in WebKit)",
    async run(engine, { base }) {
      const tab = await engine.freshTab();
      await tab.goto(`${base}?screen=assessment`);
      await tab.upload("#import-input", GOLDEN_EXPORT.pathname);
      await tab.waitForText("main h1", "Readiness report");
      for (const wanted of [1280, 320]) {
        // WebKit's MiniBrowser cannot be narrower than 447 px; Chromium and Firefox check 320.
        const width = await tab.setWidth(wanted);
        assert.ok(width === wanted || (engine.name === "webkit" && width < 500), `${wanted} px asked, ${width} px given`);
        assert.deepEqual(await tab.evaluate(brokenWordsInTableCells), [], `words broken at ${width} px`);
        assert.deepEqual(await tab.evaluate(tableScrollProblems), [], `page scrolls sideways at ${width} px`);
      }
    },
  },
  {
    // Every question answered with a note on 20 of them, made with banks 2026.1 and 2026.2 and
    // opened by a later bank, so the report also lists the kept answers to questions no longer
    // asked: the longest reports a partnership is likely to print. Chromium checks the same in
    // tests/report.spec.js; page breaks and fonts differ between engines.
    name: "the longest realistic report prints to at most four pages on A4 and Letter",
    async run(engine, { base, skip }) {
      for (const file of ["share-links-v1.txt", "share-links-2026.2.txt"]) {
        const tab = await engine.freshTab();
        await tab.setWidth(1280);
        await tab.goto(`${base}#${goldenShareLink(file, "full-with-notes")}`);
        await tab.waitForText(".report", "Discussed at the planning meeting 19");
        if (!(await printsInFourPages(engine, tab, file, skip))) return;
      }
    },
  },
];

/**
 * Prints the report on show on A4 and on Letter and checks each is at most four pages; false
 * when the engine cannot print at all (the journey is then skipped with the reason).
 */
async function printsInFourPages(engine, tab, file, skip) {
  for (const paper of ["A4", "Letter"]) {
    let pages;
    try {
      pages = await tab.printedPages(paper, { waitFor: "Discussed at the planning meeting 19" });
    } catch (error) {
      if (!(error instanceof CannotPrint)) throw error;
      console.log(`${engine.name}: cannot print: ${error.message}`);
      skip(`${engine.name} cannot print: ${error.message}`);
      return false;
    }
    console.log(`${engine.name}: ${file}: ${pages} pages on ${paper}`);
    assert.ok(pages > 0, `${file}, ${paper}: no page found in the PDF`);
    assert.ok(pages <= 4, `${file}, ${paper}: ${pages} pages, at most 4 wanted`);
  }
  return true;
}
