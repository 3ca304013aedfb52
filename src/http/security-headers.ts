// Security headers on Fastify responses, from src/security: the collector's set on everything it
// answers, and for `mitreden serve` the rules of the built site's `_headers` by path.
import type { FastifyReply, FastifyRequest, onSendHookHandler } from "fastify";
import type { SiteModel } from "../campaign/model.js";
import { collectorHeaders, collectorPaths, headersForPath, type HeaderRule } from "../security/headers.js";

type Headers = HeaderRule["headers"];

/**
 * The collector's headers (Content-Security-Policy, nosniff, Referrer-Policy, Permissions-Policy)
 * on every response. In the collector: `app.addHook("onSend", collectorSecurityHeaders(options.model));`
 * `model` may be a function: `mitreden serve` hands the collector a new model after each rebuild.
 */
export function collectorSecurityHeaders(model: SiteModel | (() => SiteModel)): onSendHookHandler {
  return securityHeaders(() => collectorHeadersOf(typeof model === "function" ? model() : model));
}

/**
 * `mitreden serve`: the collector's headers under its prefix and its other paths (short links),
 * elsewhere the headers the built site's `_headers` rules give the path, exactly as a host that
 * reads the file sends them.
 */
export function previewSecurityHeaders(options: { rules: () => HeaderRule[]; model: () => SiteModel; collectorPrefix: string }): onSendHookHandler {
  return securityHeaders((request) => {
    const pathname = requestPath(request);
    const model = options.model();
    const collector = [options.collectorPrefix, ...collectorPaths(model)];
    if (collector.some((prefix) => pathname.startsWith(`${prefix}/`))) return collectorHeadersOf(model);
    return headersForPath(options.rules(), pathname);
  });
}

const computed = new WeakMap<SiteModel, Headers>();

/** collectorHeaders, once per model. */
function collectorHeadersOf(model: SiteModel): Headers {
  let headers = computed.get(model);
  if (!headers) computed.set(model, (headers = collectorHeaders(model)));
  return headers;
}

/** An onSend hook that sets the headers `headersFor` returns for the request. */
export function securityHeaders(headersFor: (request: FastifyRequest) => Headers): onSendHookHandler {
  return (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload?: unknown) => void) => {
    for (const [name, value] of headersFor(request)) reply.header(name, value);
    done(null, payload);
  };
}

/** The request's path, decoded as a static host matches it; an undecodable path stays as sent. */
export function requestPath(request: FastifyRequest): string {
  const raw = request.url.split("?")[0] ?? "/";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
