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
    name: "reach",
    // Reach without cookies (docs/adr/020-reach-without-cookies.md): counts per campaign, channel
    // (source + content) and day, nothing about a person, no time finer than the day; and the
    // coarse label of the short link that brought a submission ("mastodon:start"; NULL: direct);
    // and what the team copies from a platform's statistics per post (impressions, reactions, …).
    sqlite: `
      CREATE TABLE reach_counts (
        campaign TEXT NOT NULL,
        source TEXT NOT NULL,
        content TEXT NOT NULL,
        day TEXT NOT NULL,
        clicks INTEGER NOT NULL DEFAULT 0,
        previews INTEGER NOT NULL DEFAULT 0,
        opened INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign, source, content, day)
      );
      CREATE TABLE reach_post_metrics (
        campaign TEXT NOT NULL,
        post TEXT NOT NULL,
        platform TEXT NOT NULL,
        impressions INTEGER,
        reactions INTEGER,
        comments INTEGER,
        shares INTEGER,
        PRIMARY KEY (campaign, post, platform)
      );
      ALTER TABLE responses ADD COLUMN referral TEXT;
      ALTER TABLE contributions ADD COLUMN referral TEXT;`,
    postgres: `
      CREATE TABLE reach_counts (
        campaign TEXT NOT NULL,
        source TEXT NOT NULL,
        content TEXT NOT NULL,
        day TEXT NOT NULL,
        clicks BIGINT NOT NULL DEFAULT 0,
        previews BIGINT NOT NULL DEFAULT 0,
        opened BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign, source, content, day)
      );
      CREATE TABLE reach_post_metrics (
        campaign TEXT NOT NULL,
        post TEXT NOT NULL,
        platform TEXT NOT NULL,
        impressions BIGINT,
        reactions BIGINT,
        comments BIGINT,
        shares BIGINT,
        PRIMARY KEY (campaign, post, platform)
      );
      ALTER TABLE responses ADD COLUMN referral TEXT;
      ALTER TABLE contributions ADD COLUMN referral TEXT;`,
  },
];

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
