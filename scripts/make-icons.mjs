// Draws the PNG app icons (public/icon-192.png, public/icon-512.png) from public/favicon.svg with
// Debian's Chromium, for browsers and systems that want a PNG icon in the web app manifest. Run
// it again after changing favicon.svg: `node scripts/make-icons.mjs`. Nothing is downloaded.
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = readFileSync(new URL("../public/favicon.svg", import.meta.url));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0"><img alt="" width="${size}" height="${size}"` +
        ` src="data:image/svg+xml;base64,${svg.toString("base64")}"></body></html>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    const path = new URL(`../public/icon-${size}.png`, import.meta.url).pathname;
    await page.screenshot({ path, omitBackground: true });
    await page.close();
    console.log(`wrote ${path}`);
  }
} finally {
  await browser.close();
}
