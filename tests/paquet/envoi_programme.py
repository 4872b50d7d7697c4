"""Uploads a programme workbook to a running `lettrine serveur` as a browser
would (session cookie, CSRF token, multipart form), follows the waiting page
until the cards show, then downloads the ZIP and lists it. Exits non-zero
unless there are four letter cards and a ZIP of the four letters and the
budget. Used by scripts/essai-debian-neuve.sh against an installed package.
Usage: envoi_programme.py http://127.0.0.1:8080 programme-2016.xlsx"""
import http.cookiejar
import io
import re
import sys
import time
import urllib.parse
import urllib.request
import uuid
import zipfile


def multipart(token, workbook, name):
    boundary = uuid.uuid4().hex
    body = ("--%s\r\nContent-Disposition: form-data; name=\"jeton\"\r\n\r\n%s\r\n" % (boundary, token)).encode()
    body += ("--%s\r\nContent-Disposition: form-data; name=\"fichiers\"; filename=\"%s\"\r\n"
             "Content-Type: application/octet-stream\r\n\r\n" % (boundary, name)).encode()
    body += workbook + ("\r\n--%s--\r\n" % boundary).encode()
    return body, "multipart/form-data; boundary=" + boundary


def main(base, path):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    form = opener.open(base + "/decembre").read().decode()
    token = re.search(r'name="jeton" value="([0-9a-f]+)"', form).group(1)
    body, kind = multipart(token, open(path, "rb").read(), path.rsplit("/", 1)[-1])
    started = time.time()
    answer = opener.open(urllib.request.Request(base + "/decembre", data=body, headers={"Content-Type": kind}))
    address, page = answer.geturl(), answer.read().decode()
    while '<li class="carte' not in page and time.time() - started < 60:
        time.sleep(0.2)
        answer = opener.open(address)
        address, page = answer.geturl(), answer.read().decode()
    cards = page.count('<li class="carte')
    print("%d cartes en %.2f s (%s)" % (cards, time.time() - started, address))
    link = re.search(r'href="([^"]+\.zip)"', page)
    if cards != 4 or not link:
        sys.exit("attendu : 4 cartes et un lien vers le ZIP")
    names = sorted(zipfile.ZipFile(io.BytesIO(opener.open(urllib.parse.urljoin(address, link.group(1))).read())).namelist())
    print("ZIP : " + ", ".join(names))
    letters = [n for n in names if n.startswith("lettres/") and n.endswith(".pdf")]
    if len(letters) != 4 or "budget-2016.xlsx" not in names:
        sys.exit("le ZIP n’a pas les quatre lettres et le budget")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
