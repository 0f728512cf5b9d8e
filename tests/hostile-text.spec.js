// Hostile text typed into every text field of an assessment travels through the report, a
// share link, an exported and re-imported file and the group view, and is only ever text.
import { test, expect } from "./fixtures.js";
import { answer, expectSaved, question, startAssessment, reportMenu } from "./journey.js";
import { expectNotPwned, hostileStrings } from "./hostile.js";

const text = Object.fromEntries(hostileStrings.map(({ name, value }) => [name, value]));
const short = (value) => value.slice(0, 120);

/** Writes a note on a question. */
async function note(page, id, value) {
  await question(page, id).getByText("Add a note").click();
  await question(page, id).getByRole("textbox", { name: /Note on question/ }).fill(value);
}

/** Fails unless every hostile string given shows in `locator` as the text it is. */
async function expectShownAsText(locator, values) {
  const shown = await locator.innerText();
  for (const value of values) expect(shown, "hostile text shown as text").toContain(value.trim().slice(0, 60));
}

test("hostile text in every field is shown as text and runs nothing: report, share link, file and group view", async ({ page, browser, context }) => {
  test.setTimeout(90_000);
  const meta = [text["script tag"], text["img onerror"], text["svg onload"], text["attribute breakout"]];
  await startAssessment(page, { region: meta[0], sector: meta[1], role: meta[2], name: meta[3] });
  await answer(page, "s1.convener", "Not yet");
  await note(page, "s1.convener", text["javascript: URL"]);
  await answer(page, "s1.roles", "Started");
  await note(page, "s1.roles", text["data: URL"]);
  await note(page, "s1.shared-table", `${text["template syntax"]} ${text["right-to-left override"]}`);
  await note(page, "s1.same-page", text["emoji and combining marks"]);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Where you want help" }).click();
  await page.getByLabel("Anything else the technical assistance provider should know").fill(text["very long text (10,000 characters)"].slice(0, 4000));
  await expectSaved(page);
  await expectNotPwned(page);

  // The rename field of the assessment list, too.
  const id = new URL(page.url()).searchParams.get("id");
  await page.goto("./?screen=assessment");
  const card = page.locator(".assessment-card").first();
  await card.getByRole("button", { name: "Rename" }).click();
  await card.getByLabel("New name").fill(meta[3]);
  await card.getByRole("button", { name: "Save name" }).click();
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(meta[3].trim());
  await expectNotPwned(page);

  await page.goto(`./?screen=report&id=${id}`);
  const notes = [text["javascript: URL"], text["data: URL"], text["template syntax"], text["emoji and combining marks"]];
  await expectShownAsText(page.locator(".report"), [...meta.map(short), ...notes]);
  await expectNotPwned(page);

  // Carried in a share link, opened in a fresh browser.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await (await reportMenu(page, "Share")).getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText(/Share link copied/)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByText("You are viewing a shared report, read-only.")).toBeVisible();
  await expectShownAsText(other.locator(".report"), [...meta.map(short), ...notes]);
  await expectNotPwned(other);

  // Carried in a JSON file, imported in the fresh browser.
  const download = page.waitForEvent("download");
  await (await reportMenu(page, "Save as file")).getByRole("button", { name: "Download JSON" }).click();
  await other.goto("./?screen=assessment");
  await other.locator("#import-input").setInputFiles(await (await download).path());
  await expect(other).toHaveURL(/screen=report&id=/);
  await expectShownAsText(other.locator(".report"), [...meta.map(short), ...notes]);
  await expectNotPwned(other);

  // Labelled by the hostile role in the group view, and renamed with hostile text.
  await other.goto("./?screen=compare");
  await other.getByLabel("Share links, one a line").fill(link);
  await other.getByRole("button", { name: "Add links" }).click();
  await expect(other.getByRole("table", { name: /Where you are and leading phase/ })).toContainText(short(meta[2]).trim().slice(0, 40));
  await other.getByLabel(/^Label of respondent/).fill(text["img onerror"].slice(0, 60));
  await other.getByLabel(/^Label of respondent/).blur();
  await expect(other.getByRole("table", { name: /Where you are and leading phase/ }).getByRole("rowheader").first()).toContainText("<img");
  await expect(other.getByRole("img", { name: /^Readiness of each launch step/ })).toHaveAccessibleName(/<img/);
  await expectNotPwned(other);
  await fresh.close();
});

test("hostile text typed into the coach's form and the links box runs nothing", async ({ page }) => {
  await page.goto("./?screen=coach");
  const fields = ["Your name (required)", "Session name (optional)", "Region (optional)", "Industry sector (optional)"];
  for (const [at, label] of fields.entries()) await page.getByLabel(label, { exact: true }).fill(short(hostileStrings[at].value));
  await page.getByLabel("Message to the region (optional)").fill(text["very long text (10,000 characters)"]);
  await page.getByLabel("Your email for results (optional)").fill(text["javascript: URL"]);
  await page.getByRole("button", { name: "Make the link" }).click();
  await expect(page.getByRole("alert")).toContainText("does not look like an email address");
  await page.getByLabel("Your email for results (optional)").fill("");
  await page.getByRole("button", { name: "Make the link" }).click();
  await expect(page.getByLabel("Link to send")).toHaveValue(/#c=/);
  await expectNotPwned(page);

  await page.goto("./?screen=compare");
  await page.getByLabel("Share links, one a line").fill(hostileStrings.map((s) => short(s.value)).join("\n"));
  await page.getByRole("button", { name: "Add links" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "could not be added" })).toContainText("Line 1:");
  await expectNotPwned(page);
});
