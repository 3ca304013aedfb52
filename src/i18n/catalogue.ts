// What a catalogue is, in types only (no code, so browser scripts may import it freely). German is
// the reference: every other catalogue must have each of its texts, and a text with placeholders
// must keep them, so a forgotten key or a dropped "{date}" is a compile error, not a blank on a page.
import type * as reference from "./catalogues/de.js";

/** The German catalogue: its namespaces and their texts, as literal types. */
export type Reference = typeof reference;
/** Areas of the interface: site, map, forms, kit, cards, exports, language (and desk, reach, results to come). */
export type Namespace = keyof Reference;

/** Plural categories of Intl.PluralRules; every language has "other". */
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

/**
 * A text that depends on a number: one form per plural category the language uses, chosen by the
 * value of the placeholder `plural` names ({ plural: "count", one: "eine Frage", other: "{count} Fragen" }).
 */
export type PluralText = { readonly plural: string; readonly other: string } & { readonly [C in Exclude<PluralCategory, "other">]?: string };

/** A text of a catalogue: plain, with {name} placeholders, or plural forms. */
export type Text = string | PluralText;

/** The placeholder names of a text: Placeholders<"{count} von {total}"> = "count" | "total". */
export type Placeholders<T> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : T extends PluralText
    ? T["plural"] | { [C in PluralCategory]: T extends { readonly [K in C]: infer Form } ? Placeholders<Form> : never }[PluralCategory]
    : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * What a translation of the reference text T may be: a string with every placeholder of T (in any
 * order), or, if T has placeholders, plural forms (German needs none for "Zeichen", English does
 * for "character(s)"; a test checks that plural forms use T's placeholders).
 */
export type Translation<T> = [Placeholders<T>] extends [never]
  ? string
  : UnionToIntersection<Placeholders<T> extends infer P extends string ? (P extends string ? `${string}{${P}}${string}` : never) : never> | PluralText;

/** One namespace of a translation, key by key. */
export type NamespaceTranslation<N extends Namespace> = { readonly [K in keyof Reference[N]]: Translation<Reference[N][K]> };

/** What a catalogue file exports: every namespace of the reference. */
export type Catalogue = { readonly [N in Namespace]: NamespaceTranslation<N> };

/** "site.status.open", "map.form.category", "forms.submit": a namespace and a key of it. */
export type MessageKey = { [N in Namespace]: `${N}.${keyof Reference[N] & string}` }[Namespace];

type TextOf<K extends MessageKey> = K extends `${infer N extends Namespace}.${infer Key}` ? (Key extends keyof Reference[N] ? Reference[N][Key] : never) : never;

/** The values a text needs, by placeholder name. Numbers are formatted for the page's language. */
export type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<TextOf<K>>]: string | number };

/** The rest of the arguments of message(): none for a text without placeholders, else its values. */
export type MessageArgs<K extends MessageKey> = [Placeholders<TextOf<K>>] extends [never] ? [] : [params: MessageParams<K>];
