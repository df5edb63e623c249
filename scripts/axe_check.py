#!/usr/bin/env python3
"""Accessibility check of a running MAEX node: axe-core (WCAG 2.1 A and AA rules) and a
keyboard walk through the forms, in headless Chromium driven by selenium.

    scripts/axe_check.py --base http://127.0.0.1:8080 [--token ADMIN_TOKEN] [--json report.json]

Every page and form is checked at 1280 px and 375 px width: the home page, the municipality,
province and national pages, an initiative's profile, the registration questionnaire empty and
sent with mistakes (typed and submitted with the keyboard), the edit form of an initiative
empty and sent with mistakes (with --token: HTTP Basic with the admin token), the privacy
page and the accessibility statement. axe-core comes from the axe-playwright-python wheel
(its axe.min.js; --axe PATH overrides), Chromium and chromedriver from Debian; selenium runs
offline (SE_OFFLINE=true: no driver download).

Exit status: 0 with no violation; 1 with violations (listed per page, width, rule and
element); 2 when the check could not run (tools missing, node unreachable).
"""

import argparse
import base64
import importlib.util
import json
import os
import shutil
import signal
import sys
import urllib.request

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = [1280, 375]
HEIGHT = 900
#: The mistakes typed into the registration form: no name, a website without https://, a
#: KvK number of four digits.
REGISTRATION_MISTAKES = {"name": "", "website": "dekaai.nl", "kvk": "1234"}
#: The mistakes typed into the edit form.
EDIT_MISTAKES = {"website": "geen-adres", "year_founded": "negentienhonderd"}


class CheckError(Exception):
    """The check could not run (exit status 2)."""


def find_axe(explicit):
    """The path of axe.min.js: --axe, or the copy inside the axe-playwright-python wheel."""
    if explicit:
        if not os.path.isfile(explicit):
            raise CheckError(f"--axe {explicit}: no such file")
        return explicit
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise CheckError("axe-core not found: pip install axe-playwright-python (it ships axe.min.js)")
    path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
    if not os.path.isfile(path):
        raise CheckError(f"axe-playwright-python is installed but {path} is missing")
    return path


def find_tool(names, hint):
    """The first of `names` found as a file or on PATH."""
    for name in names:
        if os.path.isabs(name) and os.access(name, os.X_OK):
            return name
        found = shutil.which(name)
        if found:
            return found
    raise CheckError(f"{names[0]} not found ({hint})")


def start_browser():
    """A headless Chromium session through the system chromedriver."""
    os.environ["SE_OFFLINE"] = "true"
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as error:
        raise CheckError(f"selenium not importable ({error}): pip install selenium") from error
    # The Debian launcher /usr/bin/chromium is a shell script; chromedriver wants the binary.
    browser = find_tool(["/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome"],
                        "apt-get install -y chromium")
    driver_path = find_tool(["/usr/bin/chromedriver", "chromedriver", "/usr/lib/chromium/chromedriver"],
                            "apt-get install -y chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={WIDTHS[0]},{HEIGHT}",
                     "--lang=nl-NL", "--disable-extensions", "--no-first-run"]:
        options.add_argument(argument)
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except Exception as error:  # selenium raises many kinds; all mean "cannot start"
        raise CheckError(f"cannot start Chromium through {driver_path}: {error}") from error
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Network.enable", {})
    return driver


def set_width(driver, width):
    """Emulates a viewport `width` px wide (a phone below 600 px, honouring the meta viewport)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})


def set_admin(driver, token):
    """Sends HTTP Basic with the admin token on every request (or nothing with `None`)."""
    headers = {}
    if token:
        headers["Authorization"] = "Basic " + base64.b64encode(f"beheer:{token}".encode()).decode()
    driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": headers})


def run_axe(driver, axe_source):
    """axe-core's result for the current page, restricted to the WCAG 2.1 A/AA tags."""
    driver.execute_script(axe_source)
    script = """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations', 'incomplete']})
           .then(r => done(JSON.stringify({violations: r.violations, incomplete: r.incomplete.map(i => i.id)})))
           .catch(e => done(JSON.stringify({error: String(e)})));
    """
    result = json.loads(driver.execute_async_script(script, TAGS))
    if "error" in result:
        raise CheckError(f"axe failed on {driver.current_url}: {result['error']}")
    return result


#: Walks the page with Tab (as a keyboard user does) and reports focusable controls that Tab
#: never reaches and focused elements without a visible focus indicator.
KEYBOARD_SCRIPT = """
    const selector = 'a[href], input:not([type=hidden]), select, textarea, button, [tabindex]:not([tabindex="-1"])';
    const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
        return (r.width > 0 || r.height > 0) && s.visibility !== 'hidden' && !e.disabled; };
    return Array.from(document.querySelectorAll(selector)).filter(visible).length;
"""

FOCUS_STYLE_SCRIPT = """
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow && s.boxShadow !== 'none';
    const path = e.id ? '#' + e.id : e.tagName.toLowerCase() + (e.name ? '[name="' + e.name + '"]' : '')
        + (e.getAttribute('href') ? '[href="' + e.getAttribute('href') + '"]' : '');
    return {path: path, visible: outline || shadow, index: Array.from(document.querySelectorAll('*')).indexOf(e)};
"""


def keyboard_walk(driver):
    """Problems found tabbing through the page: unreachable controls, focus without indicator."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    expected = driver.execute_script(KEYBOARD_SCRIPT)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    seen, problems = {}, []
    for _ in range(expected + 5):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focus = driver.execute_script(FOCUS_STYLE_SCRIPT)
        if focus is None:
            continue
        if focus["index"] in seen:
            break
        seen[focus["index"]] = focus["path"]
        if not focus["visible"]:
            problems.append(("focus-visible", f"no visible focus indicator on {focus['path']}"))
    if len(seen) < expected:
        problems.append(("keyboard", f"Tab reached {len(seen)} of {expected} focusable controls"))
    return problems


def type_into(driver, values):
    """Types `values` into the named fields with the keyboard (clearing them first)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    for name, text in values.items():
        element = driver.find_element(By.NAME, name)
        element.send_keys(Keys.CONTROL, "a")
        element.send_keys(Keys.DELETE)
        if text:
            element.send_keys(text)


def submit_with_keyboard(driver):
    """Focuses the form's submit button and presses Enter; waits for the answer page."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    button = driver.find_element(By.CSS_SELECTOR, "form.register button[type=submit]")
    old = driver.find_element(By.TAG_NAME, "html")
    button.send_keys(Keys.ENTER)
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)


def expect_errors(driver, what):
    """The answer page must show the error summary (the mistakes were caught)."""
    from selenium.webdriver.common.by import By
    if not driver.find_elements(By.CSS_SELECTOR, ".errors[role=alert] li"):
        raise CheckError(f"{what}: the answer shows no error summary ({driver.current_url}: {driver.title})")


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.load(answer)


def pages(base, initiative, token):
    """The pages to check: (name, path, prepare) where prepare drives a form before the check."""
    result = [
        ("home", "/", None), ("gemeente", "/gemeente/GM0718", None),
        ("gemeente-filter", "/gemeente/GM0718?sdg=12&q=repair", None),
        ("provincie", "/provincie/PV29", None), ("nederland", "/nederland", None),
        ("initiatief", f"/initiatief/{initiative}", None), ("aanmelden", "/aanmelden", None),
        ("aanmelden-fouten", "/aanmelden", ("registration", REGISTRATION_MISTAKES)),
        ("privacy", "/privacy", None), ("toegankelijkheid", "/toegankelijkheid", None),
        ("open-data", "/open-data", None), ("aanbod", "/aanbod", None), ("aanbod-zoeken", "/aanbod?q=repair", None),
        ("partner", "/partner/gemeente-vlissingen", None), ("impuls", "/impuls", None),
        ("niet-gevonden", "/initiatief/00000000-0000-4000-8000-000000000000", None),
    ]
    if token:
        result += [("beheer", f"/beheer/initiatief/{initiative}", None),
                   ("beheer-fouten", f"/beheer/initiatief/{initiative}", ("edit form", EDIT_MISTAKES))]
    return result


def check(arguments):
    base = arguments.base.rstrip("/")
    axe_source = open(find_axe(arguments.axe), encoding="utf-8").read()
    try:
        found = get_json(f"{base}/v1/initiatives?limit=1")
    except OSError as error:
        raise CheckError(f"node not reachable at {base}: {error}") from error
    initiative = arguments.initiative or (found["initiatives"][0]["id"] if found.get("initiatives") else None)
    if not initiative:
        raise CheckError(f"{base} holds no initiative; seed the node first (or pass --initiative)")
    driver = start_browser()
    findings, report = [], []
    try:
        for name, path, prepare in pages(base, initiative, arguments.token):
            set_admin(driver, arguments.token if path.startswith("/beheer/") else None)
            for width in WIDTHS:
                set_width(driver, width)
                driver.get(base + path)
                keyboard = prepare is not None or path in ("/aanmelden",) or path.startswith("/beheer/")
                if prepare:
                    what, mistakes = prepare
                    type_into(driver, mistakes)
                    submit_with_keyboard(driver)
                    expect_errors(driver, what)
                result = run_axe(driver, axe_source)
                problems = [(v["id"], f"{v['impact']}: {v['help']} ({v['helpUrl']})\n"
                             + "\n".join(f"        {' '.join(n['target'])}: {n.get('failureSummary', '').splitlines()[-1] if n.get('failureSummary') else ''}"
                                         for n in v["nodes"][:8]))
                            for v in result["violations"]]
                if keyboard:
                    problems += keyboard_walk(driver)
                report.append({"page": name, "path": path, "width": width, "violations": result["violations"],
                               "keyboard": [p for p in problems if p[0] in ("keyboard", "focus-visible")],
                               "incomplete": result["incomplete"]})
                status = "ok" if not problems else f"{len(problems)} problem(s)"
                review = ", ".join(result["incomplete"]) or "none"
                print(f"{name:18} {width:>4}px  {status}  (axe: needs review by a person: {review})", flush=True)
                findings += [(name, path, width, rule, text) for rule, text in problems]
    finally:
        driver.quit()
    if arguments.json:
        with open(arguments.json, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=1)
    return findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the node's base URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("--token", help="the node's admin token (checks the edit form too)")
    parser.add_argument("--initiative", help="the initiative whose pages to check (default: the first listed)")
    parser.add_argument("--axe", help="path of axe.min.js (default: the one in axe-playwright-python)")
    parser.add_argument("--json", help="write the full report to this file")
    arguments = parser.parse_args()
    # A SIGTERM (a test's timeout) unwinds through `finally`, so Chromium is quit, not orphaned.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    try:
        findings = check(arguments)
    except CheckError as error:
        print(f"axe_check: cannot run: {error}", file=sys.stderr)
        return 2
    if findings:
        print(f"\naxe_check: {len(findings)} accessibility violation(s) (WCAG 2.1 A/AA):")
        for name, path, width, rule, text in findings:
            print(f"  {name} ({path}) at {width}px: [{rule}] {text}")
        return 1
    print("axe_check: 0 violations (WCAG 2.1 A/AA, axe-core; keyboard walk of the forms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
