// Schema migrations, applied in order on start. Never edit a released migration: add the next one.
// Each has the SQL for both stores; version numbers are shared so both stores stay comparable.

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: "responses",
    // seq gives the order of arrival; id is the client's idempotency id (unique: a retry never adds a row).
    // No IP address, no user agent: nothing that identifies the person beyond what they typed.
    sqlite: `
      CREATE TABLE responses (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        campaign TEXT NOT NULL,
        page TEXT NOT NULL,
        locale TEXT NOT NULL,
        answers TEXT NOT NULL,
        received_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        verified INTEGER NOT NULL
      );
      CREATE INDEX responses_by_survey ON responses (campaign, page, seq);`,
    postgres: `
      CREATE TABLE responses (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        campaign TEXT NOT NULL,
        page TEXT NOT NULL,
        locale TEXT NOT NULL,
        answers JSONB NOT NULL,
        received_at TIMESTAMPTZ NOT NULL,
        channel TEXT NOT NULL,
        verified BOOLEAN NOT NULL
      );
      CREATE INDEX responses_by_survey ON responses (campaign, page, seq);`,
  },
  {
    version: 2,
    name: "contributions",
    // Map contributions (docs/adr/007-map.md): point and/or named place and/or description; status
    // pending → approved | rejected, with the reason and when. No IP address, no user agent.
    sqlite: `
      CREATE TABLE contributions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        campaign TEXT NOT NULL,
        page TEXT NOT NULL,
        locale TEXT NOT NULL,
        category TEXT NOT NULL,
        comment TEXT NOT NULL,
        lng REAL,
        lat REAL,
        place TEXT,
        description TEXT,
        received_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        verified INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        reason TEXT,
        moderated_at TEXT
      );
      CREATE INDEX contributions_by_page ON contributions (campaign, page, status, seq);`,
    postgres: `
      CREATE TABLE contributions (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        campaign TEXT NOT NULL,
        page TEXT NOT NULL,
        locale TEXT NOT NULL,
        category TEXT NOT NULL,
        comment TEXT NOT NULL,
        lng DOUBLE PRECISION,
        lat DOUBLE PRECISION,
        place TEXT,
        description TEXT,
        received_at TIMESTAMPTZ NOT NULL,
        channel TEXT NOT NULL,
        verified BOOLEAN NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        reason TEXT,
        moderated_at TIMESTAMPTZ
      );
      CREATE INDEX contributions_by_page ON contributions (campaign, page, status, seq);`,
  },
  {
    version: 3,
    name: "used-tokens-and-rate-windows",
    // docs/adr/019-trust.md: a form token verifies one submission only, on every instance; the
    // time check is kept as it was (export column "Zeitprüfung"); rate-limit windows under a daily
    // keyed hash (never an address) for several collectors on one PostgreSQL.
    sqlite: `
      CREATE TABLE used_tokens (
        id TEXT PRIMARY KEY,
        submission TEXT NOT NULL,
        expires INTEGER NOT NULL
      );
      CREATE INDEX used_tokens_by_expiry ON used_tokens (expires);
      CREATE TABLE rate_windows (
        key TEXT PRIMARY KEY,
        started INTEGER NOT NULL,
        used INTEGER NOT NULL
      );
      ALTER TABLE responses ADD COLUMN timing TEXT;
      ALTER TABLE contributions ADD COLUMN timing TEXT;`,
    postgres: `
      CREATE TABLE used_tokens (
        id TEXT PRIMARY KEY,
        submission TEXT NOT NULL,
        expires BIGINT NOT NULL
      );
      CREATE INDEX used_tokens_by_expiry ON used_tokens (expires);
      CREATE TABLE rate_windows (
        key TEXT PRIMARY KEY,
        started BIGINT NOT NULL,
        used INTEGER NOT NULL
      );
      ALTER TABLE responses ADD COLUMN timing TEXT;
      ALTER TABLE contributions ADD COLUMN timing TEXT;`,
  },
  {
    version: 4,
    name: "audit-log",
    // What purge and privacy requests did (docs/adr/019-trust.md). IF NOT EXISTS: the desk's audit
    // log (issue 10) has the same columns; whichever comes first makes the table.
    sqlite: `
      CREATE TABLE IF NOT EXISTS audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        details TEXT
      );`,
    postgres: `
      CREATE TABLE IF NOT EXISTS audit_log (
        seq BIGSERIAL PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        details JSONB
      );`,
  },
];

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
