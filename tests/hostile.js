// Hostile text for any place the app takes text from a person or an address: text fields, the
// query string, share links in the fragment, imported files. Each script payload only sets
// window.__pwned, so `expectNotPwned` can tell whether anything ran. Rendering these must show
// them as plain text (or ignore them), never run or interpret them.
import { expect } from "@playwright/test";

/** Ten thousand characters of ordinary words, for fields, notes and summaries. */
const longText = (() => {
  const words = "Partnership readiness notes from the regional support team meeting, with evidence. ";
  return words.repeat(Math.ceil(10_000 / words.length)).slice(0, 10_000);
})();

/** Named hostile strings; `value` is the text to type, paste, import or put in an address. */
export const hostileStrings = [
  { name: "script tag", value: `<script>window.__pwned = "script tag"</script>` },
  { name: "img onerror", value: `<img src="x" onerror="window.__pwned = 'img onerror'">` },
  { name: "svg onload", value: `"><svg onload="window.__pwned = 'svg onload'"></svg>` },
  { name: "attribute breakout", value: `' onmouseover='window.__pwned = "attribute breakout"' x='` },
  { name: "javascript: URL", value: `javascript:window.__pwned = "javascript URL"` },
  { name: "data: URL", value: `data:text/html,<script>window.__pwned = "data URL"</script>` },
  { name: "template syntax", value: "{{7*7}} ${7*7} <%= 7*7 %>" },
  { name: "very long text (10,000 characters)", value: longText },
  {
    name: "right-to-left override",
    value: "Region \u202Egnp.exe\u202C and \u2067isolate\u2069 with \u200Bzero\u200Dwidth marks",
  },
  { name: "emoji and combining marks", value: "Cafe\u0301 👩🏽‍🌾 Z̷͎̈a̴l̵g̶o" },
];

/** Fails if any hostile payload ran, or left a live element or handler in the page. */
export async function expectNotPwned(page) {
  expect(await page.evaluate(() => window.__pwned), "a hostile payload ran").toBeUndefined();
  const planted = await page.evaluate(() => {
    const found = [];
    for (const element of document.querySelectorAll("body *")) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${element.localName} ${attribute.name}`);
        if (/^\s*(javascript|data):/i.test(attribute.value) && /^(href|src|action|formaction)$/i.test(attribute.name)) {
          found.push(`${element.localName} ${attribute.name}=${attribute.value.slice(0, 40)}`);
        }
      }
      if (["script", "iframe", "object", "embed"].includes(element.localName) && element.outerHTML.includes("__pwned")) {
        found.push(element.localName);
      }
    }
    return found;
  });
  expect(planted, "hostile markup became part of the page").toEqual([]);
}
