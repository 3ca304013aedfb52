// The one HTML escaper, for the little markup made outside templates (a <picture>, a translated
// sentence with markup in its placeholders). Inside templates Nunjucks' autoescape does it.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
