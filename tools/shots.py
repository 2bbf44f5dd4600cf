"""`./run shots`: a screenshot of every page, as a designer walks through Gezien.

Starts `gezien serve` on a fresh data folder (the browser suite's Server), then with Debian's
Chromium:
- logged out: every page reachable from the home page, plus the pages behind a form (the
  navigator's advice, a questionnaire's result with and without a risk answer, Herkennen's
  result, a form with errors);
- logged in, with realistic data (questionnaire results over months, journal entries over
  weeks, a story, a help question, a share with an access code, a safety plan, a kept
  reflection, a rated exercise): every page reachable from the account page;
- the professional who opens the shared link: the code page and the summary.

Each page is shot full-length at 390×844 (phone) and 1280×800 (desktop) into `shots/`
(git-ignored). `shots/report.txt` lists per page, on the phone: where the h1 starts, the page
height in screens of 844 px and the compressed weight of HTML + CSS + JS.

    ./run shots                  everything
    ./run shots hulplijnen home  only pages whose name contains one of these words
    ./run shots --dark           the dark colour scheme
    ./run shots --en             in English
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.support import Server

OUT = Path(__file__).resolve().parent.parent / "shots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# Links that do something instead of showing a page (as in tests/browser/test_every_page.py).
SKIP = re.compile(r"^/(weg|taal)/|/bestand/$|/export/$|/uitloggen/$")
LIMIT = 300
USERNAME = "merel"
PASSPHRASE = "lamp rivier brood herfst"

# Questionnaire results over time: (questionnaire, days ago, the answer given to every item,
# taken as the nearest value the item offers).
RESULTS = [
    ("phq9", 120, 2),
    ("phq9", 85, 2),
    ("phq9", 50, 1),
    ("phq9", 12, 1),
    ("gad7", 110, 2),
    ("gad7", 40, 1),
    ("who5", 100, 1),
    ("who5", 30, 3),
    ("k10", 60, 3),
]
SEED_RESULTS = """
import datetime
from django.utils import timezone
from gezien.accounts import services
from gezien.measure import catalogue, store
from gezien.measure.scoring import score

unlocked = services.authenticate({username!r}, {passphrase!r})
for instrument_id, days, level in {results!r}:
    instrument = catalogue.instruments()[instrument_id]
    answers = {{
        item.id: min(item.options.values, key=lambda v: abs(v - level))
        for item in instrument.items
    }}
    store.save(
        unlocked.account, unlocked.data_key, instrument, answers, score(instrument, answers),
        "nl", taken_at=timezone.now() - datetime.timedelta(days=days),
    )
"""
JOURNAL = [
    (21, "Verjaardag van mijn moeder. Ik deed weer of alles goed was.", -2, 2, "gespannen"),
    (14, "Lange wandeling met Sam. We praatten over vroeger.", 2, -2, "rustig"),
    (9, "Slecht geslapen. Op het werk kon ik me slecht concentreren.", -2, -4, "moe"),
    (4, "Mijn zus belde. Ze vroeg hoe het echt met me ging.", 4, 2, "blij"),
    (1, "Wachtlijst: nog zes weken. Ik ben teleurgesteld.", -4, -2, "teleurgesteld"),
]


def _weight(page: Page) -> int:
    """HTML + CSS + JS of the open page, each gzip-compressed, in bytes. The HTML is the page
    as it is now (a page shown after a form cannot be fetched again)."""
    urls = page.evaluate(
        """() => performance.getEntriesByType('resource')
            .filter(e => e.initiatorType === 'link' || e.initiatorType === 'script')
            .map(e => e.name)"""
    )
    bodies = [page.content().encode()]
    bodies += [page.context.request.get(url).body() for url in set(urls)]
    return sum(len(gzip.compress(body)) for body in bodies)


def _name(path: str) -> str:
    return path.strip("/").replace("/", "_") or "home"


class Shooter:
    def __init__(self, browser: Browser, server: Server, args: argparse.Namespace) -> None:
        self.browser, self.server, self.args = browser, server, args
        self.report: dict[str, dict] = {}

    def context(self, **options):
        scheme = "dark" if self.args.dark else "light"
        return self.browser.new_context(
            locale="nl-NL", color_scheme=scheme, accept_downloads=True, **options
        )

    def wanted(self, name: str) -> bool:
        return not self.args.only or any(word in name for word in self.args.only)

    def shoot(self, page: Page, name: str) -> None:
        """Shoot the page that is open at both sizes; the phone's figures go in the report."""
        if not self.wanted(name):
            return
        weight = _weight(page)
        for size, folder in ((DESKTOP, "desktop"), (PHONE, "phone")):
            page.set_viewport_size(size)
            page.wait_for_timeout(50)
            (OUT / folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=OUT / folder / f"{name}.png", full_page=True)
        figures = page.evaluate(
            """() => { const h1 = document.querySelector('h1');
              return {h1_top: h1 ? Math.round(h1.getBoundingClientRect().top + scrollY) : null,
                      height: document.documentElement.scrollHeight}; }"""
        )
        figures["screens"] = round(figures["height"] / PHONE["height"], 2)
        figures["weight"] = weight
        figures["path"] = urlsplit(page.url).path
        self.report[name] = figures

    def crawl(self, page: Page, prefix: str, start: list[str]) -> None:
        """Shoot every same-origin page reachable by links from `start`."""
        seen: set[str] = set()
        queue = list(start)
        while queue and len(seen) < LIMIT:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            response = page.goto(self.server.url + path)
            page.wait_for_load_state("load")
            if response is None or response.status >= 400:
                print(f"shots: {path} answered {response and response.status}", file=sys.stderr)
            self.shoot(page, f"{prefix}-{_name(path)}")
            for href in page.eval_on_selector_all(
                "a[href]", "els => els.map(e => e.getAttribute('href'))"
            ):
                target = urlsplit(urljoin(self.server.url + path, href))
                if (
                    target.netloc == urlsplit(self.server.url).netloc
                    and not SKIP.search(target.path)
                    and target.path not in seen
                ):
                    queue.append(target.path)

    def open(self, page: Page, path: str) -> Page:
        page.goto(self.server.url + path)
        return page

    def language(self, page: Page) -> None:
        if self.args.en:
            self.open(page, "/taal/en/?next=/")

    # Pages behind a form, logged out.
    def forms(self, page: Page) -> None:
        self.open(page, "/account/inloggen/")
        page.fill("#id_username", "niemand")
        page.fill("#id_passphrase", "fout")
        page.locator("main button[type=submit]").click()
        self.shoot(page, "out-form-login-error")

        self.open(page, "/hulpwijzer/")
        boxes = page.locator("main form input[type=checkbox]")
        for n in range(min(3, boxes.count())):
            boxes.nth(n).check(force=True)
        for name in set(
            page.eval_on_selector_all("main form input[type=radio]", "els => els.map(e => e.name)")
        ):
            page.locator(f"main form input[type=radio][name='{name}']").first.check(force=True)
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state()
        self.shoot(page, "out-form-hulpwijzer-advies")

        for name, risk in (("out-form-phq9-uitslag", 0), ("out-form-phq9-uitslag-risico", 2)):
            self.open(page, "/vragenlijsten/phq9/")
            for n in range(1, 10):
                page.locator(f"#phq9_{n}-{risk if n == 9 else 1}").check(force=True)
            page.locator("main button[type=submit]").last.click()
            page.wait_for_load_state()
            self.shoot(page, name)

        self.open(page, "/vragenlijsten/phq9/")
        page.locator("#phq9_1-1").check(force=True)
        page.locator("main button[type=submit]").last.click()
        page.wait_for_load_state()
        self.shoot(page, "out-form-phq9-fouten")

        self.open(page, "/herkennen/")
        boxes = page.locator("main form input[type=checkbox]")
        for n in range(min(5, boxes.count())):
            boxes.nth(n).check(force=True)
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state()
        self.shoot(page, "out-form-herkennen-uitslag")

        self.open(page, "/veiligheidsplan/")
        page.locator("main input[type=text]").first.fill("Ik kan niet meer slapen")
        page.locator("main button[value=show]").click()
        page.wait_for_load_state()
        self.shoot(page, "out-form-veiligheidsplan-bekijken")

    def sign_up(self, page: Page) -> None:
        self.open(page, "/account/aanmelden/")
        page.fill("#id_username", USERNAME)
        page.fill("#id_new_passphrase", PASSPHRASE)
        page.check("#id_understood", force=True)
        page.locator("main button[type=submit]").click()
        page.wait_for_url("**/account/herstelcode/")
        self.shoot(page, "in-form-herstelcode")
        code = page.locator(".recovery-code code").inner_text()
        page.fill("#id_last_part", code[-9:])
        page.locator("main button[type=submit]").click()
        page.wait_for_url("**/account/")

    def seed(self, page: Page) -> str:
        """Realistic data for one person; returns the share link (it has an access code)."""
        done = self.server.installation.python(
            SEED_RESULTS.format(username=USERNAME, passphrase=PASSPHRASE, results=RESULTS)
        )
        if done.returncode:
            print(f"shots: questionnaire results not seeded: {done.stderr}", file=sys.stderr)

        today = datetime.date.today()
        for days, text, pleasant, energy, word in JOURNAL:
            self.open(page, "/dagboek/nieuw/")
            day = str(today - datetime.timedelta(days))
            self._try(page, lambda day=day: page.fill("#id_date", day))
            page.fill("#id_happened", text)
            for field, value in (("pleasantness", pleasant), ("energy", energy)):
                self._check(page, f"input[name={field}][value='{value}']")
            self._check(page, f"input[name=words][value='{word}']")
            page.locator("main form button[type=submit]").first.click()
            page.wait_for_load_state()

        self.open(page, "/oefeningen/ademhaling/")
        self._check(page, "input[name=before][value='7']")
        self._check(page, "input[name=after][value='4']")
        self._try(page, lambda: page.locator("main form.exercise-form button[type=submit]").click())

        self.open(page, "/mijn-verhaal/kindertijd/")
        page.fill(
            "#id_childhood_happened",
            "Bij ons thuis werd niet over gevoelens gepraat. "
            "Als ik verdrietig was, moest ik naar mijn kamer.",
        )
        page.fill("#id_childhood_missed", "Iemand die vroeg hoe het met me ging.")
        page.locator("button[name=save]").click()
        self.open(page, "/mijn-verhaal/nu/")
        page.fill("#id_now_happened", "Ik sta op een wachtlijst en ik schrijf elke week iets op.")
        page.locator("button[name=save]").click()
        self.open(page, "/mijn-verhaal/hulpvraag/")
        page.fill("#id_bothers", "Ik voel me vaak leeg en ik weet niet wat ik voel")
        page.check("#id_since_3", force=True)
        page.check("#id_approach_0", force=True)
        page.locator("main form button.button").click()
        page.wait_for_url("**/hulpvraag/tekst/")
        page.locator("button[name=save]").click()
        page.wait_for_url("**/mijn-verhaal/")

        self.open(page, "/veiligheidsplan/aanpassen/")
        lines = page.locator("main form input[type=text]")
        for n, text in enumerate(
            [
                "Ik slaap slecht",
                "Ik trek me terug",
                "Wandelen",
                "Muziek luisteren",
                "Mijn zus Anna, 06 12345678",
                "Huisarts, 030 123 4567",
            ]
        ):
            lines.nth(n * 2).fill(text)
        page.locator("main button[value=save]").click()
        page.wait_for_load_state()
        self.shoot(page, "in-form-veiligheidsplan-bewaard")

        self.open(page, "/herkennen/")
        boxes = page.locator("main form input[type=checkbox]")
        for n in range(min(4, boxes.count())):
            boxes.nth(n).check(force=True)
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state()
        page.locator("main button[value=keep]").click()
        page.wait_for_load_state()

        self.open(page, "/mijn-verhaal/samenvatting/")
        for box in page.locator("input[name=parts]").all():
            box.set_checked(True, force=True)
        page.locator("main form button.button").click()
        page.wait_for_url("**/samenvatting/bekijken/")
        page.check("#id_with_code", force=True)
        page.locator("form[action='/mijn-verhaal/delen/nieuw/'] button.button").click()
        page.wait_for_load_state()
        self.shoot(page, "in-form-link-gemaakt")
        link = page.locator("#share-link").input_value()
        code = page.locator(".share-code code").inner_text()
        return f"{link}\n{code}"

    def _check(self, page: Page, selector: str) -> None:
        """Tick a box or radio as a script would: inside closed details, or drawn over."""
        tick = page.locator(selector).first
        self._try(page, lambda: tick.evaluate("el => el.checked = true", timeout=2000))

    def _try(self, page: Page, action) -> None:
        try:
            action()
        except Exception as problem:  # seeding goes on; the shot shows what is missing
            print(f"shots: skipped a step ({str(problem).splitlines()[0]})", file=sys.stderr)

    def professional(self, share: str) -> None:
        link, code = share.split("\n")
        context = self.context(viewport=PHONE)
        page = context.new_page()
        page.goto(link)
        self.shoot(page, "pro-code")
        page.fill("#id_code", code)
        page.locator("main form button.button").click()
        page.wait_for_load_state()
        self.shoot(page, "pro-samenvatting")
        context.close()

    def run(self) -> None:
        context = self.context(viewport=PHONE)
        page = context.new_page()
        self.language(page)
        self.crawl(page, "out", ["/", "/bestaat-niet/"])
        self.forms(page)
        context.close()

        context = self.context(viewport=PHONE)
        page = context.new_page()
        self.language(page)
        self.sign_up(page)
        share = self.seed(page)
        self.crawl(page, "in", ["/account/"])
        context.close()
        self.professional(share)


def _write_report(report: dict[str, dict]) -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "report.json").write_text(json.dumps(report, indent=1, sort_keys=True))
    lines = [f"{'page':60} {'h1 top':>7} {'screens':>8} {'KB gz':>6}"]
    for name, f in sorted(report.items()):
        weight = f"{f['weight'] / 1024:.1f}" if f["weight"] else "-"
        lines.append(f"{name:60} {f['h1_top'] or '-':>7} {f['screens']:>8} {weight:>6}")
    (OUT / "report.txt").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("only", nargs="*", help="only pages whose name contains one of these")
    parser.add_argument("--dark", action="store_true", help="the dark colour scheme")
    parser.add_argument("--en", action="store_true", help="in English")
    args = parser.parse_args()
    if not args.only and OUT.exists():
        for folder in ("phone", "desktop"):
            shutil.rmtree(OUT / folder, ignore_errors=True)
    server = Server()
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            shooter = Shooter(browser, server, args)
            try:
                shooter.run()
            finally:
                browser.close()
                _write_report(shooter.report)
    finally:
        server.stop()
    print(f"shots: {len(shooter.report)} pages in {OUT}")


if __name__ == "__main__":
    main()
