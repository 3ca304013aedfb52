// What the audit's browser talks to when no --base-url is given: the built site and, when the
// campaigns are at hand, the collector under /api, in this process, on 127.0.0.1 only. With the
// collector, submitting a form without JavaScript leads to the same error page a citizen sees.
// The files go out by `mitreden serve`'s rules (serveSiteFiles: no dotfiles, no symlink out of the
// site, the 404 page) with the headers of the site's _headers file, so that the browser audits the
// pages under the Content-Security-Policy they will have on the city's server.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import type { SiteModel } from "../campaign/model.js";
import { collectorPlugin } from "../collector/server.js";
import { openStore, type Store } from "../collector/store/index.js";
import { previewSecurityHeaders, requestPath, securityHeaders } from "../http/security-headers.js";
import { readSiteAssets } from "../pages/assets.js";
import { readHeadersFile } from "../security/headers-file.js";
import { headersForPath } from "../security/headers.js";
import { serveSiteFiles } from "../serve/static-site.js";

export interface AuditServer {
  origin: string;
  /** Sets the collector's clock (forms are open only within their period); undefined without a collector. */
  setClock?: (now: Date) => void;
  /** The collector's throwaway store; undefined without a collector. A source may seed it, e.g. a desk account to sign in with. */
  store?: Store;
  close(): Promise<void>;
}

export async function startAuditServer(siteDir: string, model?: SiteModel): Promise<AuditServer> {
  const app = Fastify({ logger: false });
  const root = path.resolve(siteDir);
  const rules = await readHeadersFile(root);
  app.addHook("onSend", model ? previewSecurityHeaders({ rules: () => rules, model: () => model, collectorPrefix: "/api" }) : securityHeaders((request) => headersForPath(rules, requestPath(request))));

  let now = new Date();
  let storeDir: string | undefined;
  let closeStore = async () => {};
  let store: Store | undefined;
  if (model) {
    // A throwaway store: the audit sends only invalid forms, so only what a source seeds (a desk account) is written to it.
    storeDir = await mkdtemp(path.join(os.tmpdir(), "mitreden-audit-"));
    const opened = (store = await openStore({ file: path.join(storeDir, "audit.sqlite") }));
    closeStore = () => opened.close();
    await app.register(collectorPlugin, {
      prefix: "/api",
      model,
      store: opened,
      now: () => now,
      // Every form is sent once without a token (costing 2); a city's site may have many.
      abuse: { rateLimit: { max: 100_000 } },
      assets: readSiteAssets(root),
    });
  }
  await serveSiteFiles(app, root);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    setClock: model ? (instant) => void (now = instant) : undefined,
    store,
    close: async () => {
      await app.close();
      await closeStore();
      if (storeDir) await rm(storeDir, { recursive: true, force: true });
    },
  };
}
