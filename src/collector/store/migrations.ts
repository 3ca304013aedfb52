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
];

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
