// The app shell: first screen, navigation among screens, credits, sub-folder hosting, small
// screens and accessibility.
import { test, expect, expectAccessible, openApp } from "./fixtures.js";

const screens = [
  { label: "Assessment", slug: "assessment", heading: "Assessment" },
  { label: "Report", slug: "report", heading: "Report" },
  { label: "Coach", slug: "coach", heading: "Coach link" },
  { label: "Compare", slug: "compare", heading: "Compare" },
  { label: "About / Sources", slug: "about", heading: "About this check and its sources" },
];

test("the first screen says what the check is for and how to start", async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle("Sector Partnership Readiness Check");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sector Partnership Readiness Check");
  await expect(page.getByText("Your answers stay on this device")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const screen of screens) {
    await expect(nav.getByRole("link", { name: screen.label, exact: true })).toBeVisible();
  }
  await expectAccessible(page);

  await page.getByRole("link", { name: "Start an assessment" }).click();
  await expect(page).toHaveURL(/\?screen=assessment$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assessment");
});

test("every screen opens from the navigation, is marked current and passes axe", async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const screen of screens) {
    await nav.getByRole("link", { name: screen.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`\\?screen=${screen.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(screen.heading);
    await expect(nav.getByRole("link", { name: screen.label, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page).toHaveTitle(`${screen.label} · Sector Partnership Readiness Check`);
    await expectAccessible(page);
  }
});

test("Back and Forward move between screens without reloading", async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => (window.__sameDocument = true));
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Coach" }).click();
  await nav.getByRole("link", { name: "About / Sources" }).click();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coach link");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sector Partnership Readiness Check");
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coach link");
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test("About / Sources credits every source by name and never uses the reserved name", async ({ page }) => {
  await openApp(page, "./?screen=about");
  for (const title of [
    "How To Launch A Sector Partnership, TA Module 3",
    "Roles of Public and Private Partners Over the Life Cycle of an Industry Partnership",
    "Partnership Building Pitfalls and Tips",
    "Step Four: Begin Meeting as Partners and Learn More",
    "Getting Started: Early Pitfalls",
  ]) {
    await expect(page.locator("cite", { hasText: title })).toBeVisible();
  }
  await expect(page.getByText("CWDC", { exact: true })).toBeVisible();
  await expect(page.getByText(/Institute for Networked Communities/).first()).toBeVisible();
  expect(await page.title()).not.toMatch(/next gen/i);
  await expect(page.locator("header")).not.toContainText(/next gen/i);
});

test("the app works from a sub-folder, with its favicon, and navigation leaves the fragment alone", async ({ page }) => {
  const favicon = await page.request.get("sub/folder/favicon.svg");
  expect(favicon.status()).toBe(200);
  await openApp(page, "sub/folder/?screen=about");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About this check and its sources");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/sub\/folder\/\?screen=compare$/);
  await page.getByRole("link", { name: "Sector Partnership Readiness Check" }).click();
  await expect(page).toHaveURL(/\/sub\/folder\/$/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sector Partnership Readiness Check");
});

test("an unknown screen in the address opens the first screen", async ({ page }) => {
  await openApp(page, "./?screen=nonsense");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sector Partnership Readiness Check");
});

test("a 320 px wide phone needs no sideways scrolling on any screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const slug of ["home", ...screens.map((screen) => screen.slug)]) {
    await openApp(page, `./?screen=${slug}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways overflow on ${slug}`).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: "test-results/home-320px.png", fullPage: true });
});

test("the skip link takes keyboard users straight to the content", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
