// What counts as text a person wrote, for the collector and the browser alike (no Node imports).
// PostgreSQL cannot store a NUL character, and a lone UTF-16 surrogate is not Unicode at all (it
// arrives from a broken client or a fuzzer, never from a keyboard): such text is refused with a
// 400 naming the field on both stores, so SQLite and PostgreSQL accept exactly the same answers.

/** C0 control characters except tab, line feed and carriage return, DEL, and C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text no store may keep: a control character or a lone surrogate. */
export function isUnstorableText(text: string): boolean {
  return CONTROL.test(text) || LONE_SURROGATE.test(text);
}

/**
 * A letter, digit, punctuation mark or symbol: what makes an answer an answer. Spaces, zero-width
 * characters, soft hyphens and control characters alone do not.
 * The same pattern goes into the survey's JSON Schema (ajv compiles patterns with the "u" flag).
 */
export const VISIBLE_TEXT_PATTERN = "[\\p{L}\\p{N}\\p{P}\\p{S}]";
const VISIBLE = new RegExp(VISIBLE_TEXT_PATTERN, "u");

export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

/**
 * Every string in a submission's body (keys and values, any depth) that no store may keep, as the
 * field it belongs to: `fieldOf(path)` maps the path of keys to the field a person sees.
 */
export function unstorableFields(body: unknown, fieldOf: (path: string[]) => string): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, path: string[]): void => {
    if (typeof value === "string") {
      if (isUnstorableText(value)) found.add(fieldOf(path));
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, path));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (isUnstorableText(key)) found.add(fieldOf([...path, "_key"]));
        else visit(item, [...path, key]);
      }
    }
  };
  visit(body, []);
  return [...found];
}
