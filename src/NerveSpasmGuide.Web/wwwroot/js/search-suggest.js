// Suggestions under the search boxes, as a WAI-ARIA combobox (list autocomplete): arrow keys move through the list,
// Enter opens the chosen suggestion (or searches for what was typed), Escape closes the list, and a live region says
// how many suggestions there are. Progressive enhancement only: without this file the boxes search as before.
"use strict";

// The words come from the page's language (data attributes of this script's tag, from the site's resources).
const words = document.currentScript?.dataset ?? {};
const say = (text, fallback, count) => (text || fallback).replace("{0}", String(count));

document.querySelectorAll("form[role=search] input[name=q]").forEach((input, index) => {
  const form = input.form;
  const suggestPath = `${new URL(form.action, window.location.href).pathname}/suggest`;
  const listId = `${input.id || "q-" + index}-suggestions`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", words.label || "Suggestions");
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  form.classList.add("has-suggestions");
  form.append(list, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-expanded", "false");

  let suggestions = [];
  let active = -1;
  let pending;
  let latest = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const highlight = (next) => {
    const options = list.querySelectorAll("[role=option]");
    options.forEach((option, i) => option.setAttribute("aria-selected", i === next ? "true" : "false"));
    active = next;
    if (next >= 0) {
      input.setAttribute("aria-activedescendant", options[next].id);
      options[next].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const show = (items) => {
    // A slower answer for a longer prefix may arrive after the reader has chosen an option: keep that choice.
    const chosen = active >= 0 ? suggestions[active].url : null;
    suggestions = items;
    list.replaceChildren(...items.map((item, i) => {
      const option = document.createElement("li");
      option.id = `${listId}-${i}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = item.label;
      option.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the box
      option.addEventListener("click", () => { window.location.assign(item.url); });
      return option;
    }));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (items.length === 0) {
      close();
      status.textContent = input.value.trim() ? (words.none || "No suggestions.") : "";
      return;
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    const kept = items.findIndex((item) => item.url === chosen);
    if (kept >= 0) {
      highlight(kept);
    }
    status.textContent = items.length === 1
      ? say(words.one, "{0} suggestion. Use the up and down arrow keys to choose one.", 1)
      : say(words.many, "{0} suggestions. Use the up and down arrow keys to choose one.", items.length);
  };

  const fetchSuggestions = async () => {
    const query = input.value.trim();
    const mine = ++latest;
    if (!query) {
      show([]);
      return;
    }
    try {
      const response = await fetch(`${suggestPath}?q=${encodeURIComponent(query)}`, { headers: { Accept: "application/json" } });
      const items = response.ok ? await response.json() : [];
      if (mine === latest && document.activeElement === input) {
        show(items);
      }
    } catch {
      close(); // the box still searches without suggestions
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(pending);
    pending = setTimeout(fetchSuggestions, 120);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) {
        if (suggestions.length > 0) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        } else {
          return;
        }
      }
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const count = suggestions.length;
      highlight(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      window.location.assign(suggestions[active].url);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", close);
});
