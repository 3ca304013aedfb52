// Every environment variable mitreden reads, read here and nowhere else (README: "Environment
// variables"). Read on each call, so a test or a long-running process sees what is set now.
// Command-line options override these where both exist.

export interface Settings {
  /** DATABASE_URL: postgres://… selects PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
  /** MITREDEN_SECRET: signs form tokens; several collector instances must share it (ADR 006). */
  secret?: string;
  /** MITREDEN_TRUST_PROXY: the reverse proxies whose X-Forwarded-For is believed ("loopback", an address or CIDR, or "true"). */
  trustProxy?: boolean | string;
  /** MITREDEN_EXPORT_TOKEN: enables the staff export URL (Bearer token, at least 24 characters). */
  exportToken?: string;
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
    trustProxy: trustProxy === "true" ? true : trustProxy,
    exportToken: read("MITREDEN_EXPORT_TOKEN"),
    chromiumPath: read("CHROMIUM_PATH"),
    cacheDir: read("MITREDEN_CACHE_DIR"),
    debug: /\bmitreden\b/.test(env.DEBUG ?? ""),
  };
}
