// Thin: parse arguments, call the public API (src/index.ts), print, set the exit code. Options
// that several commands share are declared and parsed once, below.
import { parseArgs, type ParseArgsConfig } from "node:util";
import * as api from "./index.js";

type Values = Record<string, string | boolean | undefined>;
type OptionSpec = NonNullable<ParseArgsConfig["options"]>[string] & { help: string };

interface Command {
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Help for positional arguments. */
  positionals?: Record<string, string>;
  run(values: Values, positionals: string[]): Promise<number>;
}

// Options several commands take: one spelling, one default, one help text, one parser.
const option = {
  campaigns: { type: "string", default: "campaigns", help: "folder with the campaigns (default: campaigns)" },
  out: { type: "string", default: "_site", help: "output folder (default: _site)" },
  now: { type: "string", help: "act as if it were this ISO instant, e.g. 2027-03-15T12:00:00+01:00 (rehearse launch day; the clock runs on from there)" },
  host: { type: "string", default: "127.0.0.1", help: "interface to listen on (default: 127.0.0.1; 0.0.0.0 for your network)" },
  db: { type: "string", default: "data/mitreden.sqlite", help: "SQLite file (default: data/mitreden.sqlite); DATABASE_URL=postgres://… uses PostgreSQL instead" },
  page: { type: "string", help: "id of the survey or map page, e.g. umfrage" },
} satisfies Record<string, OptionSpec>;
const port = (fallback: string, help: string): OptionSpec => ({ type: "string", default: fallback, help });

const text = (value: string | boolean | undefined): string | undefined => (value === undefined ? undefined : String(value));

function portOf(values: Values): number {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new api.UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  return port;
}

const nowOf = (values: Values) => api.parseInstant(text(values.now));

function formatOf(values: Values): api.ExportFormat {
  const format = String(values.format);
  if (format !== "csv" && format !== "json" && format !== "geojson") throw new api.UsageError(`--format must be csv, json or geojson, not "${format}".`);
  return format;
}

function delimiterOf(values: Values): string | undefined {
  const delimiter = text(values.delimiter)?.replace(/^\\t$/, "\t");
  if (delimiter !== undefined && !/^[,;\t|]$/.test(delimiter)) throw new api.UsageError(`--delimiter must be one of , ; | or \\t, not "${values.delimiter}".`);
  return delimiter;
}

/** Runs until Ctrl+C or SIGTERM, then closes (requests in flight finish first). */
function untilStopped(running: { close(): Promise<void> }): Promise<number> {
  return new Promise((resolve) => {
    const stop = () => void running.close().then(() => resolve(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

const commands: Record<string, Command> = {
  validate: {
    summary: "check every campaign; all problems at once",
    usage: "mitreden validate [dir]",
    options: {},
    positionals: { dir: "folder with <slug>/campaign.json (default: campaigns)" },
    async run(_values, positionals) {
      const { campaigns, problems } = await api.validate(positionals[0] ?? "campaigns");
      for (const problem of problems) console.log(api.formatProblem(problem));
      const errors = problems.filter((p) => p.severity === "error").length;
      const warnings = problems.length - errors;
      console.log(
        errors
          ? `\n${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`
          : `${campaigns.length} ${campaigns.length === 1 ? "campaign" : "campaigns"} valid${warnings ? `, ${warnings} warnings` : ""}.`,
      );
      return errors ? 1 : 0;
    },
  },
  build: {
    summary: "validate, then build the static site",
    usage: "mitreden build [--campaigns campaigns] [--out _site] [--now instant] [--kit-out dir]",
    options: {
      campaigns: option.campaigns,
      out: option.out,
      now: option.now,
      "kit-out": { type: "string", help: "build the social-media kits into this folder (e.g. for an intranet) instead of the site" },
    },
    async run(values) {
      const kitOutDir = text(values["kit-out"]);
      const result = await api.build({ campaignsDir: String(values.campaigns), outDir: String(values.out), now: nowOf(values), kitOutDir });
      for (const warning of result.warnings) console.log(api.formatProblem(warning));
      console.log(`Built ${result.pages.length} pages into ${values.out}/ in ${result.ms} ms.${kitOutDir ? ` Social-media kits in ${kitOutDir}/.` : ""}`);
      return 0;
    },
  },
  serve: {
    summary: "build, serve the site on one port, rebuild on change",
    usage: "mitreden serve [--port 8080] [--campaigns campaigns] [--out _site] [--now instant]",
    options: {
      port: port("8080", "port to listen on (default: 8080)"),
      host: option.host,
      db: { type: "string", help: "the collector's SQLite file (default: data/mitreden.sqlite)" },
      campaigns: option.campaigns,
      out: option.out,
      now: option.now,
    },
    async run(values) {
      const server = await api.serve({ campaignsDir: String(values.campaigns), outDir: String(values.out), port: portOf(values), host: String(values.host), now: nowOf(values), db: text(values.db) });
      console.log(`Serving on ${server.url}/ — press Ctrl+C to stop.`);
      return untilStopped(server);
    },
  },
  audit: {
    summary: "accessibility audit (pa11y, WCAG 2.1 AA) of every page",
    usage: "mitreden audit [--site _site]",
    options: { site: { type: "string", default: "_site", help: "built site to audit (default: _site)" } },
    async run(values) {
      const result = await api.audit({
        siteDir: String(values.site),
        onPage: (url, issues) => console.log(`${issues.length ? "✗" : "✓"} ${url}${issues.length ? `  ${issues.length} errors` : ""}`),
      });
      for (const issue of result.issues) console.log("\n" + api.formatAuditIssue(issue));
      console.log(`\npa11y (WCAG2AA; axe, htmlcs): ${result.urls.length} pages, ${result.issues.length} errors, ${(result.ms / 1000).toFixed(1)} s.`);
      return result.issues.length ? 1 : 0;
    },
  },
  collect: {
    summary: "the collector alone (production, behind a reverse proxy)",
    usage: "mitreden collect [--port 8081] [--db data/mitreden.sqlite] [--campaigns campaigns] [--site _site]",
    options: {
      port: port("8081", "port to listen on (default: 8081); routes live under /api"),
      host: { ...option.host, help: "interface to listen on (default: 127.0.0.1)" },
      db: option.db,
      campaigns: option.campaigns,
      site: { type: "string", default: "_site", help: "the built site, whose frame and stylesheet the collector's pages wear (default: _site)" },
      "rate-limit": { type: "string", help: "submissions per client and 10 minutes (default: 20)" },
      now: option.now,
    },
    async run(values) {
      const rateLimit = values["rate-limit"] === undefined ? undefined : Number(values["rate-limit"]);
      if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit > 0)) throw new api.UsageError(`--rate-limit must be a whole number above 0, not "${values["rate-limit"]}".`);
      const collector = await api.collect({
        campaignsDir: String(values.campaigns),
        port: portOf(values),
        host: String(values.host),
        db: String(values.db),
        siteDir: text(values.site),
        rateLimit,
        now: nowOf(values),
      });
      for (const warning of collector.warnings) console.error(warning);
      console.log(`Collector listening on ${collector.url} — storing in ${collector.storeDescription}. Ctrl+C stops it.`);
      return untilStopped(collector);
    },
  },
  export: {
    summary: "what citizens submitted to a survey (CSV, JSON) or a map (CSV, JSON, GeoJSON)",
    usage: "mitreden export <slug> --page <id> [--format csv|json|geojson] [--delimiter ';'] [--db data/mitreden.sqlite] [--out file]",
    options: {
      page: option.page,
      format: { type: "string", default: "csv", help: "csv (default; UTF-8 with BOM, opens in Excel) or json; for a map page also geojson (with moderation states, for GIS)" },
      delimiter: { type: "string", help: "CSV column separator (default: ';' for German and other decimal-comma locales, else ',')" },
      db: option.db,
      out: { type: "string", help: "write to this file instead of standard output" },
      campaigns: option.campaigns,
    },
    positionals: { slug: "the campaign, e.g. marktplatz" },
    async run(values, positionals) {
      const slug = positionals[0];
      if (!slug || values.page === undefined) throw new api.UsageError("Name the campaign and the page: mitreden export <slug> --page <id>, e.g. mitreden export marktplatz --page umfrage");
      const exported = await api.exportPage({ campaignsDir: String(values.campaigns), slug, pageId: String(values.page), format: formatOf(values), delimiter: delimiterOf(values), db: String(values.db) });
      if (values.out === undefined) process.stdout.write(exported);
      else {
        const { writeFile } = await import("node:fs/promises");
        await writeFile(String(values.out), exported);
        console.error(`Wrote ${values.out}.`);
      }
      return 0;
    },
  },
  reach: {
    summary: "which post, platform and QR code brought how many people: clicks, previews, opened, submitted (table and CSV)",
    usage: "mitreden reach <slug> [--out file.csv] [--delimiter ';'] [--privacy-notice] [--db data/mitreden.sqlite]",
    options: {
      out: { type: "string", help: "CSV file to write (default: <slug>-reach.csv)" },
      delimiter: { type: "string", help: "CSV column separator (default: ';' for German and other decimal-comma locales, else ',')" },
      "privacy-notice": { type: "boolean", help: "also print the paragraph for the privacy notice (German and English) that says what is counted" },
      db: option.db,
      campaigns: option.campaigns,
    },
    positionals: { slug: "the campaign, e.g. marktplatz" },
    async run(values, positionals) {
      const slug = positionals[0];
      if (!slug) throw new api.UsageError("Name the campaign: mitreden reach <slug>, e.g. mitreden reach marktplatz");
      const csvFile = text(values.out) ?? `${slug}-reach.csv`;
      const report = await api.reachReport({ campaignsDir: String(values.campaigns), slug, delimiter: delimiterOf(values), db: String(values.db), csvFile });
      console.log(report.table);
      console.error(`\nWrote ${csvFile}. Counts reach the database every few seconds: a running collector may hold the last ones.`);
      if (values["privacy-notice"]) console.log(`\n${report.privacyNotice.de}\n\n${report.privacyNotice.en}`);
      return 0;
    },
  },
  moderate: {
    summary: "list pending map contributions; approve or reject one",
    usage: 'mitreden moderate <slug> [--page id] [--approve id | --reject id --reason "…"] [--db data/mitreden.sqlite]',
    options: {
      page: { type: "string", help: "only this map page (default: all map pages of the campaign)" },
      approve: { type: "string", help: "id of a contribution to publish" },
      reject: { type: "string", help: "id of a contribution to keep unpublished (needs --reason)" },
      reason: { type: "string", help: "why it was rejected; kept for staff and the export, never published" },
      db: option.db,
      campaigns: option.campaigns,
    },
    positionals: { slug: "the campaign, e.g. marktplatz" },
    async run(values, positionals) {
      const slug = positionals[0];
      if (!slug) throw new api.UsageError("Name the campaign: mitreden moderate <slug>, e.g. mitreden moderate marktplatz");
      const result = await api.moderateContributions({
        campaignsDir: String(values.campaigns),
        slug,
        pageId: text(values.page),
        approve: text(values.approve),
        reject: text(values.reject),
        reason: text(values.reason),
        db: String(values.db),
      });
      if (result.decided) console.log(`${result.decided.status === "approved" ? "Approved" : "Rejected"} ${result.decided.id}.`);
      for (const { page, contributions } of result.pending) {
        console.log(`\n${page.id}: ${contributions.length} pending`);
        for (const c of contributions) {
          const where = c.place ?? c.description ?? (c.point ? c.point.map((n) => n.toFixed(5)).join(", ") : "");
          console.log(`  ${c.id}  ${c.receivedAt}  [${c.category}]  ${where}\n    ${c.comment.replace(/\s+/g, " ").slice(0, 200)}`);
        }
      }
      return 0;
    },
  },
  new: {
    summary: "scaffold a campaign",
    usage: "mitreden new <slug> [--campaigns campaigns]",
    options: { campaigns: option.campaigns },
    positionals: { slug: "folder name of the new campaign, e.g. neue-mitte" },
    async run(values, positionals) {
      const slug = positionals[0];
      if (!slug) throw new api.UsageError("Name the campaign: mitreden new <slug>, e.g. mitreden new neue-mitte");
      const file = await api.scaffold({ campaignsDir: String(values.campaigns), slug });
      console.log(`Created ${file}. Edit it, then run: npx mitreden validate`);
      return 0;
    },
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return `mitreden — citizen-participation campaigns as accessible microsites\n\nUsage: mitreden <command> [options]\n\n${lines.join("\n")}\n\nmitreden <command> --help shows a command's options.`;
}

function commandHelp(command: Command): string {
  const lines = [
    ...Object.entries(command.positionals ?? {}).map(([name, help]) => `  ${name.padEnd(12)} ${help}`),
    ...Object.entries(command.options).map(([name, spec]) => `  ${`--${name}`.padEnd(12)} ${spec.help}`),
  ];
  return `${command.usage}\n\n${command.summary}\n\n${lines.join("\n")}`;
}

export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return;
  }
  const command = commands[name];
  try {
    if (!command) {
      const guess = api.closest(name, Object.keys(commands));
      throw new api.UsageError(`Unknown command "${name}".${guess ? ` Did you mean "${guess}"?` : ""}\n\n${usage()}`);
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      console.log(commandHelp(command));
      return;
    }
    let parsed;
    try {
      const options = Object.fromEntries(Object.entries(command.options).map(([key, { help: _help, ...spec }]) => [key, spec]));
      parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new api.UsageError(`${(error as Error).message}\n\n${commandHelp(command)}`);
    }
    // No option is declared `multiple`, so no value is an array.
    process.exitCode = await command.run(parsed.values as Values, parsed.positionals);
  } catch (error) {
    process.exitCode = 1;
    report(error);
  }
}

/** Each error once: campaign problems as file:line:col, our own errors by their message, a stack only with DEBUG=mitreden. */
function report(error: unknown): void {
  const debug = api.settings().debug;
  if (error instanceof api.CampaignValidationError) {
    for (const problem of error.problems) console.error(api.formatProblem(problem));
    const count = error.problems.filter((p) => p.severity === "error").length;
    console.error(`\n${count} ${count === 1 ? "error" : "errors"}: nothing was built.`);
  } else if (error instanceof api.MitredenError) {
    console.error(error.message);
    if (debug) console.error(error.stack, error.cause);
  } else {
    console.error(`Unexpected error: ${(error as Error)?.message ?? error}`);
    if (debug) console.error(error);
    else console.error("Run with DEBUG=mitreden for details, and please report it.");
  }
}
