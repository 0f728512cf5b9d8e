// The report: on screen, in print, as a share link and as files.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { test, expect, expectAccessible } from "./fixtures.js";
import { answer, expectSaved, openSection, question, startAssessment, reportMenu } from "./journey.js";
import { brokenWordsInTableCells, tableScrollProblems } from "./page-checks.mjs";

const GOLDEN_EXPORT = new URL("../crates/core/golden/export-v1.json", import.meta.url).pathname;

async function answeredAssessment(page) {
  await startAssessment(page, { name: "Spring check" });
  await answer(page, "s1.convener", "Not yet");
  await answer(page, "s1.roles", "Done");
  await answer(page, "s1.shared-table", "Don't know");
  await openSection(page, "Who is at the table");
  await page.locator("#q-table-companies").getByRole("textbox", { name: /number/ }).fill("5");
  await expectSaved(page);
  const id = new URL(page.url()).searchParams.get("id");
  await page.goto(`./?screen=report&id=${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Readiness report: Spring check");
}

test("the report leads with where you are and what blocks, and passes axe", async ({ page }) => {
  await answeredAssessment(page);
  await expect(page.locator(".where-you-are")).toContainText("You are at step 1");
  await expect(page.locator(".where-you-are")).toContainText("An agreed lead convener or co-conveners");
  await expect(page.getByRole("img", { name: /Readiness of each launch step/ })).toBeVisible();
  // The first page holds who and what, where you are, both charts, the next steps and the TA
  // request.
  const first = page.locator(".first-page");
  await expect(first.locator(".assessed")).toContainText("North Valley");
  await expect(first.getByRole("img", { name: /How much each phase's statements ring true/ })).toBeVisible();
  // The lead convener blocks step 1, and five companies are below the twelve a launch needs:
  // the blocking gate, then the table concern, named beside where you are.
  await expect(first.locator(".next-steps li")).toHaveCount(2);
  await expect(first.locator(".also-in-the-way")).toContainText("at the table: Companies at the launch (below the expected range)");
  await expect(first.locator(".next-steps li").nth(1)).toContainText("At the table");
  await expect(first.getByRole("heading", { name: "Request for technical assistance" })).toBeVisible();
  await expect(page.locator(".next-steps").getByText("Blocking gate")).toBeVisible();
  await expect(page.locator(".gates")).toContainText("An agreed lead convener or co-conveners");
  await expect(page.getByText("1 answer we don't know yet.")).toBeVisible();
  await expect(page.locator(".report-footer")).toContainText("Answers stay on this device unless you share them.");
  await expect(page.locator(".report-footer")).toContainText("How To Launch A Sector Partnership, TA Module 3, CWDC");
  await expectAccessible(page);
});

test("the print view hides navigation and buttons", async ({ page }) => {
  await answeredAssessment(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.locator(".where-you-are")).toBeVisible();
});

test("a share link opened in a fresh browser shows the same report, read-only, and can be saved", async ({ page, browser, context }) => {
  await answeredAssessment(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await (await reportMenu(page, "Share")).getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText("Share link copied.")).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(url).hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
  const mine = await page.locator(".report").innerText();
  await (await reportMenu(page, "Share")).getByRole("button", { name: "QR code" }).click();
  await expect(page.getByRole("img", { name: "QR code of the share link" })).toBeVisible();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByText("You are viewing a shared report, read-only.")).toBeVisible();
  expect(await other.locator(".report").innerText()).toBe(mine);
  expect(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("readiness-check:assessment:")))).toEqual([]);
  await other.getByRole("button", { name: "Save a copy on this device" }).click();
  await expect(other).toHaveURL(/screen=report&id=/);
  expect(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("readiness-check:assessment:")))).toHaveLength(1);
  await fresh.close();
});

test("a tampered share link says what is wrong and changes nothing", async ({ page }) => {
  await page.goto("./#s=AAAAnotarealpayload");
  await expect(page.getByRole("alert")).toContainText("This share link could not be opened");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report");
});

test("JSON and CSV downloads carry the answers", async ({ page }) => {
  await answeredAssessment(page);
  const json = page.waitForEvent("download");
  await (await reportMenu(page, "Save as file")).getByRole("button", { name: "Download JSON" }).click();
  const file = await json;
  expect(file.suggestedFilename()).toBe("readiness-report-spring-check.json");
  const exported = JSON.parse(Buffer.concat(await (await file.createReadStream()).toArray()).toString());
  expect(exported.format).toBe("readiness-check/export");
  expect(exported.assessment.answers["s1.roles"]).toBe("done");
  const csv = page.waitForEvent("download");
  await (await reportMenu(page, "Save as file")).getByRole("button", { name: "Download CSV" }).click();
  const text = Buffer.concat(await (await (await csv).createReadStream()).toArray()).toString();
  expect(text.split("\r\n")[0]).toBe("section,question_id,question,answer,note,gate,source");
  expect(text).toContain("s1.roles");
});

test("export then import in a fresh browser gives the same report", async ({ page, browser }) => {
  await answeredAssessment(page);
  const mine = await page.locator(".report").innerText();
  const json = page.waitForEvent("download");
  await (await reportMenu(page, "Save as file")).getByRole("button", { name: "Download JSON" }).click();
  const path = await (await json).path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("./?screen=assessment");
  await other.locator("#import-input").setInputFiles(path);
  await expect(other.getByRole("heading", { level: 1 })).toContainText("Readiness report: Spring check");
  expect(await other.locator(".report").innerText()).toBe(mine);
  await fresh.close();
});

test("a bad file or a huge one gets its own message and changes nothing", async ({ page }) => {
  await page.goto("./?screen=assessment");
  const input = page.locator("#import-input");
  await input.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"format": "readiness-check/export", "version": ') });
  await expect(page.getByRole("alert")).toContainText('"broken.json" could not be opened');
  await input.setInputFiles({ name: "newer.json", mimeType: "application/json", buffer: Buffer.from('{"format": "readiness-check/export", "version": 9}') });
  await expect(page.getByRole("alert")).toContainText("newer");
  await input.setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(1_200_000, 32) });
  await expect(page.getByRole("alert")).toContainText("at most 1 MB");
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("readiness-check:assessment:")))).toEqual([]);
  await expectAccessible(page);
});

/** Opens the golden export of a fully answered assessment as a new assessment; shows its report. */
async function fullyAnswered(page) {
  await page.goto("./?screen=assessment");
  await page.locator("#import-input").setInputFiles(GOLDEN_EXPORT);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Readiness report");
}

// The printable width of A4 at the report's 1.5 cm margins (Letter is wider), in CSS pixels.
const A4_PRINT_WIDTH = Math.floor(((210 - 2 * 15) / 25.4) * 96);

test("no word is broken in a table cell, on screen at 1280 and 320 px and in print", async ({ page }) => {
  await fullyAnswered(page);
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(brokenWordsInTableCells), `words broken at ${width} px`).toEqual([]);
    expect(await page.evaluate(tableScrollProblems), `page at ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: A4_PRINT_WIDTH, height: 1100 });
  await page.emulateMedia({ media: "print" });
  expect(await page.evaluate(brokenWordsInTableCells), "words broken in print").toEqual([]);
  // On paper nothing scrolls: every table fits the page.
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll(".table-scroll")].filter((region) => region.scrollWidth > region.clientWidth + 1).length,
  );
  expect(clipped, "tables cut off in print").toBe(0);
});

test("a shared report prints without its 'you are viewing a shared report' banner", async ({ page, browser }) => {
  await answeredAssessment(page);
  const href = await (await reportMenu(page, "Share")).getByRole("link", { name: "Email the summary" }).getAttribute("href");
  const link = decodeURIComponent(href.split("&body=")[1]).match(/https?:\/\/\S+#s=[A-Za-z0-9_-]+/)[0];
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const banner = other.getByText("You are viewing a shared report, read-only.");
  await expect(banner).toBeVisible();
  await other.emulateMedia({ media: "print" });
  await expect(banner).toBeHidden();
  await expect(other.locator(".where-you-are")).toBeVisible();
  await fresh.close();
});

test("the JSON Schema of the export format is served with the app", async ({ page }) => {
  const response = await page.request.get("./schema/export-v1.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const schema = await response.json();
  expect(schema.$id).toMatch(/\/schema\/export-v1\.json$/);
  expect(schema.properties.format.const).toBe("readiness-check/export");
});

test("the report offers four choices, and its menus work by keyboard alone", async ({ page }) => {
  await answeredAssessment(page);
  const actions = page.getByRole("group", { name: "Use this report" });
  const visible = await actions.locator("button:visible, summary:visible, a:visible").allInnerTexts();
  expect(visible.map((text) => text.replace(/[▾▴]/g, "").trim())).toEqual([
    "Print or save as PDF",
    "Share",
    "Save as file",
    "Save a snapshot",
  ]);
  await expect(actions.getByRole("button", { name: "Download JSON" })).toBeHidden();

  // Keyboard only: focus "Save as file", open it, reach "Download JSON", press it.
  await actions.locator("summary", { hasText: "Save as file" }).focus();
  await page.keyboard.press("Enter");
  await expect(actions.getByRole("button", { name: "Download JSON" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(actions.getByRole("button", { name: "Download JSON" })).toBeFocused();
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  expect((await download).suggestedFilename()).toBe("readiness-report-spring-check.json");
  await expectAccessible(page);

  await actions.locator("summary", { hasText: "Share" }).focus();
  await page.keyboard.press("Space");
  await expect(actions.getByRole("button", { name: "Copy share link" })).toBeVisible();
  await expect(actions.getByRole("link", { name: "Email the summary" })).toBeVisible();
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  await expect(actions).toBeHidden();
});

// Made with banks 2026.1 and 2026.2 and opened by the current bank, each also lists the answers
// kept for questions no longer asked: the longest reports a partnership is likely to print.
for (const file of ["share-links-v1.txt", "share-links-2026.2.txt"]) {
  test(`a full assessment with notes on 20 questions (${file}) prints to at most four pages on A4 and on Letter`, async ({ page }, testInfo) => {
    const golden = readFileSync(new URL(`../crates/core/golden/${file}`, import.meta.url), "utf8");
    const link = golden.split("\n").find((line) => line.startsWith("full-with-notes ")).split(" ")[1];
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`./#${link}`);
    await expect(page.locator(".report .notes, .report").first()).toContainText("Discussed at the planning meeting 19");
    const shot = testInfo.outputPath("report-first-page-1280.png");
    await page.locator(".first-page").screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);
    for (const format of ["A4", "Letter"]) {
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      await writeFile(testInfo.outputPath(`report-${format}.pdf`), pdf);
      console.log(`full assessment with notes on 20 questions, ${file}: ${pages} pages on ${format}`);
      expect(pages, format).toBeGreaterThan(0);
      expect(pages, format).toBeLessThanOrEqual(4);
    }
    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate(brokenWordsInTableCells), "words broken in print").toEqual([]);
  });
}

// Answered through the screens as a mature partnership in a storm: every launch step Done, the
// Storming statement agreed with, understaffing, tension and "we just need more funding"
// happening, meetings starting to try the employers' patience.
// The steps alone would read as sustaining; the first page must say what stands in the way.
test("a mature partnership in a storm: the first page reads the whole partnership", async ({ page }) => {
  const bank = JSON.parse(readFileSync(new URL("../crates/domain/bank/bank.json", import.meta.url), "utf8"));
  const id = await startAssessment(page, { name: "Riverbend" });
  const agreement = { forming: "Disagree", norming: "Somewhat disagree", storming: "Agree", performing: "Somewhat agree" };
  const happening = { "pit.understaffing": "Yes", "pit.tension": "Yes", "pit.more-funding": "Yes", "pit.wasted-time": "A little" };
  for (const section of bank.sections) {
    if (section.kind === "table") continue;
    await page.goto(`./?screen=assessment&id=${id}&section=${section.id}`);
    for (const q of section.questions) {
      await expect(question(page, q.id)).toBeVisible();
      const label =
        q.kind === "yes_no" ? "Yes" : section.kind === "launch_step" ? "Done" : section.kind === "phases" ? agreement[q.phase] : (happening[q.id] ?? "No");
      await answer(page, q.id, label);
    }
    await expectSaved(page);
  }
  await page.goto(`./?screen=report&id=${id}`);
  const lead = page.locator(".where-you-are");
  await expect(lead).toContainText("Every launch step is Strong with its gates met, but the partnership is not sustaining its work yet");
  await expect(lead).not.toContainText("nothing is blocking");
  const also = page.locator(".first-page .also-in-the-way");
  await expect(also).toContainText("Storming (reality hits) leads the phase profile");
  await expect(also).toContainText("Understaffing");
  await expect(also).toContainText('"We just need more funding"');
  const steps = page.locator(".first-page .next-steps li");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("Partnership phase");
  await expect(steps.nth(1)).toContainText("Understaffing");
  await expect(steps.nth(2)).toContainText("Tension over money, roles or missions");
  await expectAccessible(page);
});
