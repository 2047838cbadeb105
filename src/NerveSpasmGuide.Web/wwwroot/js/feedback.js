// Progressive enhancement of "Was this page helpful?": the form posts and shows a thank-you page without this file.
// The messages are the form's data attributes, in the page's language.
"use strict";

document.querySelectorAll(".feedback-form").forEach((form) => {
  const status = form.parentElement.querySelector(".feedback-status");
  form.addEventListener("submit", async (event) => {
    if (!status || !window.fetch) {
      return;
    }
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form, event.submitter));
    form.querySelectorAll("button").forEach((button) => { button.disabled = true; });
    try {
      const response = await fetch(form.action, { method: "POST", body, credentials: "omit" });
      if (response.ok) {
        form.hidden = true;
        status.textContent = form.dataset.thanks;
        return;
      }
      status.textContent = response.status === 429 ? form.dataset.tooMany : form.dataset.failed;
    } catch {
      status.textContent = form.dataset.offline;
    }
    form.querySelectorAll("button").forEach((button) => { button.disabled = false; });
  });
});
