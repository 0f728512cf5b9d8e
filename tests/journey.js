// Steps that many journeys share: starting an assessment and answering questions.
import { expect } from "./fixtures.js";
import { respondentLinks } from "./made-links.mjs";

export { respondentLinks };

/** Starts a new assessment from the assessment screen and waits for its first section. */
export async function startAssessment(page, { region = "North Valley", sector = "Advanced manufacturing", role = "Convener", name = "" } = {}) {
  await page.goto("./?screen=assessment");
  await page.getByLabel("Region (required)").fill(region);
  await page.getByLabel("Industry sector (required)").fill(sector);
  await page.getByLabel("Your role (required)").fill(role);
  if (name) await page.getByLabel("Name for this assessment (optional)").fill(name);
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Step 1");
  return new URL(page.url()).searchParams.get("id");
}

/** The fieldset of one question, found by its stable id. */
export function question(page, id) {
  return page.locator(`#q-${id.replaceAll(".", "-")}`);
}

/** Chooses an answer to a question by its visible label. */
export async function answer(page, id, label) {
  await question(page, id).getByRole("radio", { name: label, exact: true }).check();
}

/** Opens a section from the section list. */
export async function openSection(page, name) {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
}

/** Waits until the status says the latest change is on the device. */
export async function expectSaved(page) {
  await expect(page.locator(".save-status")).toHaveText(/Saved on this device/);
}

/** Fills the Coach screen and returns the link it makes. */
export async function makeCoachLink(page, { message = "Please answer steps 1 to 3 before we meet.", scope = ["s1", "s2", "s3"] } = {}) {
  await page.goto("./?screen=coach");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coach link");
  await page.getByLabel("Your name (required)", { exact: true }).fill("Dana Whitfield");
  await page.getByLabel("Session name (optional)", { exact: true }).fill("Module 3: preparing to launch");
  await page.getByLabel("Session date (optional)", { exact: true }).fill("2026-12-04");
  await page.getByLabel("Region (optional)", { exact: true }).fill("North Valley");
  await page.getByLabel("Industry sector (optional)", { exact: true }).fill("Advanced manufacturing");
  for (const id of ["s1", "s2", "s3", "s4", "s5", "s6", "phases", "table", "pitfalls"]) {
    await page.locator(`#scope-${id}`).setChecked(scope.includes(id));
  }
  await page.getByLabel("Message to the region (optional)", { exact: true }).fill(message);
  await page.getByLabel("Your email for results (optional)", { exact: true }).fill("dana@example.org");
  await page.getByRole("button", { name: "Make the link" }).click();
  const link = await page.getByLabel("Link to send", { exact: true }).inputValue();
  expect(new URL(link).hash).toMatch(/^#c=[A-Za-z0-9_-]+$/);
  return link;
}

/** Opens a coach link in `page` and starts the assessment as `role`. */
export async function acceptInvitation(page, link, role) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Your coach's invitation" })).toBeVisible();
  await page.getByLabel("Your role (required)", { exact: true }).fill(role);
  await page.getByRole("button", { name: "Start the assessment for this session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Step 1");
}

/** Opens one of the report's menus ("Share", "Save as file") unless it is open; returns it. */
export async function reportMenu(page, name) {
  const menu = page.locator("details.action-menu").filter({ has: page.locator("summary", { hasText: name }) });
  if (!(await menu.evaluate((details) => details.open))) await menu.locator("summary").click();
  return menu;
}

let sixLinks;

/**
 * Share links of six varied respondents answering the whole bank, one a line, printed by the
 * core's `bench_links` example (built by scripts/test.sh) and made once per worker.
 */
export function sixRespondentLinks() {
  sixLinks ??= respondentLinks(6);
  return sixLinks;
}

