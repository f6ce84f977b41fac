// Copy buttons on code blocks (ui/html.py renders them without any handler): ONE delegated listener for
// the whole page, so cards rendered later need nothing of their own and nothing from the archive is script.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button.khub-copy") : null;
  const code = button ? button.closest(".khub-codeblock")?.querySelector("pre code") : null;
  if (!code) return;
  const shown = (label) => {
    button.textContent = label;
    setTimeout(() => { button.textContent = "Copy"; }, 1500);
  };
  const text = code.textContent;
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(() => shown("Copied"), () => shown("Copy failed"));
    return;
  }
  // Plain http on another host has no clipboard API: select the code and copy the selection.
  const range = document.createRange();
  range.selectNodeContents(code);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  shown(document.execCommand("copy") ? "Copied" : "Select and copy");
  selection.removeAllRanges();
});
