// Steps that many journeys share: starting an assessment and answering questions.
import { expect } from "./fixtures.js";

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
