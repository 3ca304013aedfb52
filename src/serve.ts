// `mitreden serve`: build, serve the site and the collector on one port, rebuild when anything in
// the campaigns folder changes. For local previews and `npm start`, not for production.
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { collectorPlugin, createCollectorContext, registerDesk } from "./collector/server.js";
import { openStore } from "./collector/store/index.js";
import { rehearsalClock } from "./clock.js";
import { CampaignValidationError, formatProblem, MitredenError, type Problem } from "./errors.js";
import { previewSecurityHeaders } from "./http/security-headers.js";
import { readHeadersFile } from "./security/headers-file.js";
import { rebuildOnChange, type RebuildWatcher } from "./serve/rebuild-on-change.js";
import { serveSiteFiles } from "./serve/static-site.js";
import { readSiteAssets } from "./pages/assets.js";
import { proofOfWorkDifficulty, settings } from "./settings.js";
import { buildSite } from "./site/build.js";

export interface ServeOptions {
  campaignsDir: string;
  outDir: string;
  /** 0 picks a free port; RunningServer.url says which. */
  port: number;
  host?: string;
  /** Rebuild on changes in campaignsDir (default true). */
  watch?: boolean;
  /** The collector's SQLite file (default data/mitreden.sqlite); DATABASE_URL selects PostgreSQL. */
  db?: string;
  /** Pretend it is this moment (the clock runs on from there): rehearse launch day, test a survey's open period. */
  now?: Date;
  /** Where progress, warnings and build errors go, one line (or problem list) per call; default stdout. */
  log?: (line: string) => void;
  /** Quiet time after the last change before a rebuild (default 150 ms). */
  rebuildDelayMs?: number;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = rehearsalClock(options.now);
  const build = () => buildSite({ campaignsDir: options.campaignsDir, outDir: options.outDir, now: clock(), quiet: true });
  const warnings = new WarningLog(log);

  const first = await build();
  log(`Built ${first.pages.length} pages in ${first.ms} ms.`);
  warnings.report(first.warnings);
  // The collector follows rebuilds: it accepts what the site now shows. The headers follow too.
  const site = { model: first.model, rules: await readHeadersFile(options.outDir) };

  const app = Fastify({ logger: false });
  // Before the routes, so that every answer gets them: the site's files, its 404 page, the collector's.
  app.addHook("onSend", previewSecurityHeaders({ rules: () => site.rules, model: () => site.model, collectorPrefix: "/api" }));
  // The collector on the same port under /api, as the built forms expect.
  const env = settings();
  const store = await openStore({ databaseUrl: env.databaseUrl, file: options.db });
  const collectorOptions = {
    model: () => site.model,
    store,
    now: clock,
    exportToken: env.exportToken,
    assets: () => readSiteAssets(options.outDir),
    // Campaigns with `abuse.proofOfWork`: the same difficulty as `mitreden collect` (ADR 025).
    abuse: { proofOfWork: { difficulty: proofOfWorkDifficulty(env.powDifficulty) } },
  };
  const context = createCollectorContext(collectorOptions);
  // …and the kit's short links at /l/ (registered at the root: the plugin puts the wings under apiPrefix).
  await app.register(collectorPlugin, { ...collectorOptions, context, apiPrefix: "/api" });
  // The campaign team's desk at /admin/ (accounts: mitreden user add).
  await registerDesk(app, context, { auth: { secret: env.secret } });
  await serveSiteFiles(app, options.outDir);
  const host = options.host ?? "127.0.0.1";
  try {
    await app.listen({ port: options.port, host });
  } catch (error) {
    await store.close();
    const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    throw new MitredenError(
      inUse
        ? `Port ${options.port} is in use (another mitreden serve?). Stop that one, or choose another port: mitreden serve --port ${options.port + 1}`
        : `Cannot listen on ${host}:${options.port}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  // Listening on every interface: this machine reaches it as localhost.
  const url = `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;

  let watcher: RebuildWatcher | undefined;
  if (options.watch !== false) {
    watcher = await rebuildOnChange(
      options.campaignsDir,
      async (changed) => {
        const result = await build().catch((error: unknown) => {
          log(describeFailure(error));
          log("The last good site is still being served; save again once this is fixed.");
          return undefined;
        });
        if (!result) return;
        site.rules = await readHeadersFile(options.outDir);
        site.model = result.model;
        log(`Rebuilt ${result.pages.length} pages in ${result.ms} ms (${describeChanges(changed)}).`);
        warnings.report(result.warnings);
      },
      { delayMs: options.rebuildDelayMs, ignore: [options.outDir], onError: (error) => log(describeWatchError(error, options.campaignsDir)) },
    );
  }
  return {
    url,
    app,
    close: async () => {
      await watcher?.close();
      await app.close();
      await store.close();
    },
  };
}

/** A rebuild's failure, said once: the problems as file:line:col, or the one-line reason. */
function describeFailure(error: unknown): string {
  if (error instanceof CampaignValidationError) {
    const count = error.problems.filter((p) => p.severity === "error").length;
    return [...error.problems.map(formatProblem), `${count} ${count === 1 ? "error" : "errors"}: the site was not rebuilt.`].join("\n");
  }
  if (error instanceof MitredenError) return error.message;
  return `Unexpected error while rebuilding: ${(error as Error)?.message ?? error}`;
}

function describeWatchError(error: Error, dir: string): string {
  // Linux allows a limited number of watched folders per user; editors and other watchers share it.
  if ((error as NodeJS.ErrnoException).code === "ENOSPC") {
    return `Cannot watch ${dir} for changes: the system's limit of watched folders is reached. Raise it (sudo sysctl fs.inotify.max_user_watches=524288) and restart mitreden serve.`;
  }
  return `Watching ${dir} for changes failed, saves may not rebuild: ${error.message}`;
}

/** "campaigns/marktplatz/campaign.json changed", or for a folder copied in: "7 files in campaigns/neu changed". */
function describeChanges(changed: string[]): string {
  const shown = changed.map((file) => path.relative(process.cwd(), path.resolve(file)) || ".");
  if (shown.length <= 2) return `${shown.join(" and ")} changed`;
  let common = shown[0]!;
  while (!shown.every((file) => file === common || file.startsWith(common + path.sep)) && common !== path.dirname(common)) common = path.dirname(common);
  return `${shown.length} files in ${common} changed`;
}

/** Prints warnings that the previous build did not have: a warning stays quiet while it lasts. */
class WarningLog {
  private previous = new Set<string>();
  constructor(private readonly log: (line: string) => void) {}

  report(warnings: Problem[]): void {
    const lines = warnings.map(formatProblem);
    const fresh = lines.filter((line) => !this.previous.has(line));
    if (fresh.length) this.log(fresh.join("\n"));
    this.previous = new Set(lines);
  }
}
