// The group view and progress over time: a coach's round trip with three respondents who
// disagree, pasted links and dropped files, "compare with mine", and two results compared.
import { readFile } from "node:fs/promises";
import { test, expect, expectAccessible } from "./fixtures.js";
import { acceptInvitation, answer, expectSaved, makeCoachLink, respondentLinks, sixRespondentLinks, startAssessment, reportMenu } from "./journey.js";
import { brokenWordsInTableCells, tableScrollProblems } from "./page-checks.mjs";

/** The share link a region's "send results to your coach" email carries. */
async function returnedLink(page) {
  const id = new URL(page.url()).searchParams.get("id");
  await page.goto(`./?screen=report&id=${id}`);
  const href = await page.getByRole("link", { name: "Send results to your coach" }).getAttribute("href");
  return decodeURIComponent(href.split("&body=")[1]).match(/https?:\/\/\S+#s=[A-Za-z0-9_-]+/)[0];
}

/** A region answering the coach's link in its own browser; returns the link it sends back. */
async function respond(browser, link, role, answers) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await acceptInvitation(page, link, role);
  for (const [id, label] of answers) await answer(page, id, label);
  await expectSaved(page);
  const url = await returnedLink(page);
  await context.close();
  return url;
}

test("a coach gathers three respondents who disagree and sees the disagreements first", async ({ page, browser }) => {
  const link = await makeCoachLink(page);
  const links = [
    await respond(browser, link, "Convener", [["s1.convener", "Done"], ["s1.roles", "Done"], ["s1.same-page", "Mostly"]]),
    await respond(browser, link, "College partner", [["s1.convener", "Not yet"], ["s1.roles", "Mostly"], ["s1.same-page", "Mostly"]]),
    await respond(browser, link, "Employer champion", [["s1.convener", "Started"], ["s1.roles", "Done"], ["s1.same-page", "Done"]]),
  ];

  await page.goto("./?screen=compare");
  await page.getByLabel("Share links, one a line").fill(links.join("\n"));
  await page.getByRole("button", { name: "Add links" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("Added Convener, College partner, Employer champion.");

  const who = page.getByRole("table", { name: /Where you are and leading phase/ });
  await expect(who.getByRole("row")).toHaveCount(4);
  await expect(who).toContainText("An agreed lead convener");

  const questions = page.locator(".question-lines");
  const first = questions.locator(".question-line").first();
  await expect(first).toContainText("Disagree");
  await expect(first).toContainText("three apart: Not yet to Done");
  await expect(first.getByRole("img")).toHaveAccessibleName("Answers: Not yet 1, Started 1, Done 1");
  await first.locator("summary").click();
  await expect(first.getByRole("listitem")).toHaveText(["Convener: Done", "College partner: Not yet", "Employer champion: Started"]);
  await expect(page.locator(".disagreement-count")).toContainText("1 question(s)");
  const heatMap = page.getByRole("img", { name: /^Readiness of each launch step, per respondent/ });
  await expect(heatMap).toHaveAccessibleName(/Step 1, [^:]+: Convener [0-9–%]+[^;]*; College partner [0-9–%]+, blocked;/);
  await expectAccessible(page);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(brokenWordsInTableCells), `words broken at ${width} px`).toEqual([]);
    expect(await page.evaluate(tableScrollProblems), `page at ${width} px`).toEqual([]);
  }

  await page.getByLabel("Show only the questions where people disagree").check();
  await expect(questions.locator(".question-line:visible")).toHaveCount(1);

  const csv = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const text = await readFile(await (await csv).path(), "utf8");
  expect(text.split("\r\n")[0]).toContain("Convener,College partner,Employer champion");

  // Relabel, hide and remove: the view follows.
  await page.getByLabel(/^Label of respondent/).nth(1).fill("Dean of workforce");
  await page.getByLabel(/^Label of respondent/).nth(1).press("Enter");
  await page.getByLabel(/^Label of respondent/).nth(1).blur();
  await expect(heatMap).toHaveAccessibleName(/; Dean of workforce /);
  await page.getByRole("button", { name: "Hide Convener" }).click();
  await expect(heatMap).not.toHaveAccessibleName(/: Convener /);
  await expect(page.locator(".disagreement-count")).toContainText("0 question(s)");
  await page.getByRole("button", { name: "Remove Employer champion" }).click();
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(2);
  await page.getByLabel("Show only the questions where people disagree").uncheck();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Add links" })).toBeHidden();
  await expect(heatMap).toBeVisible();
  await expect(questions).toBeVisible();
});

test("links and files are added several at once; bad ones are named and the rest still load", async ({ page }) => {
  await startAssessment(page, { role: "Convener" });
  await answer(page, "s1.convener", "Done");
  await expectSaved(page);
  const id = new URL(page.url()).searchParams.get("id");
  await page.goto(`./?screen=report&id=${id}`);
  const json = page.waitForEvent("download");
  await (await reportMenu(page, "Save as file")).getByRole("button", { name: "Download JSON" }).click();
  const file = await (await json).path();
  const content = await readFile(file, "utf8");

  await page.goto("./?screen=compare");
  await page.getByLabel("Share links, one a line").fill("not a link\nhttps://example.org/#s=AAAA");
  await page.getByRole("button", { name: "Add links" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "could not be added" });
  await expect(alert).toContainText("Line 1: this is not a share link");
  await expect(alert).toContainText("Line 2:");
  await expect(page.getByLabel("Share links, one a line")).toHaveValue(/not a link/);

  // A respondent who answered an older bank with a question this bank no longer has.
  const older = JSON.parse(content);
  older.assessment.meta.bank_version = "2025.1";
  older.assessment.answers["s1.retired-question"] = "done";
  await page.locator("#compare-files").setInputFiles([
    { name: "older.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(older)) },
  ]);
  await expect(page.getByRole("heading", { name: "Not matched" })).toBeVisible();
  await expect(page.locator(".group-results")).toContainText("s1.retired-question");
  await expect(page.getByRole("table", { name: /Where you are and leading phase/ })).toContainText("answered question bank 2025.1");
  await page.getByRole("button", { name: "Remove Convener" }).click();

  await page.locator("#compare-files").setInputFiles([
    { name: "first.json", mimeType: "application/json", buffer: Buffer.from(content) },
    { name: "second.json", mimeType: "application/json", buffer: Buffer.from(content) },
    { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") },
  ]);
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("Added Convener, Convener (2).");
  await expect(alert).toContainText("\"broken.json\" could not be opened");
  await expect(page.getByText("From first.json")).toBeVisible();

  // Once results are in, the form folds away until it is opened again.
  await expect(page.getByLabel("Share links, one a line")).toBeHidden();
  await page.getByText("Share links, files, or assessments on this device").click();
  await page.getByRole("group", { name: "Assessments on this device" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Add the chosen assessments" }).click();
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(3);
  await expectAccessible(page);
});

test("a shared report can be compared with mine", async ({ page, browser }) => {
  await startAssessment(page, { role: "Convener" });
  await answer(page, "s1.convener", "Done");
  await expectSaved(page);
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await startAssessment(theirs, { role: "Board chair" });
  await answer(theirs, "s1.convener", "Not yet");
  await expectSaved(theirs);
  await theirs.goto(`./?screen=report&id=${new URL(theirs.url()).searchParams.get("id")}`);
  await other.grantPermissions(["clipboard-read", "clipboard-write"]);
  await (await reportMenu(theirs, "Share")).getByRole("button", { name: "Copy share link" }).click();
  const url = await theirs.evaluate(() => navigator.clipboard.readText());
  await other.close();

  await page.goto(url);
  await page.getByRole("button", { name: "Compare with mine" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare");
  const heatMap = page.getByRole("img", { name: /^Readiness of each launch step, per respondent/ });
  await expect(heatMap).toHaveAccessibleName(/: Board chair .*; Convener /);
  await expect(page.locator(".question-line").first()).toContainText("Disagree");
});

test("progress over time: a snapshot, later answers, and what moved", async ({ page }) => {
  await startAssessment(page, { role: "Convener", name: "Spring check" });
  await answer(page, "s1.convener", "Not yet");
  await answer(page, "s1.roles", "Started");
  await expectSaved(page);
  const id = new URL(page.url()).searchParams.get("id");
  await page.goto(`./?screen=report&id=${id}`);
  await page.getByRole("button", { name: "Save a snapshot" }).click();
  await expect(page.getByText("Snapshot saved on this device.")).toBeVisible();

  await page.goto(`./?screen=assessment&id=${id}`);
  await answer(page, "s1.convener", "Done");
  await answer(page, "s1.roles", "Not yet");
  await expectSaved(page);

  await page.goto("./?screen=compare");
  await expect(page.getByLabel("Earlier result").locator("option")).toHaveCount(3);
  const options = await page.getByLabel("Earlier result").locator("option").allInnerTexts();
  const snapshot = options.find((text) => text.includes("· snapshot"));
  const now = options.find((text) => text.startsWith("Spring check ("));
  await page.getByLabel("Earlier result").selectOption({ label: snapshot });
  await page.getByLabel("Later result").selectOption({ label: now });
  const progress = page.getByRole("region", { name: "Progress over time" });
  await expect(progress.getByRole("heading", { name: "Gates cleared" })).toBeVisible();
  await expect(progress.getByRole("heading", { name: "Moved up" })).toBeVisible();
  await expect(progress.getByRole("heading", { name: "Moved down" })).toBeVisible();
  await expect(progress).toContainText("Not yet → Done");
  await expectAccessible(page);
});

test("a large group stays readable: narrow heat-map columns that scroll in their own region, one bar per question", async ({ page }) => {
  await page.goto("./?screen=compare");
  const golden = await readFile("crates/core/golden/share-links-v1.txt", "utf8");
  const link = (name) => golden.split("\n").find((line) => line.startsWith(`${name} `)).split(" ")[1];
  const full = link("full-without-notes");
  const empty = link("empty");
  const links = [...Array(12).fill(`http://127.0.0.1/#${full}`), `#${empty}`].join("\n");
  await page.getByLabel("Share links, one a line").fill(links);
  await page.getByRole("button", { name: "Add links" }).click();
  const bar = page.locator(".question-line").first().getByRole("img");
  await expect(bar).toHaveAccessibleName(/ 12(, No answer 1)?$/);
  await expect(page.getByRole("img", { name: /^Readiness of each launch step/ })).toHaveAccessibleName(/Respondent 13 –/);
  expect(await page.evaluate(tableScrollProblems), "the page never scrolls sideways").toEqual([]);
  await expectAccessible(page);
});

test("six respondents on the whole bank: a heat map and a bar per question, at most 8,000 px tall at 1280 px, no sideways scroll", async ({ page }, testInfo) => {
  // The example is built by scripts/test.sh; run alone, cargo may build it first.
  test.setTimeout(120_000);
  const links = sixRespondentLinks();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("./?screen=compare");
  await page.getByLabel("Share links, one a line").fill(links);
  await page.getByRole("button", { name: "Add links" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("Respondent 6");
  const heatMap = page.getByRole("img", { name: /^Readiness of each launch step, per respondent/ });
  await expect(heatMap).toBeVisible();
  const bars = page.locator(".question-line svg.distribution");
  expect(await bars.count()).toBeGreaterThan(90);
  for (const name of await bars.evaluateAll((all) => all.map((svg) => svg.getAttribute("aria-label")))) {
    expect(name).toMatch(/^Answers: .+ \d/);
  }
  const shot = testInfo.outputPath("group-view-1280.png");
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`group view with six respondents at 1280 px: ${height} px tall`);
  expect(height).toBeLessThanOrEqual(8000);
  expect(await page.evaluate(tableScrollProblems), "at 1280 px").toEqual([]);
  // On paper, at most one page per launch step (six), charts included.
  for (const format of ["A4", "Letter"]) {
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.log(`group view with six respondents: ${pages} pages on ${format}`);
    expect(pages).toBeGreaterThan(0);
    expect(pages, format).toBeLessThanOrEqual(6);
  }
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(tableScrollProblems), "at 320 px").toEqual([]);
  await expectAccessible(page);
});

// Past a handful of respondents the lists of people scroll in their own boxes, so the page stays
// about as long for 200 people as for six, and the news names a few and counts the rest.
for (const [count, most] of [[50, 10_000], [200, 12_000]]) {
  test(`${count} respondents: at most ${most.toLocaleString("en")} px tall at 1280 px, no sideways scroll, the lists in their own boxes`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const links = respondentLinks(count);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("./?screen=compare");
    await page.getByLabel("Share links, one a line").fill(links);
    await page.getByRole("button", { name: "Add links" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText(`Added ${count} respondents: Respondent 1,`);
    await expect(page.locator(".question-line svg.distribution").first()).toBeVisible();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`group view with ${count} respondents at 1280 px: ${height} px tall`);
    expect(height).toBeLessThanOrEqual(most);
    await page.screenshot({ path: testInfo.outputPath(`group-view-${count}-1280.png`) });
    // Every respondent is still there, in a box a keyboard can scroll.
    const members = page.getByRole("region", { name: "Respondents, scrollable" }).first();
    await expect(members.getByRole("textbox")).toHaveCount(count);
    // The launch steps summarised: a bar per step counting everyone; the heat map waits behind
    // its disclosure and, once opened, labels every column whole.
    const bars = page.getByRole("img", { name: /^Respondents by readiness: / });
    await expect(bars).toHaveCount(6);
    const firstBar = await bars.first().getAttribute("aria-label");
    const counted = [...firstBar.matchAll(/ (\d+)(?:,|$)/g)].reduce((sum, [, n]) => sum + Number(n), 0);
    expect(counted, firstBar).toBe(count);
    await expect(page.locator(".heat-map")).toHaveCount(0);
    await page.getByText("Each respondent's readiness, step by step (heat map)").click();
    const heads = page.locator(".heat-map .heat-head");
    await expect(heads).toHaveCount(count);
    // The drawn label, beside its <title>, is whole: no ellipsis.
    const drawn = await heads.evaluateAll((all) => all.map((head) => [...head.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("")));
    expect(drawn.at(-1)).toBe(`Respondent ${count}`);
    expect(drawn.filter((label) => label.includes("…"))).toEqual([]);
    expect(await page.evaluate(tableScrollProblems), "at 1280 px").toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(tableScrollProblems), "at 320 px").toEqual([]);
    await expectAccessible(page);
  });
}
