// The static files of the kit: the copy buttons' script (progressive enhancement: without it the
// buttons stay hidden and the texts are selectable fields), the kit page's styles and the poster's
// print styles. They load on those pages only, so the public pages' stylesheet carries none of it.
import { parseHex, toHex } from "../styles/theme.js";

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
 * The poster's stylesheet for one campaign: its colour as a custom property (a file, not a `style`
 * attribute, so that the pages keep a Content-Security-Policy of `style-src 'self'`), then the
 * shared rules.
 */
export function posterCss(primary: string): string {
  return `.mr-poster { --mr-poster-primary: ${toHex(parseHex(primary, "theme.primary"))}; }\n${POSTER_CSS}`;
}

/**
 * A4 portrait, edge to edge. Printing shows only the poster: whatever the site layout puts around
 * it (header, footer, navigation) is hidden, without this file having to know that layout.
 */
const POSTER_CSS = `@page { size: A4 portrait; margin: 0; }
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
@media screen {
  /* On screen: a sheet of paper, which shrinks to the window below A4 width (no sideways scrolling at 320 px). */
  .mr-poster { max-width: 100%; box-shadow: 0 0 0 1px #c8cad6, 0 0.25rem 1rem rgb(0 0 0 / 0.12); }
  .mr-poster__qr { max-width: 100%; height: auto; }
}
@media screen and (max-width: 52rem) {
  .mr-poster { width: 100%; min-height: 0; padding: 1.5rem 1rem; gap: 1rem; border-top-width: 0.75rem; }
  .mr-poster__organization { font-size: 1rem; }
  .mr-poster__call { font-size: 1.25rem; }
  .mr-poster__title { font-size: 2rem; }
  .mr-poster__campaign, .mr-poster__until { font-size: 1.125rem; }
  .mr-poster__qr { width: min(95mm, 100%); margin-top: 1rem; }
  .mr-poster__scan { font-size: 1rem; }
  .mr-poster__url { font-size: 1.125rem; }
}
@media print {
  html, body { margin: 0; background: #fff; }
  body * { visibility: hidden; }
  .mr-poster, .mr-poster * { visibility: visible; }
  .mr-poster { position: absolute; top: 0; left: 0; border-top-color: var(--mr-poster-primary, #00566b);
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * The kit page: image grids instead of bullet lists, each post entry a framed group with its feed
 * preview beside it on wide screens (below it on phones), read-only fields as tall as their text
 * (KERN sizes inputs to one line), long links that wrap at 320 px. The feed preview is a sketch of
 * a phone's feed: each picture in the frame its platform gives it, a story with the bands the app
 * covers shaded.
 */
export const KIT_CSS = `.mr-kit { --mr-kit-gap: var(--kern-metric-space-large, 24px); }
.mr-kit > nav ul { margin: 0; }
.mr-kit section { margin-block-start: var(--kern-metric-space-2x-large, 40px); }
.mr-kit figure { margin: 0; }
.mr-kit img { display: block; max-width: 100%; height: auto; }
.mr-kit figcaption { margin-block-start: var(--kern-metric-space-small, 8px); }
.mr-kit a { color: var(--kern-color-action-default-contextual, #2044aa); text-decoration: underline;
  text-decoration-thickness: var(--kern-1, 1px); text-underline-offset: var(--kern-3, 3px); overflow-wrap: anywhere; }
.mr-kit a:hover, .mr-kit a:active { text-decoration-thickness: var(--kern-3, 3px); }
.mr-kit a:visited { color: var(--kern-color-action-visited, #6f2f9f); }
.mr-kit__cards, .mr-kit__qr { list-style: none; margin: var(--mr-kit-gap) 0 0; padding: 0; display: grid; gap: var(--mr-kit-gap);
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); }
.mr-kit__cards > li { display: grid; grid-template-columns: minmax(0, 1fr) 7rem; gap: var(--kern-metric-space-default, 16px); align-items: start; }
.mr-kit__qr { grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); }
.mr-kit__cards img { border: 1px solid var(--kern-color-layout-border, #b5b7c6); }
.mr-kit__square img { aspect-ratio: 1 / 1; width: 7rem; object-fit: cover; }
.mr-kit__square figcaption { font-size: 0.875rem; }
.mr-kit__qr img { width: 100%; max-width: 12rem; }
.mr-kit__url { overflow-wrap: anywhere; }
.mr-kit__post { margin-block-start: var(--kern-metric-space-2x-large, 40px); }
.mr-kit__post > p { margin-block: var(--kern-metric-space-small, 8px) 0; }
.mr-kit__entry { margin-block-start: var(--mr-kit-gap); padding: var(--mr-kit-gap); display: flex; flex-direction: column;
  gap: var(--kern-metric-space-small, 8px); border: 1px solid var(--kern-color-layout-border, #b5b7c6);
  border-radius: var(--kern-metric-border-radius-default, 4px); }
.mr-kit__entry h3, .mr-kit__entry h4 { margin: 0; }
.mr-kit__entry p { margin: 0; }
.mr-kit__entry .kern-label { margin-block-start: var(--kern-metric-space-small, 8px); }
.mr-kit__way { font-weight: 600; }
.mr-kit__columns { display: grid; gap: var(--mr-kit-gap); grid-template-columns: minmax(0, 1fr); }
@media (min-width: 60rem) { .mr-kit__columns { grid-template-columns: minmax(0, 1fr) 20rem; align-items: start; } }
.mr-kit__fields { display: flex; flex-direction: column; gap: var(--kern-metric-space-small, 8px); min-width: 0; }
.mr-kit textarea.kern-form-input__input { display: block; height: auto; min-height: 6rem; resize: vertical;
  -webkit-line-clamp: unset; line-clamp: none; white-space: pre-wrap; overflow-wrap: anywhere; }
.mr-kit__image { margin-block-start: var(--kern-metric-space-default, 16px); }
.mr-kit__image img { width: auto; max-height: 22rem; border: 1px solid var(--kern-color-layout-border, #b5b7c6); }
.mr-feed { max-width: 20rem; }
.mr-feed > figcaption { margin: 0 0 var(--kern-metric-space-small, 8px); font-weight: 600; }
.mr-feed__phone { border: 1px solid #b5b7c6; border-radius: 1.25rem; padding: 0.75rem; background: #fff; color: #1b1b1b;
  font-size: 0.875rem; line-height: 1.4; box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.08); }
.mr-feed__account { font-weight: 600; margin: 0 0 0.5rem; }
.mr-feed__text { margin: 0 0 0.5rem; white-space: pre-line; overflow-wrap: anywhere; }
.mr-feed__more { color: #595959; }
.mr-feed__frame { position: relative; overflow: hidden; border-radius: 0.5rem; background: #eee; }
.mr-feed__frame img { width: 100%; height: 100%; object-fit: cover; }
.mr-feed__frame--link { aspect-ratio: 1200 / 630; }
.mr-feed__frame--square { aspect-ratio: 1 / 1; }
.mr-feed__frame--portrait { aspect-ratio: 4 / 5; }
.mr-feed__frame--story, .mr-feed__frame--reel { aspect-ratio: 9 / 16; }
/* What Instagram and Facebook lay over a story (account at the top, reply bar at the bottom) and a Reel (its caption). */
.mr-feed__frame--story::before, .mr-feed__frame--story::after, .mr-feed__frame--reel::before, .mr-feed__frame--reel::after {
  content: ""; position: absolute; left: 0; right: 0; background: rgb(0 0 0 / 0.45); }
.mr-feed__frame--story::before, .mr-feed__frame--reel::before { top: 0; height: 13%; }
.mr-feed__frame--story::after { bottom: 0; height: 17.7%; }
.mr-feed__frame--reel::after { bottom: 0; height: 35%; }
.mr-feed__count { position: absolute; top: 0.5rem; right: 0.5rem; padding: 0 0.5rem; border-radius: 1rem; background: #1b1b1b; color: #fff; }
.mr-feed__host { margin: 0.25rem 0 0; color: #595959; }
`;
