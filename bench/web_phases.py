#!/usr/bin/python3
"""Where the time of a Décembre upload goes, against 127.0.0.1 only.

   bench/web_phases.py build [PORT] [RUNS]

Starts `lettrine serveur` on a fresh --dossier, uploads the default programme
RUNS times, and follows each job as fast as it can (its JSON state every
10 ms) to time: the POST's answer, the reading and checking of the workbook
(until the first progress counts), the documents (until the last document
counted), the ZIP and page (until « fini »), then the result page and its
images (drawn when first asked for, all asked at once as a browser does). Previews are uncached for the first half of the runs.
Figures for docs/PERFORMANCE.md (« Le serveur web »)."""
import glob, threading, http.client, json, os, re, shutil, statistics, subprocess, sys, tempfile, time, uuid

build = sys.argv[1] if len(sys.argv) > 1 else "build"
port = int(sys.argv[2]) if len(sys.argv) > 2 else 8766
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 6
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="lettrine-phases-")
os.makedirs(os.path.join(work, "input"))
shutil.copy(os.path.join(root, "input/logo-ecossolies.png"), os.path.join(work, "input"))
server = subprocess.Popen([os.path.join(build, "lettrine"), "serveur", "--port", str(port), "--dossier", work,
                           "--modeles", os.path.join(root, "templates")], stderr=subprocess.DEVNULL)
last_result = [""]  # the address of the last result page
programme = open(os.path.join(root, "input/programme-2016.xlsx"), "rb").read()


def get(path, cookie):
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("GET", path, headers={"Cookie": cookie})
    r = c.getresponse()
    body = r.read()
    return r.status, r.getheader("Location"), r.getheader("Set-Cookie"), body


def upload():
    status, _, set_cookie, page = get("/decembre", "")
    cookie = set_cookie.split(";")[0]
    token = re.search(rb'name="jeton" value="([0-9a-f]+)"', page).group(1).decode()
    b = uuid.uuid4().hex
    body = (f"--{b}\r\nContent-Disposition: form-data; name=\"jeton\"\r\n\r\n{token}\r\n"
            f"--{b}\r\nContent-Disposition: form-data; name=\"fichiers\"; filename=\"programme-2016.xlsx\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + programme + f"\r\n--{b}--\r\n".encode()
    t0 = time.perf_counter()
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("POST", "/decembre", body, {"Cookie": cookie, "Content-Type": f"multipart/form-data; boundary={b}"})
    r = c.getresponse()
    r.read()
    marks = {"réponse au POST": time.perf_counter() - t0}
    waiting = r.getheader("Location")
    while True:
        _, _, _, state = get(waiting + ".json", cookie)
        s = json.loads(state)
        now = time.perf_counter() - t0
        if s["etat"] == "fini":
            marks["fini"] = now
            break
        if s.get("total", 0) > 0:
            marks.setdefault("lecture", now)
            if s["fait"] == s["total"]:
                marks.setdefault("documents", now)
        time.sleep(0.01)
    _, _, _, page = get(s["adresse"], cookie)
    last_result[:] = [s["adresse"]]
    marks["page"] = time.perf_counter() - t0
    # The images are drawn when first asked for (engine/web/previews.hpp): a
    # browser asks for them at once and again after a 503 (Retry-After).
    sources = [image.decode() for image in re.findall(rb'<img [^>]*src="([^"]+)"', page)]
    pending = [src if src.startswith("/") else s["adresse"] + src for src in sources]
    statuses = []
    while pending:
        done = []
        def fetch(path):
            status = get(path, cookie)[0]
            if status != 503:
                done.append(path)
                statuses.append(status)
        threads = [threading.Thread(target=fetch, args=(path,)) for path in pending]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        pending = [path for path in pending if path not in done]
        if pending:
            time.sleep(0.05)
    marks["images"] = time.perf_counter() - t0
    assert statuses == [200] * len(sources), statuses
    return marks


try:
    time.sleep(0.5)
    print(f"charge de la machine : {open('/proc/loadavg').read().split()[:3]}")
    upload()  # warms the templates and the fonts
    rows = []
    for i in range(runs):
        if i < runs // 2:
            for png in glob.glob(os.path.join(work, "output/serveur/apercus/*")):
                os.remove(png)
        rows.append(upload())
    for label, part in (("aperçus non mis en cache", rows[: runs // 2]), ("aperçus en cache", rows[runs // 2:])):
        print(f"== {label} (médiane de {len(part)} envois, secondes depuis l’envoi)")
        for key in part[0]:
            print(f"  {key:16} {statistics.median(r[key] for r in part):.3f}")
    # One preview alone, uncached: from the browser's request to the PNG (the helper drawn on demand).
    _, _, _, page = get(last_result[0], "")
    image = re.search(rb'<img [^>]*src="([^"]+)"', page).group(1).decode()
    alone = []
    for _ in range(10):
        for png in glob.glob(os.path.join(work, "output/serveur/apercus/*")):
            os.remove(png)
        t0 = time.perf_counter()
        while get(image, "")[0] == 503:
            time.sleep(0.01)
        alone.append(time.perf_counter() - t0)
    print(f"== un aperçu seul, non mis en cache, demandé par le navigateur : médiane {statistics.median(alone) * 1000:.0f} ms "
          f"({min(alone) * 1000:.0f} à {max(alone) * 1000:.0f} ms, 10 fois)")
    # 10 clients uploading 5 times each at once, each following its job to its page and images.
    latencies, failures = [], []
    def client():
        for _ in range(5):
            try:
                latencies.append(upload()["images"])
            except Exception as e:  # a « Serveur occupé » page has no job to follow
                failures.append(repr(e))
    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(10)]
    for t in threads:
        t.start()
    time.sleep(1)
    t0 = time.perf_counter()
    get("/decembre", "")
    page = time.perf_counter() - t0
    for t in threads:
        t.join()
    total = time.perf_counter() - start
    print(f"== 10 clients × 5 envois en même temps : {len(latencies)} suivis jusqu’aux images en {total:.1f} s "
          f"({len(latencies) / total:.1f} lots/s), latence médiane {statistics.median(latencies):.2f} s, "
          f"max {max(latencies):.2f} s, {len(failures)} échecs ; une page demandée pendant la charge : {page * 1000:.0f} ms")
    print(f"charge de la machine : {open('/proc/loadavg').read().split()[:3]}")
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)
