"use strict";
// The report page, enhanced: every cell is already a link (?cell=FIELD#source) that works without script; here a
// click marks the cell's span in the source text (and its PDF page with its box) without reloading the page. The
// report's text is only ever handled as text (textContent, text nodes): none of it becomes markup.
(function () {
  var form = document.querySelector(".upload-form");
  if (form) {
    form.addEventListener("submit", function (e) {
      var input = form.querySelector("input[type=file]");
      var max = Number(form.dataset.maxBytes);
      var error = form.querySelector(".upload-error");
      if (input && input.files.length > 0 && max > 0 && input.files[0].size > max) {
        e.preventDefault();
        error.textContent = form.dataset.tooLarge;
        error.hidden = false;
      }
    });
  }

  // The language switch keeps what this page shows (an upload's ?u=, the selected ?cell=), not only the path.
  var lang = document.querySelector("a.lang");
  if (lang) {
    lang.addEventListener("click", function () {
      var here = new URL(window.location.href);
      here.searchParams.set("lang", new URL(lang.href, window.location.href).searchParams.get("lang"));
      lang.href = here.pathname + here.search + here.hash;
    });
  }

  var report = document.querySelector(".report");
  var pre = document.getElementById("source-text");
  if (!report || !pre) return;
  var text = pre.textContent;
  var detail = report.querySelector(".cell-detail");
  var figure = report.querySelector(".page-image");
  var pageBase = report.dataset.pageImage;

  function select(link) {
    var cell = link.closest("td");
    var start = Number(link.dataset.start), end = Number(link.dataset.end);
    report.querySelectorAll("td.sel").forEach(function (td) { td.classList.remove("sel"); });
    cell.classList.add("sel");
    pre.textContent = "";
    var mark = document.createElement("mark");
    mark.id = "hit";
    if (end > start && end <= text.length) {
      pre.appendChild(document.createTextNode(text.slice(0, start)));
      mark.textContent = text.slice(start, end);
      pre.appendChild(mark);
      pre.appendChild(document.createTextNode(text.slice(end)));
    } else pre.textContent = text;
    // What the cell's title says (field, as printed, confidence, other readings, findings), one line each.
    detail.textContent = "";
    (cell.getAttribute("title") || "").split("\n").forEach(function (line, i) {
      var p = document.createElement("p");
      p.className = "line";
      if (i === 0) { var code = document.createElement("code"); code.textContent = line; p.appendChild(code); }
      else p.textContent = line;
      detail.appendChild(p);
    });
    if (figure && pageBase && link.dataset.page && link.dataset.box) {
      var img = figure.querySelector("img");
      img.src = pageBase + link.dataset.page + ".svg?box=" + encodeURIComponent(link.dataset.box);
      var caption = figure.querySelector("figcaption");
      caption.textContent = (figure.dataset.caption || "").replace("{0}", link.dataset.page) + " · ";
      var whole = document.createElement("a");
      whole.href = img.getAttribute("src") + "&whole=1";
      whole.textContent = figure.dataset.whole || "";
      caption.appendChild(whole);
      figure.hidden = false;
    } else if (figure) figure.hidden = true;
    if (mark.parentNode) {
      // Scroll the source box, not the page: the tables stay where the reader is.
      pre.scrollTop = Math.max(0, mark.offsetTop - pre.offsetTop - pre.clientHeight / 3);
    }
    var url = new URL(window.location.href);
    url.searchParams.set("cell", cell.dataset.key);
    url.hash = "";
    history.replaceState(null, "", url.pathname + url.search);
  }

  report.addEventListener("click", function (e) {
    var link = e.target.closest("td.v > a[data-start]");
    if (!link) return;
    e.preventDefault();
    select(link);
  });

  var hit = document.getElementById("hit");
  if (hit) pre.scrollTop = Math.max(0, hit.offsetTop - pre.offsetTop - pre.clientHeight / 3);
})();
