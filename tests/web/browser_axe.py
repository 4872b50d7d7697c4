"""Accessibility checks of each page the browser test visits, in the same
Chromium session (imported by browser_test.py):

- axe-core (npm, installed by scripts/install-deps.sh outside the tree)
  injected into the page and run with the WCAG 2.1 A and AA rules and axe's
  best practices (headings in order, landmarks…), its messages in French;
  any violation fails the test at the end, every one listed with its page,
  rule, elements and the reason axe gives;
- the keyboard: Tab through the whole page, each focused element visible
  on screen with a visible focus indicator (outline or box-shadow);
- reflow (WCAG 1.4.10): at 320 CSS pixels wide, no page scrolls sideways
  (the spreadsheet grid scrolls inside its own region, which is allowed).

What axe reports as « incomplete » (needs a human: text over an image…) is
printed, not failed.
"""
import json
import os
import sys
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
REFLOW_WIDTH = 320  # CSS pixels: WCAG 2.1, success criterion 1.4.10
MAX_TAB_STOPS = 120  # more than any page has; a page that never cycles back fails

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations", "incomplete"]})
  .then(r => done(JSON.stringify({version: axe.version, violations: r.violations, incomplete: r.incomplete})))
  .catch(e => done(JSON.stringify({error: String(e)})));
"""

FOCUS_STATE = """
const e = document.activeElement;
if (!e || e === document.body || e === document.documentElement) return null;
const s = getComputedStyle(e), r = e.getBoundingClientRect();
const indicator = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " « " + (e.innerText || e.value || e.getAttribute("aria-label") || "").trim().slice(0, 50) + " »";
return {name: name, indicator: indicator, onScreen: onScreen, key: e};
"""


def set_viewport(driver, width, height):
    """Resizes the window so that the page sees a viewport of width × height
    CSS pixels (the window's own frame added), once the page has seen it."""
    window = driver.get_window_size()
    frame = driver.execute_script("return [arguments[0] - innerWidth, arguments[1] - innerHeight]",
                                  window["width"], window["height"])
    driver.set_window_size(width + frame[0], height + frame[1])
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return [innerWidth, innerHeight]") == [width, height])


def axe_folder():
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.environ.get("LETTRINE_AXE_DIR") or os.path.join(cache, "lettrine", "axe-core")


class Audit:
    """Collects the problems of every audited page; `finish` fails on any."""

    def __init__(self):
        package = os.path.join(axe_folder(), "node_modules", "axe-core")
        try:
            with open(os.path.join(package, "axe.min.js"), encoding="utf-8") as f:
                self.source = f.read()
            with open(os.path.join(package, "locales", "fr.json"), encoding="utf-8") as f:
                self.locale = json.load(f)
        except OSError as error:
            sys.exit("axe-core introuvable (%s) : lancez scripts/install-deps.sh" % error)
        self.problems = []
        self.pages = []
        self.seen = set()  # what axe left undecided, printed once
        self.seconds = 0.0

    def attach(self, driver):
        """Has Chromium load axe-core into every page as it opens (once, rather
        than sending half a megabyte of script through the driver per page)."""
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": self.source})

    def page(self, driver, name):
        """Runs every check on the page the driver shows now."""
        self.pages.append(name)
        started = time.time()
        where = "%s (/%s)" % (name, driver.current_url.split("/", 3)[-1])
        self._axe(driver, where)
        self._keyboard(driver, where)
        self._reflow(driver, where)
        self.seconds += time.time() - started

    def _axe(self, driver, where):
        if driver.execute_script("return typeof window.axe") != "object":
            driver.execute_script(self.source)  # a page opened before attach()
        driver.execute_script("axe.configure({locale: arguments[0]})", self.locale)
        driver.set_script_timeout(60)
        result = json.loads(driver.execute_async_script(RUN_AXE, AXE_TAGS))
        if "error" in result:
            self.problems.append("%s : axe-core a échoué : %s" % (where, result["error"]))
            return
        self.version = result["version"]
        for rule in result["violations"]:
            criteria = " ".join(t for t in rule["tags"] if t.startswith("wcag")) or "bonne pratique"
            lines = ["%s : règle %s (%s ; %s) : %s" % (where, rule["id"], rule["impact"], criteria, rule["help"]),
                     "    " + rule["helpUrl"]]
            for node in rule["nodes"]:
                lines.append("    - %s" % " ".join(map(str, node["target"])))
                lines.extend("        " + l for l in node["failureSummary"].splitlines())
            self.problems.append("\n".join(lines))
        for rule in result["incomplete"]:
            targets = ", ".join(" ".join(map(str, n["target"])) for n in rule["nodes"][:3])
            if (rule["id"], targets) not in self.seen:
                self.seen.add((rule["id"], targets))
                print("à vérifier à la main : %s : %s (%s)" % (where, rule["help"], targets))

    def _keyboard(self, driver, where):
        """Tab from the top of the page until the focus comes back round."""
        driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();")
        first, stops = None, 0
        for _ in range(MAX_TAB_STOPS):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            state = driver.execute_script(FOCUS_STATE)
            if state is None:
                if first is not None:
                    break
                continue
            if first is not None and state["key"] == first:
                break
            first = first or state["key"]
            stops += 1
            if not state["indicator"]:
                self.problems.append("%s : focus sans indicateur visible sur %s" % (where, state["name"]))
            if not state["onScreen"]:
                self.problems.append("%s : élément focalisé hors de l’écran : %s" % (where, state["name"]))
        else:
            self.problems.append("%s : la touche Tab ne revient jamais au début de la page" % where)
        if stops == 0:
            self.problems.append("%s : aucun élément atteint par la touche Tab" % where)

    def _reflow(self, driver, where):
        width, height = driver.execute_script("return [innerWidth, innerHeight]")
        set_viewport(driver, REFLOW_WIDTH, height)
        content = driver.execute_script("return document.documentElement.scrollWidth")
        set_viewport(driver, width, height)
        if content > REFLOW_WIDTH:
            self.problems.append("%s : à %d px de large, la page défile horizontalement (%d px de contenu)"
                                 % (where, REFLOW_WIDTH, content))

    def finish(self):
        print("accessibilité : %d pages vérifiées en %.0f s avec axe-core %s (%s) : %s"
              % (len(self.pages), self.seconds, getattr(self, "version", "?"), ", ".join(AXE_TAGS),
                 ", ".join(self.pages)))
        if self.problems:
            raise AssertionError("%d problèmes d’accessibilité :\n%s" % (len(self.problems), "\n".join(self.problems)))
