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
