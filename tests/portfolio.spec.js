// The Portfolio screen: a TA provider pastes the share links of 30 partnerships (with two
// damaged lines), reads the counts and the heat map, filters, opens one report, takes the CSV
// and the portfolio file out and the file back in on a fresh device, and finds everything kept
// after a reload.
import { readFile, writeFile } from "node:fs/promises";
import { test, expect, expectAccessible, openApp } from "./fixtures.js";
import { partnershipLinks } from "./made-links.mjs";
import { brokenWordsInTableCells, tableScrollProblems } from "./page-checks.mjs";


test("thirty partnerships pasted in one block are counted, mapped, filtered, opened, taken out and back in", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const links = partnershipLinks(30).trim().split("\n");
  const damaged = links[0].slice(0, -12);
  const block = ["Dear team, the regions' results:", ...links, damaged, "https://example.org/#s=%%%", "Thanks!"].join("\n");

  await openApp(page, "./?screen=portfolio");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portfolio");
  await page.getByLabel("Share links, or a whole email that holds them").fill(block);
  await page.getByRole("button", { name: "Add to portfolio" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("Added 30 results: 30 new partnerships.");
  const problems = page.getByRole("alert");
  await expect(problems.getByRole("listitem")).toHaveCount(2);
  await expect(problems.getByRole("listitem").first()).toContainText("Line 32: ");
  await expect(problems.getByRole("listitem").nth(1)).toContainText("Line 33: ");

  await expect(page.locator(".portfolio-counts").first()).toContainText("30 partnerships (30 results)");
  const heat = page.locator("table.portfolio-heat");
  await expect(heat.locator("tbody tr")).toHaveCount(30);
  await expect(heat.locator("tbody td").first()).toHaveText(/%|blocked|confirm\?|not enough answers/);
  const rows = page.locator("table.portfolio-rows tbody tr");
  await expect(rows).toHaveCount(30);
  await expectAccessible(page);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(brokenWordsInTableCells), `words broken at ${width} px`).toEqual([]);
    expect(await page.evaluate(tableScrollProblems), `page at ${width} px`).toEqual([]);
  }

  // Only the blocked ones, then every one again.
  await page.getByLabel("Blocked only").check();
  const blocked = await rows.count();
  expect(blocked).toBeLessThan(30);
  await expect(page.getByText(`Showing ${blocked} of 30 partnerships`)).toBeVisible();
  await page.getByLabel("Blocked only").uncheck();
  await expect(rows).toHaveCount(30);
  await page.getByLabel("Sort by").selectOption("region");
  await expect(rows.first().locator("th")).toHaveText(/^Region 1 · /);

  // The CSV and the portfolio file.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const csv = await readFile(await (await csvDownload).path(), "utf8");
  expect(csv.trim().split("\r\n")).toHaveLength(31);
  expect(csv).toMatch(/^partnership,region,sector,step,/);
  const fileDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the portfolio file" }).click();
  const filePath = await (await fileDownload).path();
  expect(JSON.parse(await readFile(filePath, "utf8")).partnerships).toHaveLength(30);

  // A reload keeps everything, in the same order: the device gives its entries back in an
  // order of its own, and rows at the same step are ordered by name.
  await page.getByLabel("Sort by").selectOption("step");
  const named = await rows.locator("th").allTextContents();
  await page.reload();
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await expect(page.locator("table.portfolio-rows tbody tr")).toHaveCount(30);
  await page.getByLabel("Sort by").selectOption("step");
  expect(await rows.locator("th").allTextContents()).toEqual(named);

  // The portfolio file, opened on another device, brings every partnership.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await openApp(fresh, "./?screen=portfolio");
  await expect(fresh.getByText("No partnerships yet")).toBeVisible();
  await fresh.locator("#portfolio-files").setInputFiles(filePath);
  await expect(fresh.locator("table.portfolio-rows tbody tr")).toHaveCount(30);
  await expect(fresh.getByRole("status").filter({ hasText: "Added" })).toContainText("30 new partnerships");
  await other.close();

  // One report opens from its row.
  await page.getByRole("link", { name: /^Open the report of Region 1 · / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/report/i);
  await expect(page.locator("main")).toContainText("Region 1");
});

test("a partnership with history shows its progress, and the person renames, splits and merges rows", async ({ page }) => {
  test.setTimeout(60_000);
  const links = partnershipLinks(3, 2);
  await openApp(page, "./?screen=portfolio");
  await page.getByLabel("Share links, or a whole email that holds them").fill(links);
  await page.getByRole("button", { name: "Add to portfolio" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("Added 6 results: 3 new partnerships, 3 joined a partnership already here.");
  const rows = page.locator("table.portfolio-rows tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("2 results");

  const manage = page.locator(".portfolio-manage");
  const choice = manage.getByLabel("Partnership", { exact: true });
  await choice.selectOption({ label: "Region 1 · Health care" });
  await expect(manage.getByRole("heading", { name: "Progress from 2026-07-23 to 2026-11-23" })).toBeVisible();
  await expectAccessible(page);

  // A wrong match split off, then merged back.
  await manage.getByRole("button", { name: "Split off the result of 2026-07-23" }).click();
  await expect(rows).toHaveCount(4);
  await choice.selectOption({ label: "Region 1 · Health care" });
  await manage.getByLabel("The same partnership as").selectOption({ label: "Region 2 · Advanced manufacturing" });
  await manage.getByRole("button", { name: "Merge them" }).click();
  await expect(rows).toHaveCount(3);

  // A name of the person's own, kept after a reload.
  await choice.selectOption({ label: "Region 3 · Construction" });
  await manage.getByLabel("Name").fill("Coastal builders");
  await manage.getByRole("button", { name: "Rename" }).click();
  await expect(page.locator("table.portfolio-rows tbody th").filter({ hasText: "Coastal builders" })).toHaveCount(1);
  await page.reload();
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await expect(page.locator("table.portfolio-rows tbody tr")).toHaveCount(3);
  await expect(page.locator("table.portfolio-rows tbody th").filter({ hasText: "Coastal builders" })).toHaveCount(1);
});

test("a shared report opened from a link is added to the portfolio from the report", async ({ page }) => {
  const link = partnershipLinks(1).trim();
  await openApp(page, `./${link.slice(link.indexOf("#"))}`);
  await expect(page.getByText("You are viewing a shared report, read-only.")).toBeVisible();
  await page.getByRole("button", { name: "Add to my portfolio" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portfolio");
  await page.getByRole("button", { name: /^Add the shared report you opened/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("Added 1 result: 1 new partnership.");
  await expect(page.locator("table.portfolio-rows tbody tr")).toHaveCount(1);
  await expectAccessible(page);
});

/** How many pages a PDF Chromium printed has: its page objects, not the page tree's nodes. */
function pdfPages(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

/**
 * What on show in `main` is printed in type under 8 pt (10.6 CSS px), as `size: text`; text
 * kept for screen readers only is not on paper and does not count.
 */
function smallPrint() {
  const small = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.data.trim() || element.getClientRects().length === 0) continue;
    if (element.closest(".visually-hidden")) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < 10.6) small.push(`${size}px: ${node.data.trim().slice(0, 40)}`);
  }
  return small.slice(0, 10);
}

/** Why the printed page would be cut off or shrunk: anything wider than the paper's width. */
function widerThanPaper() {
  const page = document.documentElement;
  if (page.scrollWidth <= page.clientWidth + 1) return [];
  const wide = [...document.querySelectorAll("main *")]
    .filter((element) => element.getBoundingClientRect().right > page.clientWidth + 1)
    .slice(0, 5)
    .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`);
  return [`${page.scrollWidth} px of content on ${page.clientWidth} px of paper: ${wide.join(", ")}`];
}

test("thirty partnerships print on at most two pages of A4 and of Letter, every row whole and readable", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openApp(page, "./?screen=portfolio");
  await page.getByLabel("Share links, or a whole email that holds them").fill(partnershipLinks(30));
  await page.getByRole("button", { name: "Add to portfolio" }).click();
  const rows = page.locator("table.portfolio-rows tbody tr");
  await expect(rows).toHaveCount(30);

  await page.emulateMedia({ media: "print" });
  const pages = {};
  for (const format of ["A4", "Letter"]) {
    // Each paper from a page drawn afresh (the portfolio is kept): printed a second time, on
    // shorter paper, the same page came out of Chromium with its first page blank for some
    // layouts tried.
    await page.reload();
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    await expect(rows).toHaveCount(30);
    const pdf = await page.pdf({ format, printBackground: true });
    const file = testInfo.outputPath(`portfolio-${format}.pdf`);
    await writeFile(file, pdf);
    pages[format] = pdfPages(pdf);
    console.log(`thirty partnerships: ${pages[format]} pages on ${format} (${file})`);
  }
  for (const format of ["A4", "Letter"]) {
    expect(pages[format], format).toBeGreaterThan(0);
    expect(pages[format], `pages on ${format}`).toBeLessThanOrEqual(2);
  }

  const names = await rows.locator("th").allInnerTexts();
  expect(new Set(names).size).toBe(30);

  // On paper as wide as A4's and Letter's, less the portfolio page's margins of 1 cm: the
  // title, the date, the counts and every partnership, whole, in type of at least 8 pt, no word
  // broken, nothing wider than the paper (which Chromium would shrink to fit).
  for (const width of [718, 740]) {
    await page.setViewportSize({ width, height: 1000 });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/^Printed on \d{4}-\d{2}-\d{2}$/)).toBeVisible();
    await expect(page.locator(".portfolio-counts").first()).toContainText("30 partnerships");
    await expect(page.locator(".portfolio-counts").nth(1)).toContainText("ask for help with");
    // No forms or buttons; the heat map and who asks for what stay on screen.
    await expect(page.locator("main :is(button, input, select, textarea):visible")).toHaveCount(0);
    await expect(page.locator("table.portfolio-heat")).toBeHidden();
    await expect(page.locator(".portfolio-asks")).toBeHidden();
    for (const [at, name] of names.entries()) {
      const row = rows.nth(at);
      await expect(row).toBeVisible();
      await expect(row.locator("th")).toHaveText(name);
      // Its name, where it stands, leading phase, findings, help and latest result with its bank.
      const shown = await row.evaluate((tr) => [...tr.children]
        .filter((cell) => !cell.classList.contains("row-actions"))
        .map((cell) => getComputedStyle(cell).display !== "none" && cell.getClientRects().length > 0));
      expect(shown, name).toEqual([true, true, true, true, true, true]);
      await expect(row).toContainText(/\d{4}-\d{2}-\d{2} bank \d/);
      expect(await row.evaluate((tr) => getComputedStyle(tr).breakInside), name).toBe("avoid");
    }
    expect(await page.evaluate(widerThanPaper), `${width} px of paper`).toEqual([]);
    expect(await page.evaluate(brokenWordsInTableCells), `words broken on ${width} px of paper`).toEqual([]);
    expect(await page.evaluate(smallPrint), `type under 8 pt on ${width} px of paper`).toEqual([]);
  }

  // Filtered, the paper says how many of the partnerships it shows.
  await page.emulateMedia({ media: "screen" });
  await page.getByLabel("Blocked only").check();
  const blocked = await rows.count();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText(`Showing ${blocked} of 30 partnerships`)).toBeVisible();
});

/**
 * Where focus is: the focused element's id, tag and name (its label, aria-label or text), and
 * whether it shows a focus outline a person can see (a style of its own, at least 2 px wide,
 * not transparent).
 */
function focusNow(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const labelled = element.id && document.querySelector(`label[for="${element.id}"]`);
    const name = (element.getAttribute("aria-label") ?? labelled?.textContent ?? element.textContent ?? "").trim().replace(/\s+/g, " ");
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && !/rgba\(.*,\s*0\)$|transparent/.test(style.outlineColor);
    return { id: element.id, tag: element.tagName.toLowerCase(), name: name.slice(0, 120), outlined };
  });
}

/** Presses Tab (or Shift+Tab) until focus is on what `wanted` accepts; checks every stop on the way shows its focus. */
async function tabTo(page, wanted, { back = false, most = 80 } = {}) {
  let before = await focusNow(page);
  for (let pressed = 1; pressed <= most; pressed += 1) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await focusNow(page);
    expect.soft(now.outlined, `focus is visible on ${JSON.stringify(now)}, reached from ${JSON.stringify(before)}`).toBe(true);
    if (wanted(now)) return now;
    before = now;
  }
  throw new Error(`${most} presses of ${back ? "Shift+Tab" : "Tab"} never reached the element wanted; focus is on ${JSON.stringify(await focusNow(page))}`);
}

/** Checks focus comes to what `wanted` accepts (within 5 s), with a visible outline. */
async function expectFocus(page, what, wanted) {
  await expect.poll(async () => wanted(await focusNow(page)), { message: `focus on ${what}`, timeout: 5_000 }).toBe(true);
  const now = await focusNow(page);
  expect(now.outlined, `focus is visible on ${what}: ${JSON.stringify(now)}`).toBe(true);
  return now;
}

/**
 * Presses ArrowDown or ArrowUp on the focused select until its chosen option's words are
 * `label`, wherever that option is in the list.
 */
async function chooseWithArrows(page, label) {
  for (let pressed = 0; pressed < 30; pressed += 1) {
    const { at, wanted } = await page.evaluate((label) => {
      const select = document.activeElement;
      const words = [...(select.options ?? [])].map((option) => option.textContent.trim());
      return { at: select.selectedIndex, wanted: words.indexOf(label) };
    }, label);
    if (wanted === -1) throw new Error(`the focused element has no option "${label}"`);
    if (at === wanted) return;
    await page.keyboard.press(at < wanted ? "ArrowDown" : "ArrowUp");
  }
  throw new Error(`the select never showed "${label}"`);
}

test("the Portfolio with the keyboard only: add, filter, sort, open a report, remove and undo, rename, merge and split", async ({ page }) => {
  test.setTimeout(90_000);
  const made = partnershipLinks(3, 2).trim().split("\n");
  // Region 1 with two results (its history), Regions 2 and 3 with one, and one damaged line.
  const block = ["Results of the autumn round:", made[0], made[1], made[2], made[4], made[5].slice(0, -12)].join("\n");
  const rows = page.locator("table.portfolio-rows tbody tr");
  const byId = (id) => (now) => now.id === id;
  const named = (words) => (now) => now.name === words;

  // From Home to the Portfolio through the navigation; the new screen's content takes focus.
  await openApp(page, "./");
  await tabTo(page, (now) => now.tag === "a" && now.name === "Portfolio");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portfolio");
  await expect(page.locator("#portfolio-links")).toBeVisible();
  await expect.poll(async () => (await focusNow(page)).id).toBe("main");

  // The paste box, then Add: focus goes to what was added and what was not.
  await tabTo(page, byId("portfolio-links"));
  await page.keyboard.insertText(block);
  await tabTo(page, named("Add to portfolio"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("Added 4 results: 3 new partnerships, 1 joined a partnership already here.");
  await expect(page.getByRole("alert").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("alert").getByRole("listitem")).toContainText("Line 6: ");
  await expect(rows).toHaveCount(3);
  await expectFocus(page, "the notice of what was added", byId("portfolio-added"));

  // A filter chosen with the arrow keys redraws the rows; focus stays on the filter, and the
  // line saying how many show is the same live region, so its change is announced.
  await tabTo(page, byId("portfolio-area"));
  const showing = page.locator("#portfolio-showing");
  await expect(showing).toHaveText("3 partnerships");
  await page.evaluate(() => {
    window.showingBefore = document.querySelector("#portfolio-showing");
  });
  await page.keyboard.press("ArrowDown");
  await expect(showing).toHaveText(/^Showing [12] of 3 partnerships$/);
  const shown = Number((await showing.textContent()).split(" ")[1]);
  await expect(rows).toHaveCount(shown);
  await expectFocus(page, "the help filter", byId("portfolio-area"));
  expect(await page.evaluate(() => window.showingBefore === document.querySelector("#portfolio-showing"))).toBe(true);
  await page.keyboard.press("ArrowUp");
  await expect(rows).toHaveCount(3);

  // The blocked-only box with Space, twice; then a sort.
  await tabTo(page, byId("portfolio-blocked"));
  await page.keyboard.press("Space");
  await expect(page.locator("#portfolio-blocked")).toBeChecked();
  await page.keyboard.press("Space");
  await expect(rows).toHaveCount(3);
  await tabTo(page, byId("portfolio-sort"));
  await chooseWithArrows(page, "Region");
  await expect(rows.first().locator("th")).toHaveText(/^Region 1 · /);
  await expectFocus(page, "the sort", byId("portfolio-sort"));

  // One report, then back through the navigation: the portfolio is still there.
  await tabTo(page, named("Open the report of Region 1 · Health care"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/report/i);
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await expect(page.locator("main")).toContainText("Region 1");
  await tabTo(page, (now) => now.tag === "a" && now.name === "Portfolio");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portfolio");
  await expect(rows).toHaveCount(3);
  await expect.poll(async () => (await focusNow(page)).id).toBe("main");

  // Remove: focus goes to Undo, which names what was removed; Undo brings the row back and
  // focus goes to its first control.
  await tabTo(page, named("Remove Region 2 · Advanced manufacturing"));
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(2);
  await expectFocus(page, "Undo", byId("portfolio-undo"));
  await expect(page.locator("#portfolio-undo")).toHaveAccessibleDescription('Removed "Region 2 · Advanced manufacturing" from the portfolio.');
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(3);
  await expectFocus(page, "the restored row's report link", named("Open the report of Region 2 · Advanced manufacturing"));

  // Rename: choose the row with the arrow keys, type the name, Rename; focus comes back to the
  // choice of partnership, which now says the new name.
  await tabTo(page, byId("portfolio-manage-choice"));
  await chooseWithArrows(page, "Region 3 · Construction");
  await tabTo(page, byId("portfolio-rename"));
  await page.keyboard.type("Coastal builders");
  await tabTo(page, named("Rename"));
  await page.keyboard.press("Enter");
  await expect(page.locator("table.portfolio-rows tbody th").filter({ hasText: "Coastal builders" })).toHaveCount(1);
  await expectFocus(page, "the choice of partnership", byId("portfolio-manage-choice"));
  await expect(page.locator("#portfolio-manage-choice option:checked")).toHaveText("Coastal builders");

  // Merge Region 1 into Region 2: focus comes back to the choice, on the merged row with
  // the three results.
  await chooseWithArrows(page, "Region 1 · Health care");
  await expect(page.locator(".portfolio-manage")).toContainText("Progress from 2026-07-23 to 2026-11-23");
  await tabTo(page, byId("portfolio-merge"));
  await chooseWithArrows(page, "Region 2 · Advanced manufacturing");
  await tabTo(page, named("Merge them"));
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(2);
  await expectFocus(page, "the choice of partnership", byId("portfolio-manage-choice"));
  // The merged row is named by its latest result, which may be either region's.
  await expect(page.locator("#portfolio-manage-choice option:checked")).toHaveText(/^Region [12] · /);
  await expect(page.locator(".portfolio-manage h4:text-is(\"Results, oldest first\") + ul > li")).toHaveCount(3);

  // Split the wrong match off again: focus comes back to the choice.
  await tabTo(page, named("Split off the result of 2026-07-23"));
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(3);
  await expectFocus(page, "the choice of partnership", byId("portfolio-manage-choice"));
  await expectAccessible(page);
});

test("the last partnership removed with the keyboard comes back with Undo", async ({ page }) => {
  const link = partnershipLinks(1).trim();
  const rows = page.locator("table.portfolio-rows tbody tr");
  await openApp(page, "./?screen=portfolio");
  // A person tabs once the screen is drawn; before its chunk arrives, Tab runs off the page.
  await expect(page.locator("#portfolio-links")).toBeVisible();
  await tabTo(page, (now) => now.id === "portfolio-links");
  await page.keyboard.insertText(link);
  await tabTo(page, (now) => now.name === "Add to portfolio");
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(1);
  await tabTo(page, (now) => now.name === "Remove Region 1 · Health care");
  await page.keyboard.press("Enter");
  await expect(page.getByText("No partnerships yet")).toBeVisible();
  await expectFocus(page, "Undo", (now) => now.id === "portfolio-undo");
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(1);
  await expectFocus(page, "the restored row's report link", (now) => now.name === "Open the report of Region 1 · Health care");
  await expectAccessible(page);
});
