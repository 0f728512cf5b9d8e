// Makes the release build's text files smaller without changing what they do (called by
// scripts/post-build.mjs and scripts/split-wasm.mjs): the JS glue wasm-bindgen writes, the
// service worker and the stylesheet. Comments, white space and long local names go; exported
// names, property names, strings and the order of CSS rules stay.
//
// The split loader only loses comments and white space: the size report reads from its text
// which chunk each screen needs.
import { minify as minifyCss } from "csso";
import { minify as minifyJs } from "terser";

/**
 * A script made smaller: `module` for an ES module (its exports keep their names), otherwise a
 * classic script, whose top-level names stay as they are (another script may share them).
 * `keepNames` only takes out comments and white space, for a script that is read as text.
 */
export async function smallerScript(text, { module, keepNames = false }) {
  const { code } = await minifyJs(text, {
    module,
    ecma: 2020,
    compress: keepNames ? false : { passes: 2 },
    mangle: !keepNames,
    format: { comments: false },
  });
  if (typeof code !== "string" || code.length === 0) throw new Error("the script minifier gave nothing back.");
  return code;
}

/** A stylesheet made smaller, its rules kept in their order (no restructuring). */
export function smallerStylesheet(text) {
  const { css } = minifyCss(text, { restructure: false, comments: false });
  if (css.length === 0) throw new Error("the stylesheet minifier gave nothing back.");
  return css;
}
