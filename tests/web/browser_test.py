#!/usr/bin/python3
"""The December flow in a real browser (Debian's chromium, headless, driven
by chromedriver through python3-selenium), against a real `lettrine serveur`
on a free port of 127.0.0.1:

1. home and Décembre pages (French, skip link, labels);
2. the default workbook uploaded through the file input → 4 cards with
   previews, a letter opened, the ZIP downloaded and checked against the
   recorded outputs of the command line;
3. a workbook with planted mistakes → the error summary takes the focus,
   every faulty cell is marked in the grid, a summary link moves to its cell;
4. keyboard only (Tab, Shift+Tab, Enter): skip link, file field, button,
   the job's waiting page, the ZIP link, a card opened, each with a visible
   focus;
5. the référents: links made from the programme, a bilan of another sector
   refused through Habitat's link, Habitat's own bilan giving its note, with
   « DOCX » ticked: its .docx downloaded and read back as a Word document;
6. the staff's workflow pages: Rapport d'activité (a refused note, then
   the report and its contents page), Assemblée générale, Publipostage
   (browser_work_flows.py);
7. the contrast of the main colours, computed from the served CSS;
8. on every page above, and on the page of an unknown address: axe-core's
   WCAG 2.1 A/AA rules and best practices, a Tab through the page with a visible focus, no
   sideways scrolling at 320 px (browser_axe.py), failed together at the end.

Screenshots of each page go to --captures (docs/ for the documentation), a
few at a phone's width too (390 px).

    browser_test.py --lettrine build/lettrine --source . --captures build/web-captures
"""
import argparse
import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import browser_axe
from browser_axe import set_viewport
import browser_progress
import browser_work_flows

PHONE_WIDTH = 390  # CSS pixels, a common phone's

# The accessibility checks (browser_axe.Audit), run on each page screenshot() saves.
audit = None


def start_server(lettrine, source, folder, extra=()):
    process = subprocess.Popen(
        [lettrine, "serveur", "--port", "0", "--dossier", folder, "--modeles", os.path.join(source, "templates"), *extra],
        cwd=source, stderr=subprocess.PIPE, text=True)
    line = process.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        process.kill()
        sys.exit("le serveur n'a pas démarré : " + line)
    return process, int(match.group(1))


def browser(downloads, profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                 "--user-data-dir=" + profile, "--lang=fr-FR"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": False,
        "intl.accept_languages": "fr-FR,fr",
    })
    # French browser chrome too (the file field's own button), as the association's computers have.
    environment = dict(os.environ, LANGUAGE="fr", LANG="fr_FR.UTF-8")
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver", env=environment), options=options)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def save_screenshot(driver, captures, name, width=1280):
    # The whole page, not only the window (twice: the scroll bar goes once
    # the page fits, which can change its height).
    viewport = driver.execute_script("return [innerWidth, innerHeight]")
    height = 700
    for _ in range(2):
        set_viewport(driver, width, height)
        height = min(max(driver.execute_script("return document.documentElement.scrollHeight"), 700), 4000)
    set_viewport(driver, width, height)
    driver.save_screenshot(os.path.join(captures, name))
    set_viewport(driver, *viewport)


def screenshot(driver, captures, name):
    """The page saved as docs' picture, then its accessibility checked."""
    save_screenshot(driver, captures, name)
    if audit:
        audit.page(driver, name[len("web-"):-len(".png")])


def phone_screenshot(driver, captures, name):
    save_screenshot(driver, captures, name, PHONE_WIDTH)


def common_checks(driver, title_start):
    check(driver.execute_script("return document.documentElement.lang") == "fr", "lang=fr manquant")
    check(driver.title.startswith(title_start), "titre inattendu : " + driver.title)
    skip = driver.find_element(By.CSS_SELECTOR, "a.evitement")
    check(skip.get_attribute("href").endswith("#contenu"), "lien d'évitement manquant")


def expected_hashes(source):
    hashes = {}
    with open(os.path.join(source, "scripts", "sample-hashes.txt"), encoding="utf-8") as f:
        for line in f:
            digest, path = line.split()
            if path.startswith("./decembre/"):
                hashes[path[len("./decembre/"):]] = digest
    return hashes


def wait_for_download(folder, suffix, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        done = [n for n in os.listdir(folder) if n.endswith(suffix)]
        if done:
            return os.path.join(folder, done[0])
        time.sleep(0.2)
    raise AssertionError("téléchargement non reçu : " + suffix)


def december_flow(driver, base, source, captures, downloads):
    driver.get(base + "/")
    common_checks(driver, "Accueil")
    screenshot(driver, captures, "web-accueil.png")
    phone_screenshot(driver, captures, "web-accueil-telephone.png")
    driver.find_element(By.CSS_SELECTOR, "main a[href='/decembre']").click()
    common_checks(driver, "Décembre")
    label = driver.find_element(By.CSS_SELECTOR, "label[for=fichiers]")
    check("Programme" in label.text, "étiquette du champ manquante")
    screenshot(driver, captures, "web-decembre.png")
    driver.find_element(By.ID, "fichiers").send_keys(os.path.join(source, "input", "programme-2016.xlsx"))
    started = time.time()
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 60).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "li.carte")) == 4)
    print("cartes affichées %.2f s après l'envoi" % (time.time() - started))
    images = driver.find_elements(By.CSS_SELECTOR, "li.carte img")
    # The previews are drawn when the page asks for them (engine/web/previews.hpp).
    WebDriverWait(driver, 30).until(lambda d: all(
        d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", i) for i in images))
    print("aperçus affichés %.2f s après l'envoi" % (time.time() - started))
    check(any(i.get_attribute("alt") == "Première page de la lettre de mission — Habitat" for i in images),
          "texte de remplacement de l'aperçu")
    screenshot(driver, captures, "web-resultats.png")
    phone_screenshot(driver, captures, "web-resultats-telephone.png")
    results = driver.current_url

    driver.find_element(By.PARTIAL_LINK_TEXT, "Tout télécharger (ZIP").click()
    archive = wait_for_download(downloads, ".zip")
    hashes = expected_hashes(source)
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        check(names == sorted(hashes), "contenu de l'archive : %r" % names)
        for name in names:
            check(hashlib.sha256(z.read(name)).hexdigest() == hashes[name], "octets différents : " + name)

    driver.find_element(By.CSS_SELECTOR, "li.carte a").click()
    WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith(".pdf"))
    kind = driver.execute_script(
        "return fetch(location.href).then(r => r.headers.get('content-type') + ' ' + r.headers.get('content-disposition'))")
    check(kind.startswith("application/pdf inline"), "la lettre ne s'ouvre pas dans le navigateur : " + kind)
    driver.get(results)


def faulty_flow(driver, base, source, captures, work):
    faulty = os.path.join(work, "programme-faux.xlsx")
    planted = subprocess.run(["/usr/bin/python3", os.path.join(source, "tests", "web", "plant_mistakes.py"),
                              os.path.join(source, "input", "programme-2016.xlsx"), faulty],
                             check=True, capture_output=True, text=True).stdout.split()
    driver.get(base + "/decembre")
    driver.find_element(By.ID, "fichiers").send_keys(faulty)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-resume-erreurs]"))
    common_checks(driver, "Erreur\u00a0: ")
    summary = driver.find_element(By.CSS_SELECTOR, "[data-resume-erreurs]")
    check(driver.switch_to.active_element == summary, "le résumé des erreurs n'a pas le focus")
    check("Il y a un problème" in summary.text, "titre du résumé")
    marked = driver.find_elements(By.CSS_SELECTOR, "td.fautive")
    check(len(marked) == len(planted), "%d cellules marquées pour %d erreurs plantées" % (len(marked), len(planted)))
    for place in planted:
        cell = place.split("!")[1]
        target = driver.find_element(By.ID, "f2-" + cell)
        check("Erreur" in target.text, "marque textuelle absente en " + cell)
    screenshot(driver, captures, "web-erreurs.png")
    phone_screenshot(driver, captures, "web-erreurs-telephone.png")
    driver.find_element(By.CSS_SELECTOR, "a[href='#f2-K4']").click()
    check(driver.switch_to.active_element.get_attribute("id") == "f2-K4", "le lien ne mène pas à la cellule K4")
    driver.execute_script("window.scrollTo(0, 0)")
    screenshot_cell(driver, captures)


def screenshot_cell(driver, captures):
    cell = driver.find_element(By.ID, "f2-K4")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", cell)
    driver.save_screenshot(os.path.join(captures, "web-erreurs-cellule.png"))


def focus_visible(driver):
    style = driver.execute_script(
        "const s = getComputedStyle(document.activeElement);"
        "return [s.outlineStyle, s.outlineWidth, s.boxShadow];")
    return (style[0] != "none" and style[1] != "0px") or style[2] != "none"


def press(driver, key):
    # Keys go to whatever has the focus, as a keyboard's do (an element's
    # send_keys would type into a file field).
    ActionChains(driver).send_keys(key).perform()


def tab_until(driver, predicate, limit=40):
    for _ in range(limit):
        press(driver, Keys.TAB)
        element = driver.switch_to.active_element
        check(focus_visible(driver), "focus invisible sur " + element.tag_name + " " + element.text)
        if predicate(element):
            return element
    raise AssertionError("élément jamais atteint au clavier")


def keyboard_flow(driver, base, source, downloads):
    driver.get(base + "/decembre")
    press(driver, Keys.TAB)
    skip = driver.switch_to.active_element
    check(skip.get_attribute("class") == "evitement", "le premier arrêt n'est pas le lien d'évitement")
    check(skip.is_displayed() and focus_visible(driver), "lien d'évitement invisible au focus")
    press(driver, Keys.ENTER)
    check(driver.switch_to.active_element.get_attribute("id") == "contenu", "le lien d'évitement ne mène pas au contenu")
    field = tab_until(driver, lambda e: e.get_attribute("id") == "fichiers")
    # A file chooser cannot be driven headless: the path is typed into the
    # focused field, as the system's dialog would fill it.
    field.send_keys(os.path.join(source, "input", "programme-2016.xlsx"))
    tab_until(driver, lambda e: e.tag_name == "button")
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    check(driver.switch_to.active_element.get_attribute("id") == "format-docx", "Maj+Tab ne revient pas à la case DOCX")
    tab_until(driver, lambda e: e.tag_name == "button")
    with job_page_held(driver):
        press(driver, Keys.ENTER)
        WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-travail]"))
        common_checks(driver, "Préparation des documents")
        if audit:
            audit.page(driver, "travail")
        check(driver.find_elements(By.CSS_SELECTOR, "[data-travail]"),
              "la page d'attente est partie pendant sa vérification (l'adresse de son état a-t-elle changé ?)")
    WebDriverWait(driver, 60).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "li.carte")) == 4)
    for name in os.listdir(downloads):
        os.remove(os.path.join(downloads, name))
    tab_until(driver, lambda e: "Tout télécharger" in e.text)
    press(driver, Keys.ENTER)
    wait_for_download(downloads, ".zip")
    tab_until(driver, lambda e: driver.execute_script("return arguments[0].matches('li.carte a')", e))
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith(".pdf"))


@contextlib.contextmanager
def job_page_held(driver):
    """Keeps a job's waiting page on screen while it is checked: its state
    polls are refused (lettrine.js tries again each second), then let through."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/travaux/*.json"]})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


def referent_flow(driver, base, source, captures, downloads):
    driver.get(base + "/referents")
    common_checks(driver, "Bilans des structures")
    driver.find_element(By.ID, "fichiers").send_keys(os.path.join(source, "input", "programme-2016.xlsx"))
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 60).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "table.liens tbody tr")) == 4)
    screenshot(driver, captures, "web-referents.png")
    links = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "table.liens tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        links[cells[0].text] = cells[1].find_element(By.TAG_NAME, "a").get_attribute("href")
    check(set(links) == {"Services aux personnes", "Circuits courts et alimentation", "Habitat", "Déchets et ressources"},
          "liens : %r" % sorted(links))

    # A bilan of another sector, through Habitat's link: refused, in French.
    driver.get(links["Habitat"])
    common_checks(driver, "Bilan 2016 — Habitat")
    screenshot(driver, captures, "web-referent.png")
    driver.find_element(By.ID, "fichiers").send_keys(os.path.join(source, "input", "bilans", "bilan-2016-circuits-courts.xlsx"))
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-resume-erreurs]"))
    check("ce bilan est celui du secteur" in driver.find_element(By.CSS_SELECTOR, "[data-resume-erreurs]").text,
          "bilan d'un autre secteur non refusé")
    audit.page(driver, "referent-refus")

    # Its own bilan, the note asked for in DOCX too: previewed, and its .docx downloaded.
    driver.get(links["Habitat"])
    driver.find_element(By.ID, "fichiers").send_keys(os.path.join(source, "input", "bilans", "bilan-2016-habitat.xlsx"))
    driver.find_element(By.CSS_SELECTOR, "label[for=format-docx]").click()
    check(driver.find_element(By.ID, "format-docx").is_selected(), "la case DOCX ne se coche pas par son étiquette")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.carte img"))
    image = driver.find_element(By.CSS_SELECTOR, "li.carte img")
    check(image.get_attribute("alt") == "Première page de la note de bilan — Habitat", "aperçu de la note")
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image))
    screenshot(driver, captures, "web-note.png")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Modifier dans Word").click()
    with zipfile.ZipFile(wait_for_download(downloads, ".docx")) as z:
        check("word/document.xml" in z.namelist(), "le .docx de la note n'est pas un document Word")
    # The choice is remembered for the session: the later flows start from PDF only.
    driver.delete_cookie("lettrine_formats")


def access_flow(driver, lettrine, source, captures, work):
    """A server with --acces: the login page, a wrong password, the session, an upload, logout."""
    folder = os.path.join(work, "dossier-acces")
    os.makedirs(os.path.join(folder, "input"))
    shutil.copy(os.path.join(source, "input", "logo-ecossolies.png"), os.path.join(folder, "input"))
    accounts = os.path.join(work, "comptes.txt")
    subprocess.run([lettrine, "serveur", "--acces", accounts, "--ajouter-compte", "marie"],
                   input="pommes de terre 42\n", text=True, check=True, capture_output=True)
    server, port = start_server(lettrine, source, folder, ("--acces", accounts))
    try:
        base = "http://127.0.0.1:%d" % port
        driver.delete_all_cookies()
        driver.get(base + "/decembre")
        check(driver.current_url == base + "/connexion?suite=/decembre", "pas envoyé à la connexion : " + driver.current_url)
        common_checks(driver, "Connexion")
        screenshot(driver, captures, "web-connexion.png")
        driver.find_element(By.ID, "nom").send_keys("marie")
        driver.find_element(By.ID, "mot_de_passe").send_keys("pommes de terre 43")
        driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
        WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-resume-erreurs]"))
        check("Nom ou mot de passe incorrect" in driver.find_element(By.CSS_SELECTOR, "[data-resume-erreurs]").text,
              "mauvais mot de passe non signalé")
        screenshot(driver, captures, "web-connexion-erreur.png")
        driver.find_element(By.ID, "mot_de_passe").send_keys("pommes de terre 42")
        driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
        WebDriverWait(driver, 20).until(lambda d: d.current_url == base + "/decembre")
        check("marie" in driver.find_element(By.CSS_SELECTOR, ".compte").text, "compte absent du bandeau")
        for selector in (".bandeau .bouton-discret", ".compte span"):
            fg, bg = (re.findall(r"\d+", c)[:3] for c in colours(driver, selector))
            check(contrast(fg, bg) >= 4.5, "contraste %.2f:1 pour %s" % (contrast(fg, bg), selector))
        driver.find_element(By.ID, "fichiers").send_keys(os.path.join(source, "input", "programme-2016.xlsx"))
        driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
        WebDriverWait(driver, 60).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "li.carte")) == 4)
        driver.get(base + "/decembre")
        screenshot(driver, captures, "web-decembre-compte.png")
        # The logout button by keyboard: Tab to it, Space presses it.
        tab_until(driver, lambda e: e.text == "Se déconnecter")
        press(driver, Keys.SPACE)
        WebDriverWait(driver, 20).until(lambda d: d.current_url == base + "/connexion")
        driver.get(base + "/")
        check(driver.current_url == base + "/connexion", "session encore ouverte après la déconnexion")
    finally:
        server.terminate()
        server.wait(timeout=20)


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(x)) for x in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colours(driver, selector):
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); let s = getComputedStyle(e); const fg = s.color;"
        "let n = e; let bg = 'rgba(0, 0, 0, 0)';"
        "while (n && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) { bg = getComputedStyle(n).backgroundColor; n = n.parentElement; }"
        "return [fg, bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : bg];", selector)


def contrast_checks(driver, base):
    pages = {"/decembre": ["main p.aide", "label", "button", ".bandeau a", ".pied p", "main p.introduction"]}
    for page, selectors in pages.items():
        driver.get(base + page)
        for selector in selectors:
            fg, bg = (re.findall(r"\d+", c)[:3] for c in colours(driver, selector))
            ratio = contrast(fg, bg)
            check(ratio >= 4.5, "contraste %.2f:1 pour %s" % (ratio, selector))
    driver.get(base + "/decembre")


def other_pages(driver, base):
    """The pages no flow above checks: the staff's empty forms, an unknown address."""
    for path, title, name in (("/rapport", "Rapport d’activité", "rapport-formulaire"),
                              ("/assemblee", "Assemblée générale", "assemblee-formulaire"),
                              ("/publipostage", "Publipostage", "publipostage-formulaire"),
                              ("/page-inconnue", "Erreur\u00a0: Page introuvable", "introuvable")):
        driver.get(base + path)
        common_checks(driver, title)
        audit.page(driver, name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lettrine", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--captures", required=True)
    args = parser.parse_args()
    source = os.path.abspath(args.source)
    os.makedirs(args.captures, exist_ok=True)
    work = tempfile.mkdtemp(prefix="lettrine-navigateur-")
    folder, downloads, profile = (os.path.join(work, n) for n in ("dossier", "telechargements", "profil"))
    for f in (folder, downloads, profile):
        os.makedirs(f)
    os.makedirs(os.path.join(folder, "input"))
    shutil.copy(os.path.join(source, "input", "logo-ecossolies.png"), os.path.join(folder, "input"))
    server, port = start_server(os.path.abspath(args.lettrine), source, folder)
    driver = None
    global audit
    audit = browser_axe.Audit()
    started = time.time()
    try:
        driver = browser(downloads, profile)
        audit.attach(driver)
        base = "http://127.0.0.1:%d" % port
        december_flow(driver, base, source, args.captures, downloads)
        browser_progress.progress_flow(driver, base, source, args.captures, save_screenshot, check)
        faulty_flow(driver, base, source, args.captures, work)
        keyboard_flow(driver, base, source, downloads)
        referent_flow(driver, base, source, args.captures, downloads)
        browser_work_flows.report_flow(driver, base, source, args.captures, work, screenshot, common_checks)
        browser_work_flows.assembly_flow(driver, base, source, args.captures, screenshot, common_checks)
        browser_work_flows.merge_flow(driver, base, source, args.captures, screenshot, common_checks)
        contrast_checks(driver, base)
        other_pages(driver, base)
        access_flow(driver, os.path.abspath(args.lettrine), source, args.captures, work)
        leftovers = os.listdir(os.path.join(folder, "output", "serveur", "travail"))
        check(not leftovers, "dossiers de travail laissés : %r" % leftovers)
        audit.finish()
        print("parcours du navigateur : tout est bon (%.0f s)" % (time.time() - started))
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
