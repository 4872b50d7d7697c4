#!/usr/bin/python3
"""The Debian package, from a built tree to a Lettrine that answers:

1. `cpack -G DEB` on the build tree → lettrine_<version>_amd64.deb;
2. `dpkg-deb -I`: its name, version, architecture and dependencies (the
   libraries found by dpkg-shlibdeps, the fonts, the hyphenation patterns),
   no maintainer script (the service is installed, never enabled);
   `apt-get install --simulate`: those dependencies resolve on this Debian;
3. `dpkg-deb -c`: the program, its helpers in /usr/libexec/lettrine, the
   templates (the pages' too), the examples, the documentation, the unit;
4. the unit: `systemd-analyze verify` accepts it, `systemd-analyze security`
   rates its exposure low, and it runs Lettrine as a dynamic user, on
   127.0.0.1, with /var/lib/lettrine as the state folder;
5. the package unpacked (`dpkg-deb -x`) in a temporary root and its
   Lettrine run as the unit's ExecStart runs it (the state folder replaced
   by a temporary one, `--port 0`), from outside the source tree: the home
   page in French, drawn from the installed templates; the December batch of
   the installed example programme → 4 letter cards, their previews drawn by
   the installed helper, the PDFs; `lettrine init` from the installed defaults.

The package is unpacked, not installed with dpkg -i: the test runs in a build
tree of a shared machine, and installing would replace /usr/bin/lettrine for
every other user and test of the machine, and leave it behind. An unpacked
package is the installed layout (the program finds its files from its own
path, engine/core/installation.hpp) without touching the system; the
dependencies are checked by apt's own resolver (--simulate).

    paquet_test.py --construction build --version 0.1.0
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def run(command, **options):
    result = subprocess.run(command, capture_output=True, text=True, **options)
    check(result.returncode == 0, " ".join(command) + " a échoué :\n" + result.stdout + result.stderr)
    return result.stdout


def build_package(construction, version, folder):
    started = time.monotonic()
    run(["cpack", "-G", "DEB", "--config", os.path.join(construction, "CPackConfig.cmake"), "-B", folder])
    package = os.path.join(folder, "lettrine_%s_amd64.deb" % version)
    check(os.path.isfile(package), "pas de %s dans %s" % (package, os.listdir(folder)))
    print("paquet : %s, %.1f Mio, fait en %.1f s" % (os.path.basename(package), os.path.getsize(package) / 2**20,
                                                    time.monotonic() - started))
    return package


def check_control(package, version):
    info = run(["dpkg-deb", "-I", package])
    fields = dict(re.findall(r"^ (\w[\w-]*): (.*)$", info, re.M))
    check(fields.get("Package") == "lettrine", info)
    check(fields.get("Version") == version, info)
    check(fields.get("Architecture") == "amd64", info)
    depends = fields.get("Depends", "")
    print("Depends: " + depends)
    for needed in ("fonts-liberation2", "fonts-dejavu-core", "hyphen-fr", "libpodofo", "libqpdf", "libpoppler-cpp",
                   "libcpp-httplib0.11", "libsodium", "libxlsxwriter", "libzip", "libicu", "libharfbuzz", "libc6"):
        check(needed in depends, "dépendance absente : %s dans %s" % (needed, depends))
    for script in ("postinst", "prerm", "postrm", "preinst"):
        check(not re.search(r"^\s+\d+ bytes,\s+\d+ lines\s+\*?\s*%s\b" % script, info, re.M),
              "script de maintenance inattendu : " + script + "\n" + info)
    simulated = run(["apt-get", "install", "--simulate", "--no-install-recommends", os.path.abspath(package)])
    check(re.search(r"^Inst lettrine ", simulated, re.M), "apt n’installerait pas le paquet :\n" + simulated)


def check_contents(package):
    listing = run(["dpkg-deb", "-c", package])
    files = {line.split()[-1].lstrip(".") for line in listing.splitlines()}
    for path in ("/usr/bin/lettrine", "/usr/libexec/lettrine/lettrine-import-pdf", "/usr/libexec/lettrine/lettrine-apercu",
                 "/usr/share/lettrine/templates/lettre-de-mission.xml.mustache",
                 "/usr/share/lettrine/templates/web/accueil.html.mustache", "/usr/share/lettrine/templates/web/lettrine.css",
                 "/usr/share/lettrine/input/programme-2016.xlsx", "/usr/share/lettrine/input/logo-ecossolies.png",
                 "/usr/share/lettrine/input/bilans/bilan-2016-habitat.xlsx",
                 "/usr/share/lettrine/samples/fusion/invitation.xml.mustache",
                 "/usr/share/doc/lettrine/README.md", "/usr/share/doc/lettrine/SERVEUR.md",
                 "/usr/lib/systemd/system/lettrine.service"):
        check(path in files, "absent du paquet : " + path)
    # Installed, not enabled: no link in a .wants folder, nothing under /etc.
    check(not any(".wants/" in f or f.startswith("/etc/") for f in files), "le paquet active le service :\n" + listing)
    check(not any("/tests/" in f or f.endswith(".cpp") for f in files), "le paquet emporte des tests ou des sources")


def check_unit(root, work):
    unit_path = os.path.join(root, "usr/lib/systemd/system/lettrine.service")
    unit = open(unit_path, encoding="utf-8").read()
    for line in ("DynamicUser=yes", "StateDirectory=lettrine", "ProtectSystem=strict", "ProtectHome=yes",
                 "PrivateTmp=yes", "NoNewPrivileges=yes", "WantedBy=multi-user.target"):
        check(re.search("^" + re.escape(line) + "$", unit, re.M), "l’unité n’a pas " + line)
    exec_start = re.search(r"^ExecStart=(.*)$", unit, re.M).group(1).split()
    check(exec_start[:2] == ["/usr/bin/lettrine", "serveur"], exec_start)
    check(exec_start[exec_start.index("--adresse") + 1] == "127.0.0.1", exec_start)
    check(exec_start[exec_start.index("--dossier") + 1] == "/var/lib/lettrine", exec_start)
    if shutil.which("systemd-analyze"):
        # The unit as installed, its program at the unpacked path (verify checks it exists).
        checked = os.path.join(work, "lettrine.service")
        with open(checked, "w", encoding="utf-8") as out:
            out.write(unit.replace("/usr/bin/lettrine", os.path.join(root, "usr/bin/lettrine")))
        run(["systemd-analyze", "verify", "--man=no", checked])
        security = run(["systemd-analyze", "security", "--offline=true", "--no-pager", checked])
        exposure = float(re.search(r"Overall exposure level for lettrine\.service: ([\d.]+)", security).group(1))
        print("systemd-analyze security : exposition %.1f" % exposure)
        check(exposure <= 2.0, "unité trop exposée (%.1f) :\n%s" % (exposure, security))
    else:
        print("systemd-analyze absent : l’unité n’est vérifiée que par ses lignes")
    return exec_start


def start_installed(root, exec_start, state):
    """The unit's ExecStart, with the unpacked program, `state` for
    /var/lib/lettrine, and --port 0 for LETTRINE_OPTIONS; cwd = WorkingDirectory."""
    command = []
    for word in exec_start:
        if word == "$LETTRINE_OPTIONS":
            command += ["--port", "0"]
        else:
            command.append(word.replace("/usr/bin/", os.path.join(root, "usr/bin") + "/").replace("/var/lib/lettrine", state))
    environment = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": state}
    process = subprocess.Popen(command, cwd=state, env=environment, stderr=subprocess.PIPE, text=True)
    line = process.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        process.kill()
        raise AssertionError("le Lettrine installé n’a pas démarré : " + line + process.stderr.read())
    return process, int(match.group(1))


class Browser:
    """Just enough of a browser: cookies, no redirects followed by itself."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    def __init__(self, port):
        self.base = "http://127.0.0.1:%d" % port
        self.cookies = {}
        self.opener = urllib.request.build_opener(Browser.NoRedirect)

    def request(self, path, body=None, headers=None):
        request = urllib.request.Request(self.base + path, data=body, headers=dict(headers or {}))
        if self.cookies:
            request.add_header("Cookie", "; ".join("%s=%s" % kv for kv in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";")[0].split("=", 1)
            self.cookies[name] = value
        return response.status, response.headers, response.read()

    def upload(self, path, token, name, data):
        boundary = uuid.uuid4().hex
        body = ("--%s\r\nContent-Disposition: form-data; name=\"jeton\"\r\n\r\n%s\r\n" % (boundary, token)).encode()
        body += ("--%s\r\nContent-Disposition: form-data; name=\"fichiers\"; filename=\"%s\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n" % (boundary, name)).encode()
        body += data + ("\r\n--%s--\r\n" % boundary).encode()
        return self.request(path, body, {"Content-Type": "multipart/form-data; boundary=" + boundary})


def december_through_the_page(port, root):
    browser = Browser(port)
    status, _, home = browser.request("/")
    home = home.decode()
    check(status == 200 and '<html lang="fr"' in home and "Décembre" in home, "accueil :\n" + home[:2000])
    check("<!-- modèles installés -->" in home, "l’accueil ne vient pas des modèles installés")
    status, _, form = browser.request("/decembre")
    token = re.search(r'name="jeton" value="([^"]+)"', form.decode()).group(1)
    workbook = open(os.path.join(root, "usr/share/lettrine/input/programme-2016.xlsx"), "rb").read()
    started = time.monotonic()
    status, headers, body = browser.upload("/decembre", token, "programme-2016.xlsx", workbook)
    # A batch job: its waiting page (200) until the result, a 303 to /resultats/ID/.
    while status == 303 and headers.get("Location", "").startswith("/travaux/"):
        waiting = headers["Location"]
        status, headers, body = browser.request(waiting)
        while status == 200:
            time.sleep(0.05)
            status, headers, body = browser.request(waiting)
    location = headers.get("Location") or ""
    check(status == 303 and location.startswith("/resultats/"), "envoi : %d %s\n%s" % (status, location, body[:2000]))
    status, _, page = browser.request(location)
    page = page.decode()
    cards = re.findall(r'<li class="carte">\s*<a href="([^"]+)">\s*<img src="([^"]+)"', page)
    print("décembre par le Lettrine installé : %d cartes en %.2f s" % (len(cards), time.monotonic() - started))
    check(len(cards) == 4, "%d cartes au lieu de 4 :\n%s" % (len(cards), page[:3000]))
    pdf, preview = cards[0]
    status, headers, image = browser.request(preview)
    # The preview is drawn when first asked for: 503 (Retry-After) until it is there.
    for _ in range(300):
        if status != 503:
            break
        time.sleep(0.1)
        status, headers, image = browser.request(preview)
    check(status == 200 and image.startswith(b"\x89PNG"), "aperçu %s : %d %s" % (preview, status, image[:80]))
    status, headers, document = browser.request(pdf)
    check(status == 200 and document.startswith(b"%PDF-"), "PDF %s : %d" % (pdf, status))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--construction", required=True)
    parser.add_argument("--version", required=True)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="lettrine-paquet-")
    server = None
    try:
        package = build_package(os.path.abspath(args.construction), args.version, os.path.join(work, "cpack"))
        check_control(package, args.version)
        check_contents(package)
        root = os.path.join(work, "racine")
        run(["dpkg-deb", "-x", package, root])
        exec_start = check_unit(root, work)
        # Marks the installed templates, to see the pages come from them.
        with open(os.path.join(root, "usr/share/lettrine/templates/web/accueil.html.mustache"), "a", encoding="utf-8") as t:
            t.write("<!-- modèles installés -->\n")
        state = os.path.join(work, "etat")
        os.makedirs(state)
        server, port = start_installed(root, exec_start, state)
        december_through_the_page(port, root)
        check(os.listdir(os.path.join(state, "output")), "rien d’écrit dans le dossier d’état")
        # The command line's defaults are the installed ones too.
        project = os.path.join(work, "projet")
        run([os.path.join(root, "usr/bin/lettrine"), "init", project, "--annee", "2017"], cwd=work)
        check(os.path.isfile(os.path.join(project, "templates/lettre-de-mission.xml.mustache")), os.listdir(project))
        check(os.path.isfile(os.path.join(project, "input/programme-2017.xlsx")), os.listdir(project))
        print("paquet vérifié")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
