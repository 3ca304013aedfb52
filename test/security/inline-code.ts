// What a Content-Security-Policy without 'unsafe-inline' blocks, found in markup: style attributes,
// <style> elements, scripts with code inside (data blocks of type application/json or application/ld+json
// are fine: browsers never run them, and the CSP does not govern them), event
// handler attributes and javascript: URLs.
import * as cheerio from "cheerio";

/** In a Nunjucks template (not yet HTML, so read as text): each finding with its line. */
export function inlineCodeInTemplate(source: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => source.slice(0, index).split("\n").length;
  // Template comments may mention what they avoid.
  const text = source.replace(/\{#[\s\S]*?#\}/g, (comment) => comment.replace(/[^\n]/g, " "));
  for (const tag of text.matchAll(/<[a-zA-Z][^<>]*>/g)) {
    const at = `line ${lineOf(tag.index)}`;
    if (/\sstyle\s*=/i.test(tag[0])) found.push(`${at}: style attribute in ${tag[0]}`);
    if (/\son[a-z]+\s*=/i.test(tag[0])) found.push(`${at}: event handler attribute in ${tag[0]}`);
    if (/=\s*["']?\s*javascript:/i.test(tag[0])) found.push(`${at}: javascript: URL in ${tag[0]}`);
  }
  for (const style of text.matchAll(/<style[\s>]/gi)) found.push(`line ${lineOf(style.index)}: <style> element`);
  for (const script of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (script[2]!.trim() !== "" && !/type\s*=\s*["']application\/(ld\+)?json["']/i.test(script[1]!)) {
      found.push(`line ${lineOf(script.index)}: <script> with code inside`);
    }
  }
  return found;
}

/** In a built page. */
export function inlineCodeInPage(html: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $("[style]").each((_, element) => void found.push(`style attribute on <${element.tagName}>: ${$(element).attr("style")}`));
  $("style").each(() => void found.push("<style> element"));
  $("script").each((_, element) => {
    const script = $(element);
    if (script.text().trim() !== "" && !["application/json", "application/ld+json"].includes(script.attr("type") ?? "")) found.push(`<script> with code inside: ${script.text().trim().slice(0, 60)}`);
  });
  $("*").each((_, node) => {
    const element = node as { tagName?: string; attribs?: Record<string, string> };
    for (const [name, value] of Object.entries(element.attribs ?? {})) {
      if (/^on/i.test(name)) found.push(`event handler attribute ${name} on <${element.tagName}>`);
      if (/^\s*javascript:/i.test(value)) found.push(`javascript: URL in ${name} on <${element.tagName}>`);
    }
  });
  return found;
}
