// The main journeys in WebKitGTK (Debian's webkit2gtk-driver), Safari's engine; needs a display,
// so scripts/test.sh runs it under xvfb-run.
import { webkit } from "./browsers.mjs";
import { runSuite } from "./suite.mjs";

runSuite("WebKit", webkit);
