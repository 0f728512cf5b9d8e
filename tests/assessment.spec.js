// Answering an assessment: nothing a person types is ever lost, whatever the device does.
import { test, expect, expectAccessible, openApp } from "./fixtures.js";
import { answer, expectSaved, openSection, question, startAssessment } from "./journey.js";

test("answers and notes in several sections are all back after a reload", async ({ page }) => {
  await startAssessment(page, { name: "Spring check" });
  await answer(page, "s1.convener", "Done");
  await answer(page, "s1.roles", "Started");
  await question(page, "s1.roles").getByText("Add a note").click();
  await question(page, "s1.roles").getByRole("textbox").fill("Roles drafted at the March meeting");
  await openSection(page, "Step 3, Prepare to launch");
  await answer(page, "s3.ceo-champions", "Don't know");
  await answer(page, "s3.facilitator-neutral", "Not yet");
  await answer(page, "s3.launch-at-business", "Yes");
  await openSection(page, "Who is at the table");
  await question(page, "table.companies").getByRole("textbox", { name: /number/ }).fill("40");
  await openSection(page, "Partnership phases");
  await answer(page, "phase.forming.research", "Somewhat agree");
  await expectSaved(page);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partnership phases");
  await expect(question(page, "phase.forming.research").getByRole("radio", { name: "Somewhat agree" })).toBeChecked();
  await openSection(page, "Who is at the table");
  await expect(question(page, "table.companies").getByRole("textbox", { name: /number/ })).toHaveValue("40");
  await openSection(page, "Step 1, Build the regional support team");
  await expect(question(page, "s1.convener").getByRole("radio", { name: "Done" })).toBeChecked();
  await expect(question(page, "s1.roles").getByRole("textbox")).toHaveValue("Roles drafted at the March meeting");
  await openSection(page, "Step 3, Prepare to launch");
  await expect(question(page, "s3.ceo-champions").getByRole("radio", { name: "Don't know" })).toBeChecked();
  await expect(question(page, "s3.facilitator-neutral").getByRole("radio", { name: "Not yet" })).toBeChecked();
  await expect(question(page, "s3.launch-at-business").getByRole("radio", { name: "Yes" })).toBeChecked();

  // The list of assessments shows the progress made.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assessment" }).click();
  await page.goto("./?screen=assessment");
  await expect(page.getByRole("heading", { name: "Spring check" })).toBeVisible();
  await expect(page.getByText("7 of 112 questions answered")).toBeVisible();
});

test("the section score, progress and where you are follow each answer", async ({ page }) => {
  await startAssessment(page);
  const panel = page.getByRole("complementary", { name: "Progress and score" });
  await expect(panel).toContainText("Not enough answers");
  await expect(panel).toContainText("0 of 7 answered");
  for (const id of ["s1.shared-table", "s1.same-page", "s1.roles", "s1.core-partners", "s1.supporters-network", "s1.supporters-informed"]) {
    await answer(page, id, "Done");
  }
  await answer(page, "s1.convener", "Not yet");
  // A blocked gate holds the step below Strong, whatever its average.
  await expect(panel).toContainText("85% · Developing");
  await expect(panel).toContainText("Blocked: An agreed lead convener or co-conveners");
  await expect(panel).toContainText("You are at step 1");
  await expect(question(page, "s1.convener")).toContainText("Next step:");
  await answer(page, "s1.convener", "Done");
  await expect(panel).toContainText("100% · Strong");
  await expect(panel).not.toContainText("Blocked");
  await expect(panel).toContainText("You are at step 2");
  await expect(panel).toContainText("7 of 112 questions answered");
  await question(page, "s1.convener").getByRole("button", { name: "Clear answer" }).click();
  await expect(panel).toContainText("6 of 112 questions answered");
});

test("a count that is not a whole number gets a message and keeps the last good answer", async ({ page }) => {
  await startAssessment(page);
  await openSection(page, "Who is at the table");
  const field = question(page, "table.companies").getByRole("textbox", { name: /number/ });
  await field.fill("24");
  await expectSaved(page);
  for (const bad of ["-3", "2.5", "lots"]) {
    await field.fill(bad);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(question(page, "table.companies").locator(".field-error")).not.toBeEmpty();
  }
  await page.reload();
  await expect(question(page, "table.companies").getByRole("textbox", { name: /number/ })).toHaveValue("24");
});

test("a whole section can be answered by keyboard alone", async ({ page }) => {
  await startAssessment(page);
  const ids = ["s1.shared-table", "s1.same-page", "s1.roles", "s1.convener", "s1.core-partners", "s1.supporters-network", "s1.supporters-informed"];
  await question(page, ids[0]).getByRole("radio", { name: "Not yet" }).focus();
  for (const id of ids) {
    // Tab lands on the question's radio group; Space picks the first choice, arrows move on.
    while (!(await page.evaluate((name) => document.activeElement?.name === name, `answer-${id.replaceAll(".", "-")}`))) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
  }
  for (const id of ids) {
    await expect(question(page, id).getByRole("radio", { name: "Mostly" })).toBeChecked();
  }
  await expect(page.getByRole("complementary", { name: "Progress and score" })).toContainText("66% · Developing");
  // The next section is reached by keyboard too.
  await page.getByRole("link", { name: "Next section" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Step 2");
});

test("two tabs answering different questions of one assessment keep both sets", async ({ page, context }) => {
  await startAssessment(page);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByRole("heading", { level: 1 })).toContainText("Step 1");
  await answer(page, "s1.roles", "Done");
  await answer(other, "s1.convener", "Mostly");
  await answer(page, "s1.supporters-network", "Started");
  await answer(other, "s1.same-page", "Not yet");
  // Each tab follows the other's answers.
  await expect(page.locator("#s1-convener-2")).toBeChecked();
  await expect(other.locator("#s1-roles-3")).toBeChecked();
  await other.close();
  await page.reload();
  await expect(question(page, "s1.roles").getByRole("radio", { name: "Done" })).toBeChecked();
  await expect(question(page, "s1.convener").getByRole("radio", { name: "Mostly" })).toBeChecked();
  await expect(question(page, "s1.supporters-network").getByRole("radio", { name: "Started" })).toBeChecked();
  await expect(question(page, "s1.same-page").getByRole("radio", { name: "Not yet" })).toBeChecked();
});

test("unreadable saved data is set aside, reported and downloadable, and the rest still loads", async ({ page }) => {
  await startAssessment(page, { name: "Good one" });
  await answer(page, "s1.roles", "Done");
  const corrupt = '{"format":"readiness-check/stored-assessment","version":1,"id":"bad","assessment":{"answers":';
  await page.evaluate((text) => localStorage.setItem("readiness-check:assessment:bad", text), corrupt);
  await page.goto("./?screen=assessment");
  await expect(page.getByText("Some data saved on this device could not be read.")).toBeVisible();
  await expect(page.getByText(/cut short or changed by another program/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Good one" })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the unreadable text" }).click();
  const download = await downloading;
  const text = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toBe(corrupt);
  // The text is kept aside on the device, not thrown away.
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith("readiness-check:set-aside:")),
  );
  expect(kept).toHaveLength(1);
  await page.reload();
  await expect(page.getByText("Some data saved on this device could not be read.")).toBeVisible();
  await page.getByRole("button", { name: "Remove it from this device" }).click();
  await expect(page.getByText("Some data saved on this device could not be read.")).toBeHidden();
  await expectAccessible(page);
});

test("a full device is reported clearly, the answers stay on screen and can be downloaded", async ({ page }) => {
  await startAssessment(page);
  await answer(page, "s1.roles", "Done");
  await expectSaved(page);
  await page.evaluate(() => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await answer(page, "s1.convener", "Mostly");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Not saved on this device: this device's storage for the app is full.");
  await expect(page.locator(".save-status")).toContainText("Not saved");
  await answer(page, "s1.supporters-network", "Started");
  await expect(question(page, "s1.convener").getByRole("radio", { name: "Mostly" })).toBeChecked();
  await expect(question(page, "s1.supporters-network").getByRole("radio", { name: "Started" })).toBeChecked();
  const downloading = page.waitForEvent("download");
  await alert.getByRole("button", { name: "Download my answers" }).click();
  const saved = JSON.parse(Buffer.concat(await (await (await downloading).createReadStream()).toArray()).toString());
  expect(saved[0].assessment.answers).toMatchObject({ "s1.convener": "mostly", "s1.supporters-network": "started", "s1.roles": "done" });
  await expectAccessible(page);

  // Space comes back: trying again writes everything that was pending.
  await page.evaluate(() => (Storage.prototype.setItem = window.__realSetItem));
  await alert.getByRole("button", { name: "Try saving again" }).click();
  await expectSaved(page);
  await page.reload();
  await expect(question(page, "s1.convener").getByRole("radio", { name: "Mostly" })).toBeChecked();
  await expect(question(page, "s1.supporters-network").getByRole("radio", { name: "Started" })).toBeChecked();
});

test("assessments can be renamed, duplicated, deleted and brought back", async ({ page }) => {
  await startAssessment(page, { name: "First" });
  await answer(page, "s1.roles", "Done");
  await page.goto("./?screen=assessment");
  // The only card; located by class because renaming swaps its heading for a form.
  const card = page.locator(".assessment-card");
  await expect(card.getByRole("heading", { name: "First" })).toBeVisible();
  await card.getByRole("button", { name: "Rename" }).click();
  await card.getByLabel("New name").fill("Renamed check");
  await card.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("heading", { name: "Renamed check" })).toBeVisible();
  await page.locator(".assessment-card").first().getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "Copy of Renamed check" })).toBeVisible();
  await expect(page.locator(".assessment-card")).toHaveCount(2);
  await expectAccessible(page);

  await page.locator(".assessment-card", { has: page.getByRole("heading", { name: "Renamed check", exact: true }) })
    .getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText('Deleted "Renamed check".')).toBeVisible();
  await expect(page.locator(".assessment-card")).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator(".assessment-card")).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Renamed check", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Copy of Renamed check" })).toBeVisible();
});

test("forget everything removes only this app's data, after a confirmation", async ({ page }) => {
  await startAssessment(page, { name: "To forget" });
  await page.evaluate(() => localStorage.setItem("another-app", "keep me"));
  await page.goto("./?screen=assessment");
  await page.getByRole("button", { name: "Forget everything on this device" }).click();
  await expect(page.getByRole("alert")).toContainText("Remove every assessment");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "To forget" })).toBeVisible();
  await page.getByRole("button", { name: "Forget everything on this device" }).click();
  await page.getByRole("button", { name: "Yes, forget everything" }).click();
  await expect(page.getByText("Everything this app saved on this device has been removed.")).toBeVisible();
  await expect(page.locator(".assessment-card")).toHaveCount(0);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toEqual(["another-app"]);
});

test("shared-computer mode saves nothing and says so", async ({ page }) => {
  await openApp(page, "./?screen=assessment");
  await page.getByLabel("Shared-computer mode: save nothing on this device").check();
  await expect(page.getByText("Shared-computer mode: nothing you enter is saved on this device.")).toBeVisible();
  await startAssessmentInPlace(page);
  await answer(page, "s1.roles", "Done");
  await expect(page.locator(".save-status")).toHaveText("Not saved: shared-computer mode");
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("readiness-check:")));
  expect(keys).toEqual([]);
  await expectAccessible(page);
});

/** Fills the new-assessment form on the page as it is, without reloading it. */
async function startAssessmentInPlace(page) {
  await page.getByLabel("Region (required)").fill("Coastal");
  await page.getByLabel("Industry sector (required)").fill("Health care");
  await page.getByLabel("Your role (required)").fill("College partner");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Step 1");
}

test("the new-assessment form says which fields are missing", async ({ page }) => {
  await openApp(page, "./?screen=assessment");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByText("Enter the region this assessment is about.")).toBeVisible();
  await expect(page.getByLabel("Region (required)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("every section and the help screen pass axe, and fit a 320 px phone", async ({ page }) => {
  // Ten full axe runs: about 25 s on two busy cores, so more than the default 30 s allowance.
  test.setTimeout(90_000);
  await startAssessment(page);
  await answer(page, "s1.convener", "Not yet");
  const sections = await page.getByRole("navigation", { name: "Sections" }).getByRole("link").allTextContents();
  expect(sections.length).toBe(10);
  for (let index = 0; index < sections.length; index += 1) {
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link").nth(index).click();
    await expect(page.locator(".section-body h1")).toBeVisible();
    await expectAccessible(page);
  }
  await page.getByLabel("Facilitation").check();
  await page.getByLabel("Anything else the technical assistance provider should know").fill("We need help recruiting CEOs");
  await page.setViewportSize({ width: 320, height: 640 });
  for (const name of ["Step 1, Build the regional support team", "Who is at the table", "Where you want help"]) {
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways overflow on ${name}`).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: "test-results/answering-320px.png", fullPage: true });
  await page.reload();
  await expect(page.getByLabel("Facilitation")).toBeChecked();
  await expect(page.getByLabel("Anything else the technical assistance provider should know")).toHaveValue("We need help recruiting CEOs");
});

test("an address naming an assessment that is not here says so and offers the list", async ({ page }) => {
  await openApp(page, "./?screen=assessment&id=gone123");
  await expect(page.getByText("The assessment in this address is not on this device.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "New assessment" })).toBeVisible();
});

test("a browser that offers no storage at all gets a clear message, and answering still works", async ({ page }) => {
  // As in a browser with site data turned off: reading window.localStorage throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await openApp(page);
  await expect(page.getByText("This browser is not letting the app save anything on this device")).toBeVisible();
  await startAssessment(page);
  await answer(page, "s1.roles", "Done");
  await expect(question(page, "s1.roles").getByRole("radio", { name: "Done", exact: true })).toBeChecked();
  await expect(page.locator(".save-status")).toContainText("Not saved");
  await expectAccessible(page);
});
