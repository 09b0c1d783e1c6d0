"use strict";

/* BibTeX copy buttons: one per "BibTeX" toggle, announcing success in a live
 * region. Self-contained: labels come from the toggle's data-publist-copy and
 * data-publist-copied attributes; without the Clipboard API nothing is added. */
(() => {
  const clipboard = navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== "function") return;
  const ANNOUNCEMENT_MS = 4000;

  /** @param {HTMLElement} details */
  const addCopyButton = (details) => {
    const code = details.querySelector("pre");
    if (!code || details.querySelector(".publist-copy")) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "publist-copy";
    button.textContent = details.dataset.publistCopy || "Copy";
    const status = document.createElement("span");
    status.className = "publist-copy-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    /** @type {number | undefined} */
    let timer;
    button.addEventListener("click", () => {
      const text = (code.textContent || "").replace(/\n+$/, "") + "\n";
      clipboard.writeText(text).then(
        () => {
          status.textContent = details.dataset.publistCopied || "Copied";
          window.clearTimeout(timer);
          timer = window.setTimeout(() => {
            status.textContent = "";
          }, ANNOUNCEMENT_MS);
        },
        () => {
          status.textContent = "";
        },
      );
    });
    // Right after the summary, so the button comes before the code in tab order.
    const summary = details.querySelector("summary");
    if (summary) summary.after(button, status);
    else details.prepend(button, status);
  };

  const start = () => {
    for (const details of document.querySelectorAll("details.publist-bibtex")) {
      addCopyButton(/** @type {HTMLElement} */ (details));
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
