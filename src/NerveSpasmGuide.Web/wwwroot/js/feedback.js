// Progressive enhancement of "Was this page helpful?": the form posts and shows a thank-you page without this file.
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
        status.textContent = "Thank you for your answer.";
        return;
      }
      status.textContent = response.status === 429
        ? "Too many answers from here in the last minute. Please try again in a minute."
        : "Your answer could not be sent. Please try again.";
    } catch {
      status.textContent = "Your answer could not be sent. Check your connection and try again.";
    }
    form.querySelectorAll("button").forEach((button) => { button.disabled = false; });
  });
});
