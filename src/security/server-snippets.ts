// The site's header rules for the two web servers cities run most, as files to include: nginx
// (`include …/_headers.nginx.conf;` in the server block) and Caddy (`import …/_headers.caddy` in
// the site block). Both say exactly what `_headers` says, and leave the collector's paths alone:
// the collector sends its own headers.
import { HEADER_FILES, type HeaderRule } from "./headers.js";

export function nginxSnippet(rules: HeaderRule[], collectorPaths: string[]): string {
  const names = headerNames(rules);
  const variable = (name: string) => `$mitreden_${name.toLowerCase().replace(/-/g, "_")}`;
  const lines = [
    "# Security headers of this site for nginx, written by `mitreden build`; they are the ones in _headers.",
    "# Include this file in the server { } block that serves this folder:",
    "#     include /path/to/_site/_headers.nginx.conf;",
    "# nginx leaves out the server's add_header lines in a location { } that has add_header lines of its",
    "# own: include this file in such a location as well. Needs nginx 1.7.5 or later (add_header … always).",
    "",
  ];
  // What every path gets (a "/*" rule), then what a path's own rule gives it.
  const everywhere = new Map(rules.filter((rule) => rule.path === "/*").flatMap((rule) => rule.headers));
  lines.push(...names.map((name) => `set ${variable(name)} ${nginxValue(everywhere.get(name) ?? "")};`));
  for (const rule of rules.filter((r) => r.path !== "/*")) {
    lines.push(`if ($uri ~ ${nginxRegExp(pathRegExp(rule.path))}) {`, ...rule.headers.map(([name, value]) => `    set ${variable(name)} ${nginxValue(value)};`), "}");
  }
  for (const prefix of collectorPaths) {
    lines.push(`# The collector, proxied at ${prefix}/, sends its own headers.`, `if ($uri ~ ${nginxRegExp(pathRegExp(`${prefix}/*`))}) {`, ...names.map((name) => `    set ${variable(name)} "";`), "}");
  }
  lines.push(`if ($uri ~ ${nginxRegExp(hiddenRegExp())}) {`, "    return 404;", "}");
  // An empty value sends no header: paths without a rule for a header go without it, as on Netlify.
  lines.push(...names.map((name) => `add_header ${name} ${variable(name)} always;`), "");
  return lines.join("\n");
}

export function caddySnippet(rules: HeaderRule[], collectorPaths: string[]): string {
  const lines = [
    "# Security headers of this site for Caddy, written by `mitreden build`; they are the ones in _headers.",
    "# Import this file in the site block that serves this folder:",
    "#     import /path/to/_site/_headers.caddy",
    "",
  ];
  rules.forEach((rule, index) => {
    const matcher = `@mitreden_headers_${index + 1}`;
    lines.push(`${matcher} {`, `\tpath ${rule.path}`);
    // The collector, proxied on the same origin, sends its own headers.
    if (collectorPaths.length) lines.push(`\tnot path ${collectorPaths.map((prefix) => `${prefix}/*`).join(" ")}`);
    lines.push("}", `header ${matcher} {`, ...rule.headers.map(([name, value]) => `\t${name} ${caddyString(value)}`), "}");
  });
  lines.push(`@mitreden_header_files path ${HEADER_FILES.map((file) => `/${file}`).join(" ")}`, "respond @mitreden_header_files 404", "");
  return lines.join("\n");
}

function headerNames(rules: HeaderRule[]): string[] {
  return [...new Set(rules.flatMap((rule) => rule.headers.map(([name]) => name)))];
}

/** A `_headers` path pattern as a regular expression over nginx's $uri. */
function pathRegExp(pattern: string): string {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return pattern.endsWith("/*") ? `^${escape(pattern.slice(0, -1))}` : `^${escape(pattern)}$`;
}

function hiddenRegExp(): string {
  return `^/(${HEADER_FILES.map((file) => file.replace(/\./g, "\\.")).join("|")})$`;
}

/** A header value as a double-quoted nginx string (the policy's quotes and semicolons stay literal). */
function nginxValue(value: string): string {
  // nginx reads "$name" in a value as a variable and has no escape for it; no header of ours has one.
  if (/[$"\\]/.test(value)) throw new Error(`A header value for nginx must not contain $, " or \\: ${value}`);
  return `"${value}"`;
}

/** A regular expression in double quotes: nginx passes \. and $ on to the regex unchanged. */
function nginxRegExp(pattern: string): string {
  return `"${pattern}"`;
}

function caddyString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
