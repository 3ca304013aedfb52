// Thin: parse arguments, call the public API (src/index.ts), print, set the exit code. Options
// that several commands share are declared and parsed once, below.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import * as api from "./index.js";
import { packagePath } from "./package-root.js";
import { terminalProgress } from "./progress.js";

type Values = Record<string, string | boolean | undefined>;
type OptionSpec = NonNullable<ParseArgsConfig["options"]>[string] & { help: string };

interface Command {
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /**
   * A command about one campaign, `mitreden <name> <slug> …`: the slug's help, and the example the
   * error gives when it is missing (main() checks it, so run() always gets one).
   */
  slug?: { help: string; example: string };
  /** Help for other positional arguments. */
  positionals?: Record<string, string>;
  /**
   * Resolves to the exit code, 0 if it says none. `slug` is the first positional: for a command
   * that declares `slug`, never empty.
   */
  run(values: Values, args: { positionals: string[]; slug: string }): Promise<number | void>;
}

// Options several commands take: one spelling, one default, one help text, one parser.
const option = {
  campaigns: { type: "string", default: "campaigns", help: "folder with the campaigns (default: campaigns)" },
  out: { type: "string", default: "_site", help: "output folder (default: _site)" },
  now: { type: "string", help: "act as if it were this ISO instant, e.g. 2027-03-15T12:00:00+01:00 (rehearse launch day; the clock runs on from there)" },
  host: { type: "string", default: "127.0.0.1", help: "interface to listen on (default: 127.0.0.1; 0.0.0.0 for your network)" },
  db: { type: "string", default: "data/mitreden.sqlite", help: "SQLite file (default: data/mitreden.sqlite); DATABASE_URL=postgres://… uses PostgreSQL instead" },
  page: { type: "string", help: "id of the survey or map page, e.g. umfrage" },
  delimiter: { type: "string", help: "CSV column separator (default: ';' for German and other decimal-comma locales, else ',')" },
} satisfies Record<string, OptionSpec>;
// Commands that read what citizens submitted to a campaign take both, in this order.
const submissions = { db: option.db, campaigns: option.campaigns };
const campaignSlug = { help: "the campaign, e.g. marktplatz", example: "marktplatz" };
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

/** Where a command finds a campaign's submissions: --campaigns and --db. */
const storeOf = (values: Values) => ({ campaignsDir: String(values.campaigns), db: String(values.db) });

const commands: Record<string, Command> = {
  validate: {
    summary: "check every campaign; all problems at once",
    usage: "mitreden validate [dir] [--now instant]",
    options: { now: { ...option.now, help: "check as if it were this ISO instant (a campaign that ended before it gets a warning)" } },
    positionals: { dir: "folder with <slug>/campaign.json (default: campaigns)" },
    async run(values, { positionals }) {
      const { campaigns, problems } = await api.validate(positionals[0] ?? "campaigns", { now: nowOf(values) });
      for (const problem of problems) console.log(api.formatProblem(problem));
      const errors = problems.filter((p) => p.severity === "error").length;
      const warnings = problems.length - errors;
      console.log(
        errors
          ? `\n${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`
          : `${campaigns.length} ${campaigns.length === 1 ? "campaign" : "campaigns"} valid${warnings ? `, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}.`,
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
      const progress = terminalProgress();
      const result = await api.build({ campaignsDir: String(values.campaigns), outDir: String(values.out), now: nowOf(values), kitOutDir, onProgress: progress });
      progress?.finish();
      for (const warning of result.warnings) console.log(api.formatProblem(warning));
      const images = result.cards.rendered + result.cards.reused;
      console.log(
        `Built ${result.pages.length} pages into ${values.out}/ in ${(result.ms / 1000).toFixed(1)} s: ` +
          `${result.pictures} ${result.pictures === 1 ? "picture" : "pictures"}, ${images} share cards and kit images (${result.cards.rendered} drawn, ${result.cards.reused} from the cache).` +
          (kitOutDir ? ` Social-media kits in ${kitOutDir}/.` : ""),
      );
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
      console.log(`The desk: ${server.url}/admin/ (accounts: mitreden user add <name> --role admin)`);
      return untilStopped(server);
    },
  },
  audit: {
    summary: "accessibility audit (pa11y, WCAG 2.1 AA) of every page; reports in audit-report/",
    usage: "mitreden audit [--site _site] [--campaigns campaigns] [--desk] [--base-url url] [--report audit-report]",
    options: {
      site: { type: "string", default: "_site", help: "built site to audit (default: _site)" },
      campaigns: { ...option.campaigns, help: "the campaigns it was built from; the audit answers their forms to check the error pages (default: campaigns)" },
      "base-url": { type: "string", help: "audit a running server instead (e.g. http://localhost:8080 from mitreden serve)" },
      report: { type: "string", default: "audit-report", help: "folder for report.html, report.json and junit.xml (default: audit-report)" },
      desk: { type: "boolean", help: "also the desk's pages (/admin/), logged in, on sample data in a throwaway database" },
    },
    async run(values) {
      const progress = { index: 0, total: 0 };
      const result = await api.audit({
        siteDir: String(values.site),
        campaignsDir: String(values.campaigns),
        baseUrl: values["base-url"] === undefined ? undefined : String(values["base-url"]),
        onStart: (index, total) => {
          Object.assign(progress, { index, total });
          if (index === 1) console.log(`Auditing ${total} pages (pa11y, WCAG 2.1 AA; axe and HTML_CodeSniffer):`);
        },
        onPage: (url, issues, page) => {
          const mark = page.failure ? "✗ not audited:" : issues.length ? `✗ ${issues.length} ${issues.length === 1 ? "error" : "errors"}` : "✓";
          console.log(`[${String(progress.index).padStart(String(progress.total).length)}/${progress.total}] ${mark} ${url}${page.from ? ` (form on ${page.from}, sent without JavaScript)` : ""}${page.failure ? `\n    ${page.failure}` : ""}`);
        },
        sources: values.desk === true ? await api.deskAuditSources(String(values.campaigns)) : undefined,
      });
      for (const issue of result.issues) console.log("\n" + api.formatAuditIssue(issue));
      const files = await api.writeAuditReports(result.report, String(values.report));
      if (process.env.GITHUB_ACTIONS === "true") for (const line of api.githubAnnotations(result.report)) console.log(line);
      const pagesWithErrors = result.report.pages.filter((p) => p.issues.length || p.failure).length;
      console.log(
        `\n${result.report.pages.length} pages, ${result.report.errors} ${result.report.errors === 1 ? "error" : "errors"}${pagesWithErrors ? ` on ${pagesWithErrors} pages` : ""}, ${(result.ms / 1000).toFixed(1)} s.` +
          `\nReport: ${files.html}; for CI also ${files.json} and ${files.junit}.`,
      );
      return result.report.errors ? 1 : 0;
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
      console.log(`The desk: ${collector.url.replace(/\/api$/, "/admin/")} (accounts: mitreden user add <name> --role admin)`);
      return untilStopped(collector);
    },
  },
  export: {
    summary: "what citizens submitted to a survey (CSV, JSON) or a map (CSV, JSON, GeoJSON)",
    usage: "mitreden export <slug> --page <id> [--format csv|json|geojson] [--delimiter ';'] [--db data/mitreden.sqlite] [--out file]",
    options: {
      page: option.page,
      format: { type: "string", default: "csv", help: "csv (default; UTF-8 with BOM, opens in Excel) or json; for a map page also geojson (with moderation states, for GIS)" },
      delimiter: option.delimiter,
      db: option.db,
      out: { type: "string", help: "write to this file instead of standard output" },
      campaigns: option.campaigns,
    },
    positionals: { slug: campaignSlug.help },
    async run(values, { slug }) {
      if (!slug || values.page === undefined) throw new api.UsageError("Name the campaign and the page: mitreden export <slug> --page <id>, e.g. mitreden export marktplatz --page umfrage");
      const options = { ...storeOf(values), slug, pageId: String(values.page), format: formatOf(values), delimiter: delimiterOf(values) };
      if (values.out === undefined) await api.exportPage(options, process.stdout, { end: false });
      else {
        const { createWriteStream } = await import("node:fs");
        const started = performance.now();
        // On a terminal, the rows written so far (a million take a while), a few times a second.
        const progress = terminalProgress(process.stderr);
        let shown = 0;
        const onProgress = (done: number, total: number) => {
          if (done !== total && performance.now() - shown < 200) return;
          progress?.({ step: `export ${options.pageId}`, done, total });
          shown = performance.now();
        };
        // A megabyte of room: the next rows are made while the last ones are written (a chunk is 64 KB).
        const { rows, of } = await api.exportPage({ ...options, onProgress: progress && onProgress }, () => createWriteStream(String(values.out), { highWaterMark: 1 << 20 }));
        progress?.finish();
        console.error(`Wrote ${rows} ${rows === 1 ? of.slice(0, -1) : of} to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      }
    },
  },
  results: {
    summary: "write the figures of a campaign's surveys and maps to campaigns/<slug>/results/ for its results page",
    usage: "mitreden results <slug> [--db data/mitreden.sqlite] [--campaigns campaigns]",
    options: submissions,
    slug: campaignSlug,
    async run(values, { slug }) {
      const { files, figures } = await api.writeResults({ ...storeOf(values), slug });
      files.forEach((file, i) => {
        const f = figures[i]!;
        const what = f.type === "survey" ? `${f.responses} responses` : `${f.approved} of ${f.received} contributions approved`;
        console.log(`Wrote ${path.relative(process.cwd(), file)} (${what}).`);
      });
      if (files.length) console.log("Review them, commit them with the campaign, then build: the results page shows these figures.");
      else console.log(`Campaign "${slug}" has no survey or map page: nothing to write.`);
    },
  },
  reach: {
    summary: "which post, platform and QR code brought how many people: clicks, previews, opened, submitted (table and CSV)",
    usage: "mitreden reach <slug> [--out file.csv] [--delimiter ';'] [--privacy-notice] [--db data/mitreden.sqlite]",
    options: {
      out: { type: "string", help: "CSV file to write (default: <slug>-reach.csv)" },
      delimiter: option.delimiter,
      "privacy-notice": { type: "boolean", help: "also print the paragraph for the privacy notice (German and English) that says what is counted" },
      ...submissions,
    },
    slug: campaignSlug,
    async run(values, { slug }) {
      const csvFile = text(values.out) ?? `${slug}-reach.csv`;
      const report = await api.reachReport({ ...storeOf(values), slug, delimiter: delimiterOf(values), csvFile });
      console.log(report.table);
      console.error(`\nWrote ${csvFile}. Counts reach the database every few seconds: a running collector may hold the last ones.`);
      if (values["privacy-notice"]) console.log(`\n${report.privacyNotice.de}\n\n${report.privacyNotice.en}`);
    },
  },
  moderate: {
    summary: "list pending map contributions; approve or reject one",
    usage: 'mitreden moderate <slug> [--page id] [--approve id | --reject id --reason off-topic [--note "…"]] [--db data/mitreden.sqlite]',
    options: {
      page: { type: "string", help: "only this map page (default: all map pages of the campaign)" },
      approve: { type: "string", help: "id of a contribution to publish" },
      reject: { type: "string", help: "id of a contribution to keep unpublished (needs --reason)" },
      reason: { type: "string", help: "why it was rejected: a reason id of the map's netiquette list (default list: off-topic, insulting, personal-data, advertising, duplicate, other); never published" },
      note: { type: "string", help: "a note on the rejection, for staff (optional)" },
      ...submissions,
    },
    slug: campaignSlug,
    async run(values, { slug }) {
      const result = await api.moderateContributions({
        ...storeOf(values),
        slug,
        pageId: text(values.page),
        approve: text(values.approve),
        reject: text(values.reject),
        reason: text(values.reason),
        note: text(values.note),
      });
      // Everything a citizen typed goes through terminalText: no escape sequence reaches the terminal.
      const { terminalText } = api;
      if (result.before) console.log(`It was ${result.before.status} by ${terminalText(result.before.moderatedBy ?? "?")} at ${result.before.moderatedAt ?? "?"}.`);
      if (result.decided) console.log(`${result.decided.status === "approved" ? "Approved" : "Rejected"} ${result.decided.id}.`);
      for (const { page, contributions } of result.pending) {
        console.log(`\n${page.id}: ${contributions.length} pending`);
        for (const c of contributions) {
          const where = c.place ?? c.description ?? (c.point ? c.point.map((n) => n.toFixed(5)).join(", ") : "");
          console.log(`  ${c.id}  ${c.receivedAt}  [${terminalText(c.category)}]  ${terminalText(where)}\n    ${terminalText(c.comment.replace(/\s+/g, " ").slice(0, 200))}`);
        }
      }
    },
  },
  user: {
    summary: "accounts of the desk (/admin/): add, list, remove, password",
    usage: "mitreden user add <name> --role moderator|admin [--password-stdin] | user list | user remove <name> | user password <name> [--password-stdin]",
    options: {
      role: { type: "string", help: "moderator (moderates and answers) or admin (also exports, audit log)" },
      "password-stdin": { type: "boolean", help: "read the password from standard input (one line) instead of a prompt" },
      db: option.db,
    },
    positionals: { action: "add, list, remove or password", name: "the user name, e.g. anna.schmidt" },
    async run(values, { positionals }) {
      const [action, name] = positionals;
      const location = { campaignsDir: "campaigns", db: String(values.db) };
      const actor = `cli:${(await import("node:os")).userInfo().username}`;
      const needName = () => {
        if (!name) throw new api.UsageError(`Name the user: mitreden user ${action} <name>`);
        return name;
      };
      const password = async () => api.readPassword({ fromStdin: values["password-stdin"] === true });
      switch (action) {
        case "add": {
          const user = await api.addUser({ ...location, actor, name: needName(), role: text(values.role) ?? "", password: await password() });
          console.log(`Added ${user.name} (${user.role}). They log in at /admin/login.`);
          return;
        }
        case "list": {
          const users = await api.listUsers(location);
          if (!users.length) console.log("No users yet. Add one: mitreden user add <name> --role admin");
          for (const user of users) console.log(`${user.name.padEnd(24)} ${user.role.padEnd(10)} since ${user.createdAt.slice(0, 10)}, password changed ${user.passwordChangedAt.slice(0, 10)}`);
          return;
        }
        case "remove":
          await api.removeUser({ ...location, actor, name: needName() });
          console.log(`Removed ${name}; their sessions have ended. Their entries in the audit log stay.`);
          return;
        case "password":
          await api.changePassword({ ...location, actor, name: needName(), password: await password() });
          console.log(`Changed the password of ${name}; their sessions have ended.`);
          return;
        default:
          throw new api.UsageError(`mitreden user add|list|remove|password, not "${action ?? ""}".`);
      }
    },
  },
  purge: {
    summary: "delete personal fields (e-mail answers) once the campaign's retention.personalDataDays have passed",
    usage: "mitreden purge <slug> [--dry-run] [--db data/mitreden.sqlite]",
    options: {
      "dry-run": { type: "boolean", help: "say what would be deleted, delete nothing" },
      ...submissions,
      now: option.now,
    },
    slug: campaignSlug,
    async run(values, { slug }) {
      const result = await api.purgePersonalData({ ...storeOf(values), slug, dryRun: values["dry-run"] === true, now: nowOf(values) });
      const day = result.due.toISOString().slice(0, 10);
      if (!result.isDue) {
        console.log(`Personal data of "${slug}" is kept until ${day} (retention.personalDataDays after the end); nothing deleted.`);
        for (const p of result.pages) console.log(`  ${p.page}: ${p.responses} responses with ${p.fields.join(", ")} would go then`);
        return;
      }
      for (const p of result.pages) console.log(`${result.dryRun ? "Would delete" : "Deleted"} ${p.fields.join(", ")} from ${p.responses} responses of ${p.page}; the other answers stay.`);
      if (!result.pages.length) console.log(`No survey of "${slug}" asks for an e-mail address; nothing to delete.`);
      if (!result.dryRun) console.log("Written to the audit log.");
    },
  },
  privacy: {
    summary: "requests from citizens: find (Art. 15) or delete (Art. 17) everything stored with an e-mail address",
    usage: "mitreden privacy find|delete <email> [--yes] [--db data/mitreden.sqlite]",
    options: {
      yes: { type: "boolean", help: "delete without asking (for scripts)" },
      db: option.db,
    },
    positionals: { action: "find or delete", email: "the address, e.g. person@example.org" },
    async run(values, { positionals }) {
      const [action, email] = positionals;
      if ((action !== "find" && action !== "delete") || !email) throw new api.UsageError("Say what to do and with which address: mitreden privacy find person@example.org, or mitreden privacy delete person@example.org");
      const options = { campaignsDir: "", email, db: String(values.db) };
      const hits = await api.findPersonalData(options);
      for (const r of hits.responses) console.log(`response      ${r.id}  ${r.campaign}/${r.page}  ${r.receivedAt}`);
      for (const c of hits.contributions) console.log(`contribution  ${c.id}  ${c.campaign}/${c.page}  ${c.receivedAt}  ${c.comment.replace(/\s+/g, " ").slice(0, 80)}`);
      const count = hits.responses.length + hits.contributions.length;
      console.log(`${count} ${count === 1 ? "item holds" : "items hold"} this address.`);
      if (action === "find" || count === 0) return;
      if (values.yes !== true) {
        if (!process.stdin.isTTY) throw new api.UsageError("Deleting needs a confirmation: run it in a terminal, or add --yes.");
        const { createInterface } = await import("node:readline/promises");
        const prompt = createInterface({ input: process.stdin, output: process.stdout });
        const answer = await prompt.question(`Delete these ${count} items for good? Type "delete" to confirm: `);
        prompt.close();
        if (answer.trim() !== "delete") {
          console.log("Nothing deleted.");
          return 1;
        }
      }
      const result = await api.deletePersonalData(options);
      console.log(`Deleted ${result.deleted} items. Written to the audit log (ids only, not the address).`);
    },
  },
  backup: {
    summary: "a consistent copy of the SQLite store, also while the collector runs",
    usage: "mitreden backup --to <file> [--db data/mitreden.sqlite]",
    options: {
      to: { type: "string", help: "where the copy goes (readable by its owner only)" },
      db: option.db,
    },
    async run(values) {
      const to = text(values.to);
      if (!to) throw new api.UsageError("Say where the copy goes: mitreden backup --to backups/mitreden-2027-04-16.sqlite");
      const result = await api.backupStore({ db: String(values.db), to });
      console.log(`Backed up ${result.responses} responses and ${result.contributions} contributions to ${result.file}.`);
    },
  },
  new: {
    summary: "scaffold a campaign that runs as it is (and the CI files, if the folder has none)",
    usage: "mitreden new <slug> [--minimal] [--campaigns campaigns]",
    options: {
      campaigns: { ...option.campaigns, help: "folder with the campaigns (default: campaigns); CI files go into the folder around it" },
      minimal: { type: "boolean", default: false, help: "one information page instead of a campaign with survey, map and social posts" },
    },
    slug: { help: "folder name of the new campaign, e.g. neue-mitte", example: "neue-mitte" },
    async run(values, { slug }) {
      const campaignsDir = String(values.campaigns);
      const created = await api.scaffold({ campaignsDir, slug, minimal: values.minimal === true });
      console.log(`Created ${created.files.join(" and ")}.`);
      const repository = path.relative(process.cwd(), path.dirname(path.resolve(campaignsDir))) || ".";
      printInit(await api.initCityRepository(repository), repository);
      console.log(`\nIt is valid as it is and open from today for six weeks. Edit it, then:\n  npx mitreden validate\n  npx mitreden serve    # http://localhost:8080/${slug}/`);
    },
  },
  init: {
    summary: "set up a folder for mitreden: CI for GitLab and GitHub, .puppeteerrc.cjs, .gitignore",
    usage: "mitreden init [dir]",
    options: {},
    positionals: { dir: "the city's repository (default: the current folder)" },
    async run(_values, { positionals }) {
      const dir = positionals[0] ?? ".";
      printInit(await api.initCityRepository(dir), dir);
      console.log("\nNext: npx mitreden new <slug>, e.g. npx mitreden new neue-mitte");
    },
  },
};

function printInit(result: { written: string[]; kept: string[]; updated: string[] }, dir: string): void {
  const where = (files: string[]) => files.map((f) => (dir === "." ? f : `${dir}/${f}`)).join(", ");
  if (result.written.length) console.log(`Wrote ${where(result.written)}: CI for GitLab and GitHub validates, builds and audits every push.`);
  if (result.updated.length) console.log(`Added mitreden's lines to ${where(result.updated)}.`);
  if (result.kept.length) console.log(`Kept ${where(result.kept)} as they are.`);
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return `mitreden — citizen-participation campaigns as accessible microsites\n\nUsage: mitreden <command> [options]\n\n${lines.join("\n")}\n\nmitreden <command> --help shows a command's options; mitreden --version its version.`;
}

function version(): string {
  return (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;
}

function commandHelp(command: Command): string {
  const lines = [
    ...Object.entries(command.slug ? { slug: command.slug.help } : (command.positionals ?? {})).map(([name, help]) => `  ${name.padEnd(12)} ${help}`),
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
  // What a bug report and a CI log need first: which mitreden, on which Node.
  if (name === "--version" || name === "-v" || name === "version") {
    console.log(`mitreden ${version()} (Node ${process.versions.node})`);
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
    const [slug = ""] = parsed.positionals;
    if (command.slug && !slug) throw new api.UsageError(`Name the campaign: mitreden ${name} <slug>, e.g. mitreden ${name} ${command.slug.example}`);
    // No option is declared `multiple`, so no value is an array.
    process.exitCode = (await command.run(parsed.values as Values, { positionals: parsed.positionals, slug })) ?? 0;
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
