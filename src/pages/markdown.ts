// Markdown of campaign texts (intro, body, thankYou). Authors are communications staff, not
// web developers, and their text ends up on an official site: raw HTML is shown as text, and
// images are off, because a Markdown image would load unprocessed, possibly from another server.
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.disable("image");

// Wide tables scroll inside their own box instead of widening the page at 320 px;
// tabindex lets keyboard users scroll that box. A focused box needs a name, and Markdown has no
// caption: the box is named by the table's column headings ("Bereich, Fläche"), in the text's own
// language, so no word of ours needs translating. A named <section> is a region; one without a
// name (a table without headings) is a plain box.
md.renderer.rules.table_open = (tokens, idx) => {
  const name = tableName(tokens, idx);
  return `<section class="kern-table-responsive"${name ? ` aria-label="${md.utils.escapeHtml(name)}"` : ""} tabindex="0"><table class="kern-table">\n`;
};
md.renderer.rules.table_close = () => "</table></section>\n";

/** The table's column headings, joined: its text up to the end of its head. */
function tableName(tokens: Token[], open: number): string {
  const headings: string[] = [];
  for (let i = open + 1; i < tokens.length && tokens[i]!.type !== "thead_close"; i++) {
    const token = tokens[i]!;
    if (token.type === "inline") headings.push((token.children?.map((child) => child.content).join("") ?? token.content).trim());
  }
  return headings.filter(Boolean).join(", ");
}

/**
 * Markdown → HTML. Headings are shifted so the text's top level becomes <h2> (or `topLevel`):
 * the page's only <h1> is its title, and an author's "# Heading" must not compete with it.
 */
export function renderMarkdown(source: string, options: { topLevel?: number } = {}): string {
  // The same intro is rendered on its page, in cards and descriptions, and in every rebuild.
  const key = `${options.topLevel ?? 2}\n${source}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = render(source, options.topLevel ?? 2);
    if (rendered.size > 2000) rendered.clear();
    rendered.set(key, html);
  }
  return html;
}

const rendered = new Map<string, string>();

function render(source: string, topLevel: number): string {
  const tokens = md.parse(source, {});
  const levels = tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
  if (levels.length > 0) {
    const shift = Math.max(0, topLevel - Math.min(...levels));
    for (const token of tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
      }
    }
  }
  return md.renderer.render(tokens, md.options, {});
}

/** Markdown → one line of plain text (meta descriptions, card teasers), cut at a word near `max`. */
export function markdownToText(source: string, max = 160): string {
  // The same teaser is asked for by every page that links to its page (navigation, cards).
  const key = `${max}\0${source}`;
  let text = plainTexts.get(key);
  if (text === undefined) {
    if (plainTexts.size > 10_000) plainTexts.clear(); // a long `serve` session sees many edits
    text = toPlainText(source, max);
    plainTexts.set(key, text);
  }
  return text;
}

const plainTexts = new Map<string, string>();

function toPlainText(source: string, max: number): string {
  const text = decodeEntities(md.render(source).replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:–-]+$/, "")}…`;
}

function decodeEntities(html: string): string {
  return html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
