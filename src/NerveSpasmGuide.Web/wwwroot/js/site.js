// Progressive enhancement only: every page works without this file.
"use strict";

// On wide screens the table of contents sits beside the article, so show it open.
if (window.matchMedia("(min-width: 64rem)").matches) {
  document.querySelectorAll(".toc details").forEach((details) => { details.open = true; });
}
