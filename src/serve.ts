// `mitreden serve`: build, serve the site (and, when it exists, the collector) on one port,
// rebuild when a campaign file changes. For local previews and `npm start`, not for production.
import { watch } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { loadSiteModel } from "./campaign/index.js";
import type { SiteModel } from "./campaign/model.js";
import { findStylesheet } from "./collector/collect.js";
import { collectorPlugin } from "./collector/server.js";
import { openStore } from "./collector/store/index.js";
import { formatProblem } from "./errors.js";
import { buildSite } from "./site/build.js";

export interface ServeOptions {
  campaignsDir: string;
  outDir: string;
  port: number;
  host?: string;
  /** Rebuild on changes in campaignsDir (default true). */
  watch?: boolean;
  /** The collector's SQLite file (default data/mitreden.sqlite); DATABASE_URL selects PostgreSQL. */
  db?: string;
  /** Pretend it is this moment (the clock runs on from there): rehearse launch day, test a survey's open period. */
  now?: Date;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const offset = options.now ? options.now.getTime() - Date.now() : 0;
  const clock = () => new Date(Date.now() + offset);
  const first = await buildSite({ campaignsDir: options.campaignsDir, outDir: options.outDir, now: clock() });
  log(`Built ${first.pages.length} pages in ${first.ms} ms.`);

  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: path.resolve(options.outDir), redirect: true, cacheControl: false });
  // The collector on the same port under /api, as the built forms expect; it follows rebuilds.
  const collector = { model: (await loadSiteModel(options.campaignsDir)).model };
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL || undefined, file: options.db });
  await app.register(collectorPlugin, {
    prefix: "/api",
    model: () => collector.model,
    store,
    now: clock,
    exportToken: process.env.MITREDEN_EXPORT_TOKEN || undefined,
    stylesheet: () => findStylesheet(options.outDir),
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).type("text/html; charset=utf-8").sendFile("404.html"));
  await app.listen({ port: options.port, host: options.host ?? "127.0.0.1" });
  const url = `http://${options.host ?? "localhost"}:${options.port}`;

  const stopWatching = options.watch === false ? () => {} : watchCampaigns(options, log, collector, clock);
  return {
    url,
    app,
    close: async () => {
      stopWatching();
      await app.close();
      await store.close();
    },
  };
}

function watchCampaigns(options: ServeOptions, log: (line: string) => void, collector: { model: SiteModel }, clock: () => Date): () => void {
  let timer: NodeJS.Timeout | undefined;
  let building = Promise.resolve();
  const rebuild = () => {
    building = building.then(async () => {
      try {
        const result = await buildSite({ campaignsDir: options.campaignsDir, outDir: options.outDir, now: clock() });
        collector.model = (await loadSiteModel(options.campaignsDir)).model;
        log(`Rebuilt ${result.pages.length} pages in ${result.ms} ms.`);
      } catch (error) {
        // Keep serving the last good site; show what to fix.
        const problems = (error as { problems?: Parameters<typeof formatProblem>[0][] }).problems;
        log(problems ? problems.map(formatProblem).join("\n") : String((error as Error).message));
        log("The last good build is still being served.");
      }
    });
  };
  const watcher = watch(options.campaignsDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 150);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
