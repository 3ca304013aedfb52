// Thin: parse arguments, call the API, print, set the exit code. Everything real lives in src/index.ts.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { MitredenError, formatProblem } from "./errors.js";
import { closest } from "./campaign/suggest.js";
import { CampaignValidationError, UsageError } from "./errors.js";

// Each command loads only the modules it needs: `validate` and `collect` start in a fraction of the
// time that loading Eleventy, Sass and the image libraries for `build` takes.
const api = {
  UsageError,
  CampaignValidationError,
  closest,
  validate: lazy(() => import("./campaign/validate.js"), "validateCampaigns"),
  build: lazy(() => import("./site/build.js"), "buildSite"),
  serve: lazy(() => import("./serve.js"), "serve"),
  audit: lazy(() => import("./audit/audit.js"), "audit"),
  collect: lazy(() => import("./collector/collect.js"), "startCollector"),
  exportResponses: lazy(() => import("./collector/collect.js"), "exportResponses"),
  moderateContributions: lazy(() => import("./collector/contributions/moderate.js"), "moderateContributions"),
  exportContributions: lazy(() => import("./collector/contributions/moderate.js"), "exportContributions"),
  isMapPage: lazy(() => import("./collector/contributions/moderate.js"), "isMapPage"),
  scaffold: lazy(() => import("./scaffold.js"), "scaffold"),
};

/** An async stand-in for `module[name]` that imports the module on first call. */
function lazy<M extends Record<K, (...args: never[]) => unknown>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return async (...args: Parameters<M[K]>): Promise<Awaited<ReturnType<M[K]>>> => {
    const module = await load();
    return (await module[name](...args)) as Awaited<ReturnType<M[K]>>;
  };
}

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Help text per option. */
  help: Record<string, string>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

const campaignsOption = { campaigns: { type: "string", default: "campaigns" } } as const;
const outOption = { out: { type: "string", default: "_site" } } as const;
const nowOption = { now: { type: "string" } } as const;
const nowHelp = "build as if it were this ISO instant, e.g. 2027-03-15T12:00:00+01:00 (rehearse launch day)";

function parseNow(value: string | boolean | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const now = new Date(String(value));
  if (Number.isNaN(now.getTime())) throw new api.UsageError(`--now must be an ISO instant like 2027-03-15T12:00:00+01:00, not "${value}".`);
  return now;
}

const commands: Record<string, Command> = {
  validate: {
    summary: "check every campaign; all problems at once",
    usage: "mitreden validate [dir]",
    options: {},
    help: { dir: "folder with <slug>/campaign.json (default: campaigns)" },
    async run(_values, positionals) {
      const dir = positionals[0] ?? "campaigns";
      const { campaigns, problems } = await api.validate(dir);
      for (const problem of problems) console.log(formatProblem(problem));
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
    options: { ...campaignsOption, ...outOption, ...nowOption, "kit-out": { type: "string" } },
    help: {
      campaigns: "folder with the campaigns (default: campaigns)",
      out: "output folder (default: _site)",
      now: nowHelp,
      "kit-out": "build the social-media kits into this folder (e.g. for an intranet) instead of the site",
    },
    async run(values) {
      const kitOutDir = values["kit-out"] === undefined ? undefined : String(values["kit-out"]);
      const result = await api.build({ campaignsDir: String(values.campaigns), outDir: String(values.out), now: parseNow(values.now), kitOutDir });
      for (const warning of result.warnings) console.log(formatProblem(warning));
      console.log(`Built ${result.pages.length} pages into ${values.out}/ in ${result.ms} ms.${kitOutDir ? ` Social-media kits in ${kitOutDir}/.` : ""}`);
      return 0;
    },
  },
  serve: {
    summary: "build, serve the site on one port, rebuild on change",
    usage: "mitreden serve [--port 8080] [--campaigns campaigns] [--out _site] [--now instant]",
    options: { ...campaignsOption, ...outOption, ...nowOption, port: { type: "string", default: "8080" }, host: { type: "string", default: "127.0.0.1" }, db: { type: "string" } },
    help: {
      port: "port to listen on (default: 8080)",
      db: "the collector's SQLite file (default: data/mitreden.sqlite)",
      host: "interface to listen on (default: 127.0.0.1; 0.0.0.0 for your network)",
      campaigns: "folder with the campaigns (default: campaigns)",
      out: "output folder (default: _site)",
      now: nowHelp,
    },
    async run(values) {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new api.UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
      const server = await api.serve({ campaignsDir: String(values.campaigns), outDir: String(values.out), port, host: String(values.host), now: parseNow(values.now), db: values.db === undefined ? undefined : String(values.db) });
      console.log(`Serving on ${server.url}/ — press Ctrl+C to stop.`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      return 0;
    },
  },
  audit: {
    summary: "accessibility audit (pa11y, WCAG 2.1 AA) of every page",
    usage: "mitreden audit [--site _site]",
    options: { site: { type: "string", default: "_site" } },
    help: { site: "built site to audit (default: _site)" },
    async run(values) {
      const result = await api.audit({
        siteDir: String(values.site),
        onPage: (url, issues) => console.log(`${issues.length ? "✗" : "✓"} ${url}${issues.length ? `  ${issues.length} errors` : ""}`),
      });
      const { formatAuditIssue } = await import("./audit/audit.js");
      for (const issue of result.issues) console.log("\n" + formatAuditIssue(issue));
      console.log(
        `\npa11y (WCAG2AA; axe, htmlcs): ${result.urls.length} pages, ${result.issues.length} errors, ${(result.ms / 1000).toFixed(1)} s.`,
      );
      return result.issues.length ? 1 : 0;
    },
  },
  collect: {
    summary: "the collector alone (production, behind a reverse proxy)",
    usage: "mitreden collect [--port 8081] [--db data/mitreden.sqlite] [--campaigns campaigns]",
    options: {
      ...campaignsOption,
      port: { type: "string", default: "8081" },
      host: { type: "string", default: "127.0.0.1" },
      db: { type: "string", default: "data/mitreden.sqlite" },
      site: { type: "string" },
      "rate-limit": { type: "string" },
      now: { type: "string" },
    },
    help: {
      port: "port to listen on (default: 8081); routes live under /api",
      host: "interface to listen on (default: 127.0.0.1)",
      db: "SQLite file (default: data/mitreden.sqlite); DATABASE_URL=postgres://… uses PostgreSQL instead",
      campaigns: "folder with the campaigns (default: campaigns)",
      site: "built site, so the error page can use its stylesheet (e.g. _site)",
      "rate-limit": "submissions per client and 10 minutes (default: 20)",
      now: "pretend it is this ISO instant, for rehearsals and tests (the clock runs on from there)",
    },
    async run(values) {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new api.UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
      const rateLimit = values["rate-limit"] === undefined ? undefined : Number(values["rate-limit"]);
      if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit > 0)) throw new api.UsageError(`--rate-limit must be a whole number above 0, not "${values["rate-limit"]}".`);
      const now = values.now === undefined ? undefined : new Date(String(values.now));
      if (now && Number.isNaN(now.getTime())) throw new api.UsageError(`--now must be an ISO instant like 2027-03-15T12:00:00+01:00, not "${values.now}".`);
      const collector = await api.collect({
        campaignsDir: String(values.campaigns),
        port,
        host: String(values.host),
        db: String(values.db),
        siteDir: values.site === undefined ? undefined : String(values.site),
        rateLimit,
        now,
      });
      console.log(`Collector listening on ${collector.url} — storing in ${collector.storeDescription}. Ctrl+C stops it.`);
      await new Promise<void>((resolve) => {
        const stop = () => void collector.close().then(resolve);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      return 0;
    },
  },
  export: {
    summary: "what citizens submitted to a survey (CSV, JSON) or a map (GeoJSON, CSV, JSON)",
    usage: "mitreden export <slug> --page <id> [--format csv|json|geojson] [--delimiter ';'] [--db data/mitreden.sqlite] [--out file]",
    options: {
      ...campaignsOption,
      page: { type: "string" },
      format: { type: "string", default: "csv" },
      delimiter: { type: "string" },
      db: { type: "string", default: "data/mitreden.sqlite" },
      out: { type: "string" },
    },
    help: {
      slug: "the campaign, e.g. marktplatz",
      page: "id of the survey page, e.g. umfrage",
      format: "csv (default; UTF-8 with BOM, opens in Excel) or json; for a map page also geojson",
      delimiter: "CSV column separator (default: ';' for German and other decimal-comma locales, else ',')",
      db: "SQLite file (default: data/mitreden.sqlite); DATABASE_URL=postgres://… reads PostgreSQL instead",
      out: "write to this file instead of standard output",
      campaigns: "folder with the campaigns (default: campaigns)",
    },
    async run(values, positionals) {
      const slug = positionals[0];
      if (!slug || values.page === undefined) throw new api.UsageError("Name the campaign and the survey: mitreden export <slug> --page <id>, e.g. mitreden export marktplatz --page umfrage");
      const delimiter = values.delimiter === undefined ? undefined : String(values.delimiter).replace(/^\\t$/, "\t");
      if (delimiter !== undefined && !/^[,;\t|]$/.test(delimiter)) throw new api.UsageError(`--delimiter must be one of , ; | or \\t, not "${values.delimiter}".`);
      const format = String(values.format);
      // A map page exports its contributions (GeoJSON for GIS, CSV, JSON) with their moderation state.
      const text = (await api.isMapPage(String(values.campaigns), slug, String(values.page)))
        ? await api.exportContributions({ campaignsDir: String(values.campaigns), slug, pageId: String(values.page), format: format as "geojson" | "csv" | "json", delimiter, db: String(values.db) })
        : await api.exportResponses({
        campaignsDir: String(values.campaigns),
        slug,
        pageId: String(values.page),
        format: String(values.format) as "csv" | "json",
        delimiter,
        db: String(values.db),
      });
      if (values.out === undefined) process.stdout.write(text);
      else {
        const { writeFile } = await import("node:fs/promises");
        await writeFile(String(values.out), text);
        console.error(`Wrote ${values.out}.`);
      }
      return 0;
    },
  },
  moderate: {
    summary: "list pending map contributions; approve or reject one",
    usage: 'mitreden moderate <slug> [--page id] [--approve id | --reject id --reason "…"] [--db data/mitreden.sqlite]',
    options: {
      ...campaignsOption,
      page: { type: "string" },
      approve: { type: "string" },
      reject: { type: "string" },
      reason: { type: "string" },
      db: { type: "string", default: "data/mitreden.sqlite" },
    },
    help: {
      slug: "the campaign, e.g. marktplatz",
      page: "only this map page (default: all map pages of the campaign)",
      approve: "id of a contribution to publish",
      reject: "id of a contribution to keep unpublished (needs --reason)",
      reason: "why it was rejected; kept for staff and the export, never published",
      db: "SQLite file (default: data/mitreden.sqlite); DATABASE_URL=postgres://… uses PostgreSQL instead",
      campaigns: "folder with the campaigns (default: campaigns)",
    },
    async run(values, positionals) {
      const slug = positionals[0];
      if (!slug) throw new api.UsageError("Name the campaign: mitreden moderate <slug>, e.g. mitreden moderate marktplatz");
      const str = (v: string | boolean | undefined) => (v === undefined ? undefined : String(v));
      const result = await api.moderateContributions({
        campaignsDir: String(values.campaigns), slug, pageId: str(values.page), approve: str(values.approve), reject: str(values.reject), reason: str(values.reason), db: String(values.db),
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
    options: { ...campaignsOption },
    help: { slug: "folder name of the new campaign, e.g. neue-mitte", campaigns: "folder with the campaigns (default: campaigns)" },
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

function commandHelp(name: string, command: Command): string {
  const options = Object.entries(command.help).map(([key, text]) => `  ${(command.options[key] ? `--${key}` : key).padEnd(12)} ${text}`);
  return `${command.usage}\n\n${command.summary}\n\n${options.join("\n")}`;
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
      console.log(commandHelp(name, command));
      return;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new api.UsageError(`${(error as Error).message}\n\n${commandHelp(name, command)}`);
    }
    // No option is declared `multiple`, so no value is an array.
    process.exitCode = await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof api.CampaignValidationError) {
      for (const problem of error.problems) console.error(formatProblem(problem));
      const count = error.problems.filter((p) => p.severity === "error").length;
      console.error(`\n${count} ${count === 1 ? "error" : "errors"}: nothing was built.`);
    } else if (error instanceof MitredenError) {
      console.error(error.message);
      if (process.env.DEBUG?.includes("mitreden")) console.error(error.stack, error.cause);
    } else {
      console.error(`Unexpected error: ${(error as Error)?.message ?? error}`);
      if (process.env.DEBUG?.includes("mitreden")) console.error(error);
      else console.error("Run with DEBUG=mitreden for details, and please report it.");
    }
  }
}
