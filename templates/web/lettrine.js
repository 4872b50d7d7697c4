// Lettrine's few lines of script. Every page works without them (plain
// forms and links); they add drag and drop, a progress message while the
// server prepares the documents, and focus on the error summary.
(function () {
  "use strict";

  function describe(files) {
    var names = [];
    for (var i = 0; i < files.length; i++) names.push(files[i].name);
    if (names.length === 0) return "";
    return (names.length === 1 ? "Fichier choisi\u00A0: " : names.length + " fichiers choisis\u00A0: ") + names.join(", ");
  }

  // The error summary takes the focus, so that it is read first.
  function focusSummary() {
    var summary = document.querySelector("[data-resume-erreurs]");
    if (summary) summary.focus();
  }

  // A summary link moves the focus to its cell (the browser scrolls there).
  function linkCells() {
    var links = document.querySelectorAll("[data-vers-cellule]");
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener("click", function (event) {
        var target = document.getElementById(this.getAttribute("href").slice(1));
        if (!target) return;
        event.preventDefault();
        history.replaceState(null, "", this.getAttribute("href"));
        target.focus();
        target.scrollIntoView({ block: "center" });
      });
    }
  }

  // Each grid opens scrolled to its first faulty cell, next to the row numbers.
  function showFirstFaults() {
    var grids = document.querySelectorAll(".defilement");
    for (var i = 0; i < grids.length; i++) {
      var cell = grids[i].querySelector("td.fautive");
      var header = grids[i].querySelector("tbody th");
      if (!cell) continue;
      grids[i].scrollLeft = Math.max(0, cell.offsetLeft - (header ? header.offsetWidth : 0) - 16);
      grids[i].scrollTop = Math.max(0, cell.offsetTop - grids[i].clientHeight / 3);
    }
  }

  function dropZone(form) {
    var zone = form.querySelector("[data-depot]");
    // The field inside the drop zone (a form may have others before it).
    var input = zone ? zone.querySelector("input[type=file]") : null;
    var state = form.querySelector("[data-etat]");
    var hint = form.querySelector("[data-depot-consigne]");
    if (!zone || !input) return;
    if (hint) hint.hidden = false;
    input.addEventListener("change", function () { state.textContent = describe(input.files); });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("survol"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("survol"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
      input.files = event.dataTransfer.files;
      state.textContent = describe(input.files);
    });
  }

  function progressOnSubmit(form) {
    var state = form.querySelector("[data-etat]");
    var button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", function () {
      state.textContent = form.getAttribute("data-envoi") || "Envoi du programme et préparation des documents…";
      var bar = document.createElement("progress");
      bar.setAttribute("aria-label", "Préparation des documents");
      state.appendChild(bar);
      // Disabled after the submission has started, so the form still sends.
      setTimeout(function () { button.disabled = true; }, 0);
    });
  }

  // The waiting page of a job: its bar set from the counts, then its state
  // polled (the page's own refresh stays as the fallback without script).
  function showJob(bar, fill, done, total) {
    if (total > 0) {
      fill.style.width = Math.round(100 * done / total) + "%";
      bar.setAttribute("aria-valuemax", String(total));
      bar.setAttribute("aria-valuenow", String(done));
    }
  }

  // A state costs the server about a millisecond: asked often, the result
  // shows at most 150 ms after it is ready (docs/PERFORMANCE.md).
  var FIRST_POLL_MS = 100, POLL_MS = 150;

  function followJob(box) {
    var text = box.querySelector("[data-travail-texte]");
    var bar = box.querySelector("[data-travail-barre]");
    var fill = box.querySelector("[data-travail-rempli]");
    showJob(bar, fill, Number(fill.getAttribute("data-fait") || 0), Number(fill.getAttribute("data-total") || 0));
    var refresh = document.querySelector("meta[http-equiv=refresh]");
    if (refresh) refresh.parentNode.removeChild(refresh);
    function poll() {
      fetch(box.getAttribute("data-travail"), { credentials: "same-origin", cache: "no-store" })
        .then(function (answer) {
          if (!answer.ok) { window.location.reload(); return null; }
          return answer.json();
        })
        .then(function (state) {
          if (!state) return;
          if (state.etat === "fini") { window.location.replace(state.adresse); return; }
          if (text.textContent !== state.texte) text.textContent = state.texte;
          bar.setAttribute("aria-valuetext", state.texte);
          showJob(bar, fill, state.fait, state.total);
          setTimeout(poll, POLL_MS);
        })
        .catch(function () { setTimeout(poll, 1000); });
    }
    setTimeout(poll, FIRST_POLL_MS);
  }

  // A preview is drawn when first asked for: while it is being drawn the
  // server answers « réessayez dans une seconde » (503), so the image is
  // asked for again, a few times, before its text alternative stays.
  var PREVIEW_RETRY_MS = 1000, PREVIEW_TRIES = 30;

  function retryPreview(image) {
    var tries = 0, source = image.getAttribute("src");
    function again() {
      if (++tries > PREVIEW_TRIES) return;
      setTimeout(function () { image.src = source + "?essai=" + tries; }, PREVIEW_RETRY_MS);
    }
    image.addEventListener("error", again);
    if (image.complete && image.naturalWidth === 0) again();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var previews = document.querySelectorAll("img[data-apercu]");
    for (var p = 0; p < previews.length; p++) retryPreview(previews[p]);
    var job = document.querySelector("[data-travail]");
    if (job) followJob(job);
    showFirstFaults();
    focusSummary();
    linkCells();
    var forms = document.querySelectorAll("[data-envoi]");
    for (var i = 0; i < forms.length; i++) {
      dropZone(forms[i]);
      progressOnSubmit(forms[i]);
    }
  });
})();
