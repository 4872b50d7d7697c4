"""The staff's workflow pages in the browser (imported by browser_test.py,
run after the référents' flow, which leaves the programme on the Référents
page and Habitat's returned bilan in the server's input/bilans/):

- Rapport d'activité: a note that names no sector is refused, its row says
  why; then the other bilans give the report, each sector's note « bilan
  valide », its contents page previewed, the PDF opening in the browser;
- Assemblée générale: the AG workbook gives the packs and the badges;
- Publipostage: the sample invitation over its recipients.
"""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def _check(condition, message):
    if not condition:
        raise AssertionError(message)


def _images_loaded(driver, selector):
    return all(driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", i)
               for i in driver.find_elements(By.CSS_SELECTOR, selector))


def report_flow(driver, base, source, captures, work, screenshot, common_checks):
    driver.get(base + "/")
    driver.find_element(By.CSS_SELECTOR, "main a[href='/rapport']").click()
    common_checks(driver, "Rapport d’activité")
    _check(driver.find_element(By.ID, "rendus").is_selected(), "les bilans rendus ne sont pas proposés")
    # A PDF whose name gives no sector: refused, and its row says why.
    stray = os.path.join(work, "compte-rendu.pdf")
    with open(stray, "wb") as f:
        f.write(b"%PDF-1.4\n")
    driver.find_element(By.ID, "notes").send_keys(stray)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-resume-erreurs]"))
    refused = driver.find_element(By.CSS_SELECTOR, "table.etats tr.etat-refuse").text
    _check("compte-rendu.pdf" in refused and "aucun secteur" in refused, "note refusée : " + refused)
    _check(driver.switch_to.active_element.get_attribute("data-resume-erreurs") is not None,
           "l'encadré des problèmes n'a pas le focus")
    screenshot(driver, captures, "web-rapport-erreurs.png")

    # The three other bilans, with Habitat's returned through its link.
    bilans = [os.path.join(source, "input", "bilans", n) for n in
              ("bilan-2016-circuits-courts.xlsx", "bilan-2016-dechets-ressources.xml",
               "bilan-2016-services-aux-personnes.xlsx")]
    driver.find_element(By.ID, "notes").send_keys("\n".join(bilans))
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 120).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".sommaire img"))
    WebDriverWait(driver, 20).until(lambda d: _images_loaded(d, ".sommaire img"))
    states = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "table.etats tbody tr")]
    _check(len(states) == 4 and all("bilan valide" in s for s in states), "états des notes : %r" % states)
    image = driver.find_element(By.CSS_SELECTOR, ".sommaire img")
    _check(image.get_attribute("alt") == "Le sommaire du rapport d’activité 2016", "aperçu du sommaire")
    screenshot(driver, captures, "web-rapport.png")
    result = driver.current_url
    driver.find_element(By.CSS_SELECTOR, ".sommaire a").click()
    WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith(".pdf"))
    kind = driver.execute_script(
        "return fetch(location.href).then(r => r.headers.get('content-type') + ' ' + r.headers.get('content-disposition'))")
    _check(kind.startswith("application/pdf inline"), "le rapport ne s'ouvre pas dans le navigateur : " + kind)
    driver.get(result)


def assembly_flow(driver, base, source, captures, screenshot, common_checks):
    driver.get(base + "/assemblee")
    common_checks(driver, "Assemblée générale")
    driver.find_element(By.ID, "ag").send_keys(os.path.join(source, "input", "ag-2016.xlsx"))
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 120).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "li.carte")) >= 6)
    WebDriverWait(driver, 20).until(lambda d: _images_loaded(d, "li.carte img"))
    alts = [i.get_attribute("alt") for i in driver.find_elements(By.CSS_SELECTOR, "li.carte img")]
    _check("Première planche de badges" in alts and "Première page du dossier complet" in alts, "cartes : %r" % alts)
    screenshot(driver, captures, "web-ag.png")


def merge_flow(driver, base, source, captures, screenshot, common_checks):
    driver.get(base + "/publipostage")
    common_checks(driver, "Publipostage")
    driver.find_element(By.ID, "modele").send_keys(os.path.join(source, "samples", "fusion", "invitation.xml.mustache"))
    driver.find_element(By.ID, "donnees").send_keys(os.path.join(source, "samples", "fusion", "destinataires.xml"))
    driver.find_element(By.ID, "chaque").send_keys("destinataire")
    driver.find_element(By.ID, "nom").send_keys("nom")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 120).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "li.carte")) == 3)
    WebDriverWait(driver, 20).until(lambda d: _images_loaded(d, "li.carte img"))
    screenshot(driver, captures, "web-publipostage.png")
