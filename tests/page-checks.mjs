// Checks that run inside the page, shared by the Playwright journeys and the cross-engine suite.
// Each function is serialized into the page, so it uses nothing from outside its own body.

/**
 * Words broken across lines inside a visible table cell, as `word (in "cell text")`. A word is a
 * run of characters without a space, hyphen, dash or slash (where a line may rightly break); it
 * is broken when its characters sit on more than one line.
 */
export function brokenWordsInTableCells() {
  const broken = [];
  for (const cell of document.querySelectorAll("th, td")) {
    if (cell.getClientRects().length === 0) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\s\-\u2010-\u2015/]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = [...range.getClientRects()].filter((rect) => rect.width > 0);
        if (lines.length > 1 && lines.some((rect) => Math.abs(rect.top - lines[0].top) > lines[0].height / 2)) {
          broken.push(`${match[0]} (in "${cell.textContent.trim().slice(0, 60)}")`);
        }
      }
    }
  }
  return broken;
}

/** Why the page itself scrolls sideways, if it does (a wide table must scroll in its own region). */
export function tableScrollProblems() {
  const page = document.documentElement;
  if (page.scrollWidth <= page.clientWidth + 1) return [];
  const wide = [...document.querySelectorAll("main *")]
    .filter((element) => element.getBoundingClientRect().right > page.clientWidth + 1)
    .filter((element) => !element.closest(".table-scroll") || element.classList.contains("table-scroll"))
    .slice(0, 5)
    .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`);
  return [`the page is ${page.scrollWidth} px wide in a ${page.clientWidth} px window: ${wide.join(", ")}`];
}
