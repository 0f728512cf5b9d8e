// The main journeys in Firefox ESR (Debian's firefox-esr), over WebDriver BiDi.
import { firefox } from "./browsers.mjs";
import { runSuite } from "./suite.mjs";

runSuite("Firefox", firefox);
