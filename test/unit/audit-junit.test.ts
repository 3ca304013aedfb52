// The JUnit file is read by GitLab (artifacts:reports:junit), which shows failures in the merge
// request. This test reads it the way GitLab's parser does (lib/gitlab/ci/parsers/test/junit.rb:
// Hash.from_xml, one top-level <testsuites>, <testcase> inside <testsuite>, status from a
// <failure>/<error>/<skipped> child) and checks that it is well-formed XML for a strict parser.
import { parseDocument } from "htmlparser2";
import type { Element, Node } from "domhandler";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { renderJunit } from "../../src/audit/junit.js";
import { REPORT_FORMAT, type AuditReport, type AuditedPage } from "../../src/audit/report.js";
import { githubAnnotations } from "../../src/audit/annotations.js";

type Value = string | null | Hash | Value[];
interface Hash {
  [key: string]: Value;
}

/** ActiveSupport's Hash.from_xml, as far as GitLab relies on it: attributes and child elements become keys, repeats become arrays. */
function fromXml(xml: string): Hash {
  const doc = parseDocument(xml, { xmlMode: true });
  const root = doc.children.find((n): n is Element => n.type === "tag")!;
  return { [root.name]: toValue(root) };
}

function toValue(element: Element): Value {
  const children = element.children.filter((n): n is Element => n.type === "tag");
  const text = element.children.filter((n: Node) => n.type === "text").map((n) => (n as unknown as { data: string }).data).join("");
  const attributes = Object.entries(element.attribs);
  if (children.length === 0 && attributes.length === 0) return text.trim() === "" ? null : text;
  const hash: Hash = Object.fromEntries(attributes);
  for (const child of children) {
    const value = toValue(child);
    const existing = hash[child.name];
    hash[child.name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  if (text.trim()) hash.__content__ = text;
  return hash;
}

interface GitlabCase {
  suite_name?: string;
  classname?: string;
  name?: string;
  time?: string;
  status: "failed" | "error" | "skipped" | "success";
  system_output?: Value;
}

/** GitLab's all_cases/each_case/create_test_case. */
function gitlabCases(root: Hash): GitlabCase[] {
  const cases: GitlabCase[] = [];
  const allCases = (node: Value | undefined, parent?: Value) => {
    if (node === undefined || node === null) return;
    for (const n of [node].flat()) {
      if (!n || typeof n !== "object" || Array.isArray(n)) continue;
      if (!parent) allCases(n.testsuites, n);
      if (parent) {
        for (const tc of [n.testcase ?? []].flat()) {
          if (!tc || typeof tc !== "object" || Array.isArray(tc)) continue;
          const data = tc as Hash;
          const status = "failure" in data ? "failed" : "error" in data ? "error" : "skipped" in data ? "skipped" : "success";
          const system_output = data.failure ?? data.error ?? data.skipped;
          cases.push({ suite_name: n.name as string, classname: data.classname as string, name: data.name as string, time: data.time as string, status, system_output });
        }
      }
      allCases(n.testsuite, n);
    }
  };
  allCases(root);
  return cases;
}

function page(url: string, campaign: string | undefined, errors: number, extra: Partial<AuditedPage> = {}): AuditedPage {
  return {
    url,
    kind: "page",
    campaign,
    ms: 1234,
    issues: Array.from({ length: errors }, (_, i) => ({
      url,
      code: i ? "WCAG2AA.Principle1.Guideline1_3.1_3_1.F68" : "color-contrast",
      message: i ? "This form field should be labelled in some way." : "Elements must meet minimum color contrast ratio thresholds",
      selector: i ? "#wunsch" : "#error-summary-title",
      context: i ? '<input name="wunsch" type="text">' : '<h2 id="error-summary-title">Es gibt ein Problem & mehr</h2>',
      runner: i ? "htmlcs" : "axe",
      criteria: i ? ["1.3.1"] : ["1.4.3"],
      help: "…",
      helpLocale: "de",
    })),
    ...extra,
  };
}

const report: AuditReport = {
  format: REPORT_FORMAT,
  date: "2027-03-18T14:30:00.000Z",
  ms: 30_500,
  locale: "de",
  standard: "WCAG2AA",
  runners: ["axe", "htmlcs"],
  tools: { pa11y: "9.1.1", axeCore: "4.11.4", htmlCodeSniffer: "2.6.0", axeRules: 98 },
  pages: [
    page("/", undefined, 0),
    page("/marktplatz/", "marktplatz", 0),
    page("/api/marktplatz/karte/contributions", "marktplatz", 2, { kind: "form-error", from: "/marktplatz/karte/" }),
    page("/marktplatz/umfrage/danke/", "marktplatz", 0, { failure: "net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/ <script>" }),
    page("/radverkehr/", "radverkehr", 0),
  ],
  errors: 3,
};

describe("audit JUnit report", () => {
  const xml = renderJunit(report);

  it("is read by GitLab's parser as one test case per page, failed where the page has errors", () => {
    const cases = gitlabCases(fromXml(xml));
    expect(cases.map((c) => [c.suite_name, c.name, c.status])).toEqual([
      ["site", "/", "success"],
      ["marktplatz", "/marktplatz/", "success"],
      ["marktplatz", "/api/marktplatz/karte/contributions (form-error, from /marktplatz/karte/)", "failed"],
      ["marktplatz", "/marktplatz/umfrage/danke/", "failed"],
      ["radverkehr", "/radverkehr/", "success"],
    ]);
    for (const c of cases) {
      expect(c.classname).toMatch(/^accessibility\./);
      expect(Number(c.time)).toBeCloseTo(1.234);
    }
    // GitLab shows the failure's content as the details: the criterion, the rule, the element and its HTML.
    const failed = cases[2]!.system_output as Hash;
    expect(failed.message).toBe("2 accessibility errors");
    expect(failed.__content__).toContain("WCAG 1.4.3 [color-contrast] #error-summary-title");
    expect(failed.__content__).toContain('<h2 id="error-summary-title">Es gibt ein Problem & mehr</h2>');
    expect(failed.__content__).toContain("WCAG 1.3.1 [WCAG2AA.Principle1.Guideline1_3.1_3_1.F68] #wunsch");
    expect((cases[3]!.system_output as Hash).message).toMatch(/^not audited: net::ERR_CONNECTION_REFUSED/);
  });

  it("has a single <testsuites> root with the counts", () => {
    const root = fromXml(xml);
    expect(Object.keys(root)).toEqual(["testsuites"]);
    const suites = root.testsuites as Hash;
    expect(suites).toMatchObject({ tests: "5", failures: "2", errors: "0", time: "30.500" });
    expect((suites.testsuite as Hash[]).map((s) => [s.name, s.tests, s.failures])).toEqual([
      ["site", "1", "0"],
      ["marktplatz", "3", "2"],
      ["radverkehr", "1", "0"],
    ]);
  });

  it("is well-formed XML for a strict parser", async () => {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu"] });
    try {
      const page = await browser.newPage();
      const result = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        return { error: doc.querySelector("parsererror")?.textContent ?? null, cases: doc.querySelectorAll("testcase").length };
      }, xml);
      expect(result).toEqual({ error: null, cases: 5 });
    } finally {
      await browser.close();
    }
  });
});

describe("GitHub annotations", () => {
  it("are one ::error command per problem, with the command's special characters escaped", () => {
    const lines = githubAnnotations(report);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("::error title=WCAG 1.4.3 /api/marktplatz/karte/contributions::#error-summary-title: Elements must meet minimum color contrast ratio thresholds");
    expect(lines[2]).toBe("::error title=Not audited%3A /marktplatz/umfrage/danke/::net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/ <script>");
    for (const line of lines) expect(line).not.toMatch(/\n/);
  });
});
