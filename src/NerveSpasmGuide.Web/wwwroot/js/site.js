// Progressive enhancement only: every page works without this file.
"use strict";

// On wide screens the table of contents sits beside the article, so show it open.
if (window.matchMedia("(min-width: 64rem)").matches) {
  document.querySelectorAll(".toc details").forEach((details) => { details.open = true; });
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
