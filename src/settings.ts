// Every environment variable mitreden reads, read here and nowhere else (README: "Environment
// variables"). Read on each call, so a test or a long-running process sees what is set now.
// Command-line options override these where both exist.
import { UsageError } from "./errors.js";

export interface Settings {
  /** DATABASE_URL: postgres://… selects PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
  /** MITREDEN_SECRET: signs form tokens; several collector instances must share it (ADR 006). */
  secret?: string;
  /** MITREDEN_TRUST_PROXY as written: the number of reverse proxies in front, or their addresses (see trustedProxies()). */
  trustProxy?: string;
  /** MITREDEN_EXPORT_TOKEN: enables the staff export URL (Bearer token, at least 24 characters). */
  exportToken?: string;
  /** MITREDEN_POW_DIFFICULTY: the proof of work's most attempts per solution (docs/adr/025-proof-of-work.md); default 1000. */
  powDifficulty?: string;
  /** CHROMIUM_PATH: the browser for `mitreden audit` and the browser tests. */
  chromiumPath?: string;
  /** MITREDEN_CACHE_DIR: where build results are kept between builds (default .cache/mitreden). */
  cacheDir?: string;
  /** DEBUG contains "mitreden": step times of a build, stack traces of errors. */
  debug: boolean;
}

export function settings(env: NodeJS.ProcessEnv = process.env): Settings {
  // An empty value counts as unset: `DATABASE_URL= mitreden collect` means SQLite.
  const read = (name: string) => env[name] || undefined;
  const trustProxy = read("MITREDEN_TRUST_PROXY");
  return {
    databaseUrl: read("DATABASE_URL"),
    secret: read("MITREDEN_SECRET"),
    trustProxy,
    exportToken: read("MITREDEN_EXPORT_TOKEN"),
    // Read as written; checked by proofOfWorkDifficulty() where a collector starts, so other commands never trip on it.
    powDifficulty: read("MITREDEN_POW_DIFFICULTY"),
    chromiumPath: read("CHROMIUM_PATH"),
    cacheDir: read("MITREDEN_CACHE_DIR"),
    debug: /\bmitreden\b/.test(env.DEBUG ?? ""),
  };
}

/**
 * MITREDEN_TRUST_PROXY → Fastify's trustProxy: a number of proxy hops ("1": one reverse proxy in
 * front, which appends the real address to X-Forwarded-For), or the proxies' addresses ("loopback",
 * "10.0.0.1", "10.0.0.0/8", comma-separated). "true" is refused: it would believe the left-most
 * address, which any client can make up, and so let one client slip past the rate limit.
 */
export function trustedProxies(value: string | number | undefined): number | string | undefined {
  if (value === undefined || value === "" || value === "false" || value === 0) return undefined;
  if (typeof value === "number") return value;
  const text = value.trim();
  if (/^\d{1,2}$/.test(text)) return Number(text) || undefined;
  if (text === "true") {
    throw new UsageError(
      'MITREDEN_TRUST_PROXY=true would believe any X-Forwarded-For a client makes up. Set the number of reverse proxies in front of the collector (usually MITREDEN_TRUST_PROXY=1), or their addresses (e.g. MITREDEN_TRUST_PROXY=10.0.0.1 or 10.0.0.0/8).',
    );
  }
  return text;
}

/** MITREDEN_POW_DIFFICULTY: a whole number of at least 2; anything else is said before the collector starts. */
export function proofOfWorkDifficulty(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!/^\d{1,9}$/.test(text) || Number(text) < 2) {
    throw new UsageError(`MITREDEN_POW_DIFFICULTY must be a whole number of at least 2 (the most attempts a browser needs; default 1000), not "${value}". Unset it for the default.`);
  }
  return Number(text);
}
