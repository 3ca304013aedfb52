// A static file server for audits and tests: serves a built site on 127.0.0.1 only, with the same
// rules as `mitreden serve` (src/serve/static-site.ts): no dotfiles, no symlink out of the site.
import type { AddressInfo } from "node:net";
import Fastify from "fastify";
import { serveSiteFiles } from "../serve/static-site.js";

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const app = Fastify({ logger: false });
  await serveSiteFiles(app, root);
  await app.listen({ port, host: "127.0.0.1" });
  const { port: actual } = app.server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => app.close(),
  };
}
