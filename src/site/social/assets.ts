// The two static files of the kit: the copy buttons' script (progressive enhancement: without it
// the buttons stay hidden and the texts are selectable fields) and the poster's print styles.

export const COPY_SCRIPT = `// mitreden social-media kit: copy buttons. Without this script they stay hidden; the texts are
// read-only fields that can be selected and copied by hand.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!field || !status || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.copied;
    } catch {
      field.select();
    }
  });
}
`;

/**
 * A4 portrait, edge to edge. Printing shows only the poster: whatever the site layout puts around
 * it (header, footer, navigation) is hidden, without this file having to know that layout.
 */
export const POSTER_CSS = `@page { size: A4 portrait; margin: 0; }
.mr-poster { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto; padding: 18mm 16mm;
  display: flex; flex-direction: column; gap: 8mm; background: #fff; color: #111;
  font-family: "Fira Sans", system-ui, sans-serif; border-top: 10mm solid var(--mr-poster-primary, #00566b); }
.mr-poster__organization { font-size: 14pt; margin: 0; }
.mr-poster__call { font-size: 20pt; font-weight: 600; margin: 0; color: var(--mr-poster-primary, #00566b); }
.mr-poster__title { font-size: 40pt; line-height: 1.1; font-weight: 600; margin: 0; hyphens: auto; overflow-wrap: break-word; }
.mr-poster__campaign { font-size: 18pt; margin: 0; }
.mr-poster__until { font-size: 18pt; font-weight: 600; margin: 0; }
.mr-poster__qr { width: 95mm; height: 95mm; align-self: center; margin-top: auto; }
.mr-poster__scan { font-size: 13pt; text-align: center; margin: 0; }
.mr-poster__url { font-size: 20pt; font-weight: 600; text-align: center; margin: 0; overflow-wrap: anywhere; }
@media print {
  html, body { margin: 0; background: #fff; }
  body * { visibility: hidden; }
  .mr-poster, .mr-poster * { visibility: visible; }
  .mr-poster { position: absolute; top: 0; left: 0; border-top-color: var(--mr-poster-primary, #00566b);
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
