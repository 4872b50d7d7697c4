"""The progress of a December batch in Chromium: other uploads fill the
batch queue first (plain HTTP clients), then the browser's own upload shows
the waiting page, its progress bar and French text change, and the cards
appear. The waiting page's screenshot goes to docs/web-progression.png."""
import os
import re
import threading
import time
import urllib.request
import uuid

from selenium.webdriver.common.by import By


def upload_once(base, workbook):
    """One upload as another browser would send it, followed to its end."""
    page = urllib.request.urlopen(base + "/decembre")
    cookie = page.headers.get("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="jeton" value="([0-9a-f]+)"', page.read().decode()).group(1)
    boundary = uuid.uuid4().hex
    body = ("--%s\r\nContent-Disposition: form-data; name=\"jeton\"\r\n\r\n%s\r\n" % (boundary, token)).encode()
    body += ("--%s\r\nContent-Disposition: form-data; name=\"fichiers\"; filename=\"programme-2016.xlsx\"\r\n"
             "Content-Type: application/octet-stream\r\n\r\n" % boundary).encode() + workbook + b"\r\n"
    body += ("--%s--\r\n" % boundary).encode()
    request = urllib.request.Request(base + "/decembre", data=body, headers={
        "Content-Type": "multipart/form-data; boundary=" + boundary, "Cookie": cookie})
    # The answer is the job's waiting page (redirect followed): the job is
    # queued and runs on in the server.
    return urllib.request.urlopen(request).read()


def progress_flow(driver, base, source, captures, screenshot, check):
    workbook = open(os.path.join(source, "input", "programme-2016.xlsx"), "rb").read()
    others = [threading.Thread(target=upload_once, args=(base, workbook)) for _ in range(8)]
    driver.get(base + "/decembre")
    driver.find_element(By.ID, "fichiers").send_keys(os.path.join(source, "input", "programme-2016.xlsx"))
    # The browser uploads once every other upload has been accepted: its job
    # then waits behind eight jobs of about a second each (two at a time),
    # so its waiting page is up for seconds whatever the machine's load.
    for t in others:
        t.start()
    for t in others:
        t.join()
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    seen, values, shot = [], set(), False
    deadline = time.time() + 60
    while time.time() < deadline and not driver.find_elements(By.CSS_SELECTOR, "li.carte"):
        try:
            bars = driver.find_elements(By.CSS_SELECTOR, "[role=progressbar]")
            texts = driver.find_elements(By.CSS_SELECTOR, "[aria-live=polite][data-travail-texte]")
            if bars and texts:
                text = texts[0].text
                if not seen or seen[-1] != text:
                    seen.append(text)
                values.add(bars[0].get_attribute("aria-valuenow"))
                if not shot and "avant le vôtre" in text:
                    screenshot(driver, captures, "web-progression.png")
                    shot = True
        except Exception:  # the page changed under the query
            pass
        time.sleep(0.02)
    check(len(driver.find_elements(By.CSS_SELECTOR, "li.carte")) == 4, "cartes absentes après l’attente")
    # The queue position itself is checked over HTTP with the gate held by
    # the test (tests/web/jobs_test.cpp): here the other uploads may all be
    # done before the browser's first poll on an idle machine.
    check(len(seen) >= 1, "la page d’attente n’a montré ni barre ni texte : %r" % seen)
    print("progression vue : %r (valeurs %r)" % (seen, sorted(v for v in values if v)))
