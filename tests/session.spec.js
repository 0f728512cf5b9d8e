// Session mode: the group on the Compare screen, or one report, on a projector, one launch
// step at a time: by keyboard only, with axe, fitting 1920 x 1080 and 1280 x 720 without
// scrolling, and from a single report.
import { test, expect, expectAccessible } from "./fixtures.js";
import { answer, expectSaved, respondentLinks, sixRespondentLinks, startAssessment } from "./journey.js";

/** Opens the Compare screen with `count` respondents in its group (six unless told). */
async function compareGroup(page, count = 6) {
  await page.goto("./?screen=compare");
  await page.getByLabel("Share links, one a line").fill(count === 6 ? sixRespondentLinks() : respondentLinks(count));
  await page.getByRole("button", { name: "Add links" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText(count === 6 ? "Respondent 6" : `Added ${count} respondents`);
}

/** Presses Tab until `target` has the focus; fails after `most` presses. */
async function tabTo(page, target, most = 150) {
  for (let press = 0; press < most; press += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The step in the address. */
function section(page) {
  return new URL(page.url()).searchParams.get("section");
}

/** How far the document and the slide scroll, in pixels, each way (0 when they fit). */
function overflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const slide = document.querySelector(".present");
    const nav = slide.querySelector(".present-nav").getBoundingClientRect();
    return {
      documentDown: Math.max(0, root.scrollHeight - window.innerHeight),
      documentSideways: Math.max(0, root.scrollWidth - window.innerWidth),
      slideDown: Math.max(0, slide.scrollHeight - slide.clientHeight),
      slideSideways: Math.max(0, slide.scrollWidth - slide.clientWidth),
      navBelowWindow: Math.max(0, Math.ceil(nav.bottom - window.innerHeight)),
    };
  });
}

const FITS = { documentDown: 0, documentSideways: 0, slideDown: 0, slideSideways: 0, navBelowWindow: 0 };

const heading = (page) => page.getByRole("heading", { level: 1 });

test("session mode by keyboard only: Present, arrows move steps in the address, a reload stays, Esc leaves", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await compareGroup(page);

  const present = page.getByRole("button", { name: /^Present/ });
  await tabTo(page, present);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]screen=present(&|$)/);
  await expect(heading(page)).toHaveText("Step 1 of 6 · Build the regional support team and make the case");
  // The slide covers the window: no header, navigation or footer, and the focus is inside it.
  await expect(page.locator(".site-header, .site-footer, .skip-link")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest(".present")))).toBe(true);

  // Full screen if the browser granted it: the first Esc leaves full screen only, and the
  // person is still presenting.
  if (await page.evaluate(() => Boolean(document.fullscreenElement))) {
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => Boolean(document.fullscreenElement))).toBe(false);
    await expect(heading(page)).toHaveText(/^Step 1 of 6/);
  }

  await page.keyboard.press("ArrowRight");
  await expect(heading(page)).toHaveText("Step 2 of 6 · Define the scope of industry focus");
  expect(section(page)).toBe("s2");
  await page.keyboard.press("ArrowRight");
  await expect(heading(page)).toHaveText("Step 3 of 6 · Prepare to launch");
  expect(section(page)).toBe("s3");
  await page.keyboard.press("ArrowLeft");
  await expect(heading(page)).toHaveText(/^Step 2 of 6/);
  expect(section(page)).toBe("s2");
  await page.keyboard.press("PageDown");
  await expect(heading(page)).toHaveText(/^Step 3 of 6/);
  expect(section(page)).toBe("s3");

  // The on-screen buttons, by keyboard too.
  const next = page.getByRole("button", { name: "Next step" });
  await tabTo(page, next);
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText("Step 4 of 6 · Launch");
  expect(section(page)).toBe("s4");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(heading(page)).toHaveText(/^Step 6 of 6/);
  await expect(next).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("ArrowRight");
  await expect(heading(page)).toHaveText(/^Step 6 of 6/);
  expect(section(page)).toBe("s6");
  await page.keyboard.press("PageUp");
  await page.keyboard.press("PageUp");
  await page.keyboard.press("PageUp");
  await expect(heading(page)).toHaveText("Step 3 of 6 · Prepare to launch");

  // What the slide holds: the step's heat-map row, its most disputed questions with their
  // bars (at most five, widest spread first), and the gates to talk about.
  const slide = page.locator(".present");
  await expect(slide.getByRole("img", { name: /^Readiness of this step, per respondent\. Step 3, Prepare to launch: Respondent 1 / })).toBeVisible();
  await expect(slide.getByRole("heading", { level: 2, name: "Most disputed questions" })).toBeVisible();
  const questions = slide.locator(".present-question");
  expect(await questions.count()).toBeGreaterThan(0);
  expect(await questions.count()).toBeLessThanOrEqual(5);
  for (const name of await questions.locator("svg.distribution").evaluateAll((all) => all.map((svg) => svg.getAttribute("aria-label")))) {
    expect(name).toMatch(/^Answers: .+ \d/);
  }
  const spreads = await questions.locator(".present-question-spread p").allTextContents();
  const apart = { all: 0, one: 1, two: 2, three: 3 };
  const widths = spreads.map((words) => apart[words.split(" ")[0]] ?? -1);
  expect(widths, `spreads ${spreads.join(" | ")}`).toEqual([...widths].sort((a, b) => b - a));
  await expect(slide.getByRole("heading", { level: 2, name: "Gates to talk about" })).toBeVisible();
  await expect(slide.locator(".present-block").first()).toContainText(/met by \d of 6|None: every gate/);
  // Nothing names a respondent but the label the coach chose.
  await expect(slide).not.toContainText("North Valley");
  await expect(slide).not.toContainText("Advanced manufacturing");
  await expect(slide).not.toContainText("2026-11-23");

  await page.reload();
  await expect(heading(page)).toHaveText("Step 3 of 6 · Prepare to launch");
  expect(section(page)).toBe("s3");
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest(".present")))).toBe(true);

  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/[?&]screen=compare$/);
  await expect(heading(page)).toHaveText("Compare");
  await expect(page.locator(".site-header")).toBeVisible();
});

// Six respondents show their row of the heat map; fifty, too many for a column each, the
// step's bar of respondents by readiness.
for (const [width, height, count] of [[1920, 1080, 6], [1280, 720, 6], [1920, 1080, 50], [1280, 720, 50]]) {
  test(`session mode at ${width} x ${height} with ${count} respondents: every step fits the window, axe passes, screenshot`, async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height });
    await compareGroup(page, count);
    await page.getByRole("button", { name: /^Present/ }).click();
    await expect(heading(page)).toHaveText(/^Step 1 of 6/);
    for (let step = 1; step <= 6; step += 1) {
      await expect(heading(page)).toHaveText(new RegExp(`^Step ${step} of 6`));
      // Step 1 has the longest questions: the fullest slide.
      if (step === 1) {
        const picture = page.locator(count === 6 ? ".present .heat-map svg" : ".present svg.distribution").first();
        await expect(picture).toBeVisible();
        if (count > 6) await expect(picture).toHaveAttribute("aria-label", /^Respondents by readiness: /);
        const shot = testInfo.outputPath(`session-${width}x${height}-${count}.png`);
        await page.screenshot({ path: shot });
        console.log("screenshot: " + shot);
        await expectAccessible(page);
      }
      expect(await overflow(page), `step ${step} at ${width} x ${height}`).toEqual(FITS);
      if (step < 6) await page.getByRole("button", { name: "Next step" }).click();
    }
    await page.getByRole("button", { name: "Leave" }).click();
    await expect(heading(page)).toHaveText("Compare");
  });
}

test("one report presented alone: labelled by its role, its weakest answers, and Leave returns to the report", async ({ page }, testInfo) => {
  const id = await startAssessment(page, { role: "College partner" });
  await answer(page, "s1.convener", "Not yet");
  await answer(page, "s1.roles", "Done");
  await answer(page, "s1.same-page", "Started");
  await expectSaved(page);
  await page.goto(`./?screen=report&id=${id}`);
  // Present sits in the Share menu, so the row above the report keeps its four choices.
  await page.getByRole("group", { name: "Use this report" }).locator("summary", { hasText: "Share" }).click();
  await page.getByRole("button", { name: "Present on a projector" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]screen=present&id=${id}(&|$)`));
  await expect(heading(page)).toHaveText(/^Step 1 of 6 · /);
  const slide = page.locator(".present");
  await expect(slide.getByRole("img", { name: /^Readiness of this step, per respondent\. Step 1, [^:]+: College partner / })).toBeVisible();
  await expect(slide.getByRole("heading", { level: 2, name: "Weakest answers" })).toBeVisible();
  await expect(slide.locator(".present-question-spread p")).toHaveText(["Not yet", "Started", "Done"]);
  await expect(slide.locator(".present-gates")).toContainText("blocked for 1, met by 0 of 1");
  await expect(slide).not.toContainText("North Valley");
  await expect(slide).not.toContainText("Advanced manufacturing");
  await expectAccessible(page);
  const shot = testInfo.outputPath("session-one-report-1280x720.png");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: shot });
  console.log("screenshot: " + shot);

  await page.getByRole("button", { name: "Next step" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]screen=present&id=${id}&section=s2$`));
  await expect(slide).toContainText("Nobody has answered a question of this step yet.");
  await page.getByRole("button", { name: "Previous step" }).click();
  await expect(heading(page)).toHaveText(/^Step 1 of 6/);
  await page.getByRole("button", { name: "Leave" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]screen=report&id=${id}$`));
  await expect(page.locator(".site-header")).toBeVisible();
  await expect(page.getByRole("group", { name: "Use this report" })).toBeVisible();
});
