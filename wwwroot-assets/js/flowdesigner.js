// Small browser helpers the Blazor components call through JS interop.
window.flowDesigner = {
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

