// What a reported rule means for the people who fix it: the WCAG criteria it tests and how to fix
// it, in the report's language where the tool has words for it (axe ships German; HTML_CodeSniffer
// only English, so its advice stays English and is marked so). Also the tools' versions, which the
// report and the accessibility statement name.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { translate, uiLocaleFor } from "../i18n/index.js";
import { memoize } from "../memo.js";
import { criteriaOfAxeTags, criterionOfSnifferCode, criterion, understandingUrl } from "./wcag.js";

export interface RuleAdvice {
  /** WCAG criteria ("1.1.1"); empty for a best-practice rule that maps to none. */
  criteria: string[];
  /** How to fix it. */
  help: string;
  /** Language of `help` ("de", "en"). */
  helpLocale: string;
  /** Where the rule is explained. */
  helpUrl?: string;
}

interface AxeRule {
  ruleId: string;
  description: string;
  help: string;
  helpUrl: string;
  tags: string[];
}

interface AxeModule {
  version: string;
  getRules(tags?: string[]): AxeRule[];
}

// pa11y brings its own axe-core and HTML_CodeSniffer; resolve them from pa11y, so the report names
// the versions that actually ran.
const pa11yRequire = once(() => createRequire(createRequire(import.meta.url).resolve("pa11y/package.json")));

const axe = once((): AxeModule => pa11yRequire()("axe-core") as AxeModule);

const axeRules = once(() => new Map(axe().getRules().map((rule) => [rule.ruleId, rule])));

/** axe's own translations (axe-core/locales/<lang>.json), by rule id. */
const axeLocale = memoize((language: string): Record<string, { help?: string; description?: string }> => {
  try {
    const file = path.join(path.dirname(pa11yRequire().resolve("axe-core/package.json")), "locales", `${language}.json`);
    return (JSON.parse(readFileSync(file, "utf8")) as { rules?: Record<string, { help?: string; description?: string }> }).rules ?? {};
  } catch {
    return {};
  }
});

/** The axe tags pa11y runs for WCAG2AA (see pa11y/lib/runners/axe.js). */
export const AXE_TAGS = ["wcag2a", "wcag21a", "wcag2aa", "wcag21aa", "best-practice"];

export function adviceFor(runner: string, code: string, message: string, locale: string): RuleAdvice {
  const language = locale.toLowerCase().split("-")[0] ?? "en";
  if (runner === "axe") {
    const rule = axeRules().get(code);
    const translated = language === "en" ? undefined : axeLocale(language)[code];
    const help = translated?.help ?? rule?.help ?? message;
    const description = translated?.description ?? rule?.description;
    return {
      criteria: rule ? criteriaOfAxeTags(rule.tags) : [],
      help: description ? `${help} ${description}` : help,
      helpLocale: translated?.help ? language : "en",
      helpUrl: rule?.helpUrl.replace(/\?application=axeAPI$/, ""),
    };
  }
  if (runner === "mitreden") {
    // Our own checks speak both languages; the measured values are each finding's message.
    const ui = uiLocaleFor(locale);
    return { criteria: [], help: translate(ui, `audit.fix.${code.replace(/^mitreden\./, "").replace(/\.(forced-colors|dark)$/, "")}`), helpLocale: ui };
  }
  const number = criterionOfSnifferCode(code);
  const found = number ? criterion(number) : undefined;
  return { criteria: number ? [number] : [], help: message, helpLocale: "en", helpUrl: found && understandingUrl(found) };
}

export interface AuditTools {
  pa11y: string;
  axeCore: string;
  htmlCodeSniffer: string;
  /** How many axe rules the WCAG2AA run includes. */
  axeRules: number;
}

export const auditTools = once((): AuditTools => {
  const version = (name: string) => (JSON.parse(readFileSync(pa11yRequire().resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
  const own = createRequire(import.meta.url);
  return {
    pa11y: (JSON.parse(readFileSync(own.resolve("pa11y/package.json"), "utf8")) as { version: string }).version,
    axeCore: axe().version,
    htmlCodeSniffer: version("@pa11y/html_codesniffer"),
    axeRules: axe().getRules(AXE_TAGS).length,
  };
});

/** `make`'s value, made on the first call. */
function once<R>(make: () => R): () => R {
  let made: { value: R } | undefined;
  return () => (made ??= { value: make() }).value;
}
