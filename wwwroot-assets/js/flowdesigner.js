// Small browser helpers the Blazor components call through JS interop.
window.flowDesigner = {
  // Puts text on the clipboard (a step's output, an id); false where the browser refuses (not a secure context).
  async copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  },
  // Offers text as a file download, e.g. an exported workflow definition.
  downloadText(fileName, contentType, text) {
    const url = URL.createObjectURL(new Blob([text], { type: contentType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
};

// On the designer's canvas, Ctrl+S, Ctrl+Z, Ctrl+Y, Ctrl+C, Ctrl+V, Ctrl+D, Ctrl+A and Shift+Alt+L are the designer's,
// not the browser's.
document.addEventListener("keydown", (event) => {
  const onCanvas = event.target instanceof Element && event.target.closest(".fd-canvas");
  const command = (event.ctrlKey || event.metaKey) && "szycvda".includes(event.key.toLowerCase());
  const layout = event.shiftKey && event.altKey && event.code === "KeyL";
  if (onCanvas && (command || layout)) {
    event.preventDefault();
  }
});

// The designer's canvas as it is now: its box on the screen, measured afresh before a fit or a placement.
window.flowDesigner.canvasBox = (element) => {
  const canvas = element && (element.querySelector(".diagram-canvas") || element);
  return canvas ? canvas.getBoundingClientRect() : null;
};

// Field mapping: a field of an earlier step's output (an element with data-expression) inserts its {{ path }} into the
// setting last edited in the property panel, at its cursor, when clicked; dragged, it drops into the setting it lands on.
(() => {
  const isSetting = (el) =>
    (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ["text", "search", "url", "email", ""].includes(el.type)))
    && !el.readOnly && el.closest("#property-panel") && !el.closest("#input-data");
  let target = null;
  let start = 0;
  let end = 0;
  const remember = (event) => {
    if (isSetting(event.target)) {
      target = event.target;
      start = target.selectionStart ?? target.value.length;
      end = target.selectionEnd ?? start;
    }
  };
  for (const name of ["focusin", "keyup", "mouseup", "input", "select"]) {
    document.addEventListener(name, remember, true);
  }

  const insert = (field, text, from, to) => {
    field.focus();
    field.setRangeText(text, from, to, "end");
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
    target = field;
    start = end = from + text.length;
  };

  document.addEventListener("click", (event) => {
    const chip = event.target instanceof Element && event.target.closest("[data-expression]");
    if (!chip) {
      return;
    }

    event.preventDefault(); // a chip in a summary inserts; the arrow beside it opens the field
    if (!target || !target.isConnected) {
      const hint = document.querySelector(".fd-input-data-hint");
      if (hint) {
        hint.classList.remove("fd-flash");
        void hint.offsetWidth;
        hint.classList.add("fd-flash");
      }
      return;
    }

    insert(target, chip.dataset.expression, Math.min(start, target.value.length), Math.min(end, target.value.length));
  });

  document.addEventListener("dragstart", (event) => {
    const chip = event.target instanceof Element && event.target.closest("[data-expression]");
    if (chip) {
      event.dataTransfer.setData("text/plain", chip.dataset.expression);
      event.dataTransfer.effectAllowed = "copy";
    }
  });

  document.addEventListener("dragover", (event) => {
    if (isSetting(event.target)) {
      event.preventDefault();
    }
  });

  document.addEventListener("drop", (event) => {
    const field = event.target;
    const text = event.dataTransfer && event.dataTransfer.getData("text/plain");
    if (!isSetting(field) || !text || !text.startsWith("{{")) {
      return;
    }

    event.preventDefault();
    const focused = document.activeElement === field;
    const from = focused ? field.selectionStart : field.value.length;
    insert(field, text, from, focused ? field.selectionEnd : from);
  });
})();
