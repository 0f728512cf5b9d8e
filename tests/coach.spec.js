// A coach's round trip: a link made on the Coach screen, opened by a region in a fresh browser,
// answered within the coach's scope, and the results sent back.
import { test, expect, expectAccessible } from "./fixtures.js";
import { acceptInvitation, answer, expectSaved, makeCoachLink } from "./journey.js";
import { expectNotPwned, hostileStrings } from "./hostile.js";

const storedKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("readiness-check:assessment:")));

test("a coach makes a link; a region opens it in a fresh browser, answers within scope and drafts the results back", async ({ page, browser, context }) => {
  const link = await makeCoachLink(page);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await page.getByRole("button", { name: "QR code" }).click();
  await expect(page.getByRole("img", { name: "QR code of the coach link" })).toBeVisible();
  await expectAccessible(page);
  expect(await storedKeys(page)).toEqual([]);

  const fresh = await browser.newContext();
  const region = await fresh.newPage();
  await region.goto(link);
  const invitation = region.getByRole("region", { name: "Your coach's invitation" });
  await expect(invitation).toContainText("From your coach, Dana Whitfield");
  await expect(invitation).toContainText("Module 3: preparing to launch, 2026-12-04");
  await expect(invitation).toContainText("Please answer steps 1 to 3 before we meet.");
  await expect(region.getByLabel("Region (required)", { exact: true })).toHaveValue("North Valley");
  await expect(region.getByLabel("Industry sector (required)", { exact: true })).toHaveValue("Advanced manufacturing");
  await expectAccessible(region);
  await region.getByLabel("Your role (required)", { exact: true }).fill("Workforce board director");
  await region.getByRole("button", { name: "Start the assessment for this session" }).click();
  await expect(region.getByRole("heading", { level: 1 })).toContainText("Step 1");
  // The address no longer carries the invitation, and only the sections in scope are listed.
  expect(new URL(region.url()).hash).toBe("");
  await expect(region.getByRole("complementary", { name: "From your coach" })).toContainText("Please answer steps 1 to 3");
  const sections = region.getByRole("navigation", { name: "Sections" }).getByRole("link");
  await expect(sections).toHaveCount(4);
  await expect(sections.last()).toContainText("Where you want help");
  await answer(region, "s1.convener", "Done");
  await answer(region, "s1.roles", "Mostly");
  await expectSaved(region);
  await expectAccessible(region);
  await region.getByRole("link", { name: /Step 3/ }).click();
  await region.getByRole("link", { name: "Next section" }).click();
  await expect(region.getByRole("heading", { level: 1 })).toHaveText("Where you want help");

  // The report offers to send the results back to the coach's address.
  const id = new URL(region.url()).searchParams.get("id");
  await region.goto(`./?screen=report&id=${id}`);
  await expect(region.getByRole("heading", { name: "Send your results to Dana Whitfield" })).toBeVisible();
  await expect(region.locator(".assessed")).toContainText("Module 3: preparing to launch, 2026-12-04, Dana Whitfield");
  await expect(region.locator(".assessed")).toContainText("Step 3, Prepare to launch");
  const href = await region.getByRole("link", { name: "Send results to your coach" }).getAttribute("href");
  expect(href).toMatch(/^mailto:dana@example\.org\?subject=Results%20for%20your%20session/);
  const body = decodeURIComponent(href.split("&body=")[1]);
  const returned = body.match(/https?:\/\/\S+#s=[A-Za-z0-9_-]+/)[0];
  const download = region.waitForEvent("download");
  await region.getByRole("button", { name: "Download the JSON file to attach" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  await expectAccessible(region);

  // The coach opens the returned link and sees the region's answers.
  await page.goto(returned);
  await expect(page.getByText("You are viewing a shared report, read-only.")).toBeVisible();
  await expect(page.locator(".report")).toContainText("North Valley");
  await fresh.close();
});

test("a damaged coach link says so, stores nothing, and the assessment screen still works", async ({ page }) => {
  const link = await makeCoachLink(page);
  const damaged = link.slice(0, -6) + (link.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
  await page.goto("./");
  await page.goto(damaged);
  await page.reload();
  await expect(page.getByRole("alert")).toContainText("Your coach's link could not be opened");
  await expect(page.getByRole("heading", { name: "New assessment" })).toBeVisible();
  expect(await storedKeys(page)).toEqual([]);
  await expectAccessible(page);
});

test("the coach's form explains what is wrong before making a link", async ({ page }) => {
  await page.goto("./?screen=coach");
  await page.getByRole("button", { name: "Make the link" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter your name");
  await page.getByLabel("Your name (required)", { exact: true }).fill("Dana");
  await page.getByLabel("Your email for results (optional)", { exact: true }).fill("dana@example.org?bcc=all@example.org");
  await page.getByRole("button", { name: "Make the link" }).click();
  await expect(page.getByRole("alert")).toContainText("does not look like an email address");
  await expect(page.getByLabel("Link to send", { exact: true })).toHaveCount(0);
  for (const id of ["s1", "s2", "s3", "s4", "s5", "s6", "phases", "table", "pitfalls"]) {
    await page.locator(`#scope-${id}`).uncheck();
  }
  await page.getByLabel("Your email for results (optional)", { exact: true }).fill("");
  await page.getByRole("button", { name: "Make the link" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose at least one part");
  await expectAccessible(page);
});

test("hostile text in a coach's message and details is shown as text and runs nothing", async ({ page, browser }) => {
  const message = hostileStrings
    .filter((s) => s.value.length < 500)
    .map((s) => s.value)
    .join("\n");
  const link = await makeCoachLink(page, { message, scope: ["s1", "s2", "s3", "s4", "s5", "s6", "phases", "table", "pitfalls"] });
  const fresh = await browser.newContext();
  const region = await fresh.newPage();
  await region.goto(link);
  const shown = region.locator(".coach-message");
  await expect(shown).toContainText("<script>window.__pwned");
  await expect(shown).toContainText(`<img src="x" onerror=`);
  await expectNotPwned(region);
  await region.getByLabel("Your role (required)", { exact: true }).fill("Convener");
  await region.getByRole("button", { name: "Start the assessment for this session" }).click();
  await expect(region.getByRole("heading", { level: 1 })).toContainText("Step 1");
  await expect(region.locator(".coach-message")).toContainText("javascript:window.__pwned");
  await expectNotPwned(region);
  await fresh.close();
});

test("a session date the browser cannot read, or in an unlikely year, is flagged and never dropped in silence", async ({ page }) => {
  await page.goto("./?screen=coach");
  await page.getByLabel("Your name (required)", { exact: true }).fill("Dana");
  const date = page.getByLabel("Session date (optional)", { exact: true });
  // Month and day but no year: the browser holds a date it cannot read and reports no value.
  await date.click();
  await page.keyboard.type("1204");
  expect(await date.evaluate((input) => [input.value, input.validity.badInput])).toEqual(["", true]);
  await page.getByRole("button", { name: "Make the link" }).click();
  await expect(page.getByRole("alert")).toContainText("The session's date is not a whole date");
  await expect(page.locator("#coach-date-error")).toHaveText(/not a whole date/);
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Link to send", { exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await date.fill("0004-12-12");
  await page.getByRole("button", { name: "Make the link" }).click();
  await expect(page.getByRole("alert")).toContainText("in the year 0004");
  await expect(page.getByLabel("Link to send", { exact: true })).toHaveCount(0);

  await date.fill("2026-12-04");
  await page.getByRole("button", { name: "Make the link" }).click();
  await expect(page.locator('.coach-form p.field-error[role="alert"]')).toBeEmpty();
  await expect(date).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Link to send", { exact: true })).toHaveValue(/#c=/);
});

for (const width of [320, 1280]) {
  test(`the link to send shows every line of the link at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const message = "Please answer every part before we meet; bring your questions. ".repeat(6);
    await makeCoachLink(page, { message });
    const box = page.getByLabel("Link to send", { exact: true });
    const { scrollHeight, clientHeight } = await box.evaluate((textarea) => ({
      scrollHeight: textarea.scrollHeight,
      clientHeight: textarea.clientHeight,
    }));
    expect(scrollHeight, "the link's text is taller than its box").toBeLessThanOrEqual(clientHeight);
  });
}
