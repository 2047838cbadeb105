// Progressive enhancement only: every page works without this file.
"use strict";

// On wide screens the table of contents sits beside the article, so show it open.
if (window.matchMedia("(min-width: 64rem)").matches) {
  document.querySelectorAll(".toc details").forEach((details) => { details.open = true; });
}

// Long lists (sources, other names) come open; on a phone they fold, so the article is not mostly lists.
const foldable = () => document.querySelectorAll("details.fold-on-phone");
if (window.matchMedia("(max-width: 47.99rem)").matches) {
  foldable().forEach((details) => { details.open = false; });
}
window.addEventListener("beforeprint", () => foldable().forEach((details) => { details.open = true; }));

// Following a link into a folded list (a citation to its source) opens the list and scrolls to the target.
function reveal(id) {
  const target = id ? document.getElementById(id) : null;
  const details = target ? target.closest("details") : null;
  if (details && !details.open) {
    details.open = true;
    target.scrollIntoView();
  }
}
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
  if (link) {
    reveal(decodeURIComponent(link.getAttribute("href").slice(1)));
  }
});
if (location.hash) {
  reveal(decodeURIComponent(location.hash.slice(1)));
}

// Copy buttons next to read-only link fields (hidden until this script shows them).
document.querySelectorAll(".copy-button").forEach((button) => {
  const input = document.querySelector(button.dataset.copy);
  const status = button.closest("div").parentElement.querySelector(".copy-status");
  if (!input) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      if (status) { status.textContent = button.dataset.copied || "Link copied."; }
    } catch {
      input.select();
      if (status) { status.textContent = button.dataset.selectHint || "Press Ctrl+C (or Cmd+C) to copy the selected link."; }
    }
  });
});

document.querySelectorAll(".print-button").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// The handout builder: moving or removing a chosen page swaps in the updated builder without reloading the page,
// keeps keyboard focus on the same control (or the nearest one left) and says what changed. Without this, each
// Up, Down and Remove is a plain link that reloads the page.
const builder = document.querySelector(".builder-layout");
if (builder && window.fetch && window.DOMParser) {
  builder.addEventListener("click", async (event) => {
    const link = event.target instanceof Element ? event.target.closest(".chosen-actions a") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    const label = link.getAttribute("aria-label");
    const title = link.closest("li").querySelector(".chosen-title").textContent;
    let html;
    try {
      const response = await fetch(link.href, { headers: { Accept: "text/html" } });
      if (!response.ok) { throw new Error(String(response.status)); }
      html = await response.text();
    } catch {
      window.location.assign(link.href);
      return;
    }
    const updated = new DOMParser().parseFromString(html, "text/html").querySelector(".builder-layout");
    if (!updated) { window.location.assign(link.href); return; }
    builder.innerHTML = updated.innerHTML;
    history.replaceState(null, "", link.href);
    const items = [...builder.querySelectorAll(".chosen li")];
    const moved = items.find((li) => li.querySelector(".chosen-title").textContent === title);
    const focus = [...builder.querySelectorAll(".chosen-actions a")].find((a) => a.getAttribute("aria-label") === label)
      || (moved && moved.querySelector(".chosen-actions a")) || builder.querySelector(".chosen-actions a") || builder.querySelector("#chosen-title");
    if (focus) {
      if (!focus.matches("a, button, input")) { focus.setAttribute("tabindex", "-1"); }
      focus.focus();
    }
    const status = document.getElementById("builder-status");
    if (status) {
      status.textContent = moved ? `${title} is now number ${items.indexOf(moved) + 1} of ${items.length}.` : `${title} was removed.`;
    }
  });
}
