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
    name: "desk",
    // The desk (docs/adr/018-desk.md). Contributions and responses get a version (a change names the
    // version it saw: two moderators never overwrite each other silently), who decided, the note on a
    // rejection, the public status and the city's answer. Staff accounts (by name: the audit log keeps
    // names, so a removed account's entries stay readable), sessions under the SHA-256 of their id,
    // failed logins under hashed keys (no IP address), and the append-only audit log.
    sqlite: `
      ALTER TABLE contributions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE contributions ADD COLUMN moderated_by TEXT;
      ALTER TABLE contributions ADD COLUMN note TEXT;
      ALTER TABLE contributions ADD COLUMN public_status TEXT CHECK (public_status IN ('received', 'in-review', 'planned', 'partly', 'not-possible', 'done'));
      ALTER TABLE contributions ADD COLUMN answer TEXT;
      ALTER TABLE contributions ADD COLUMN answered_at TEXT;
      ALTER TABLE contributions ADD COLUMN answered_by TEXT;
      ALTER TABLE responses ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX contributions_by_status ON contributions (status, seq);
      CREATE INDEX contributions_by_category ON contributions (campaign, page, category, status, seq);
      CREATE TABLE users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('moderator', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        password_changed_at TEXT NOT NULL
      );
      CREATE TABLE desk_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        flash TEXT
      );
      CREATE INDEX desk_sessions_by_user ON desk_sessions (user_id);
      CREATE TABLE login_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        first_at TEXT NOT NULL,
        locked_until TEXT
      );
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        details TEXT
      );
      CREATE INDEX audit_log_by_target ON audit_log (target, seq);
      CREATE INDEX audit_log_by_actor ON audit_log (actor, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;`,
    postgres: `
      ALTER TABLE contributions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE contributions ADD COLUMN moderated_by TEXT;
      ALTER TABLE contributions ADD COLUMN note TEXT;
      ALTER TABLE contributions ADD COLUMN public_status TEXT CHECK (public_status IN ('received', 'in-review', 'planned', 'partly', 'not-possible', 'done'));
      ALTER TABLE contributions ADD COLUMN answer TEXT;
      ALTER TABLE contributions ADD COLUMN answered_at TIMESTAMPTZ;
      ALTER TABLE contributions ADD COLUMN answered_by TEXT;
      ALTER TABLE responses ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX contributions_by_status ON contributions (status, seq);
      CREATE INDEX contributions_by_category ON contributions (campaign, page, category, status, seq);
      CREATE TABLE users (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('moderator', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        password_changed_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE desk_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TIMESTAMPTZ NOT NULL,
        seen_at TIMESTAMPTZ NOT NULL,
        flash TEXT
      );
      CREATE INDEX desk_sessions_by_user ON desk_sessions (user_id);
      CREATE TABLE login_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        first_at TIMESTAMPTZ NOT NULL,
        locked_until TIMESTAMPTZ
      );
      CREATE TABLE audit_log (
        seq BIGSERIAL PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        details JSONB
      );
      CREATE INDEX audit_log_by_target ON audit_log (target, seq);
      CREATE INDEX audit_log_by_actor ON audit_log (actor, seq);
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'The audit log is append-only.'; END $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();`,
  },
  {
    version: 4,
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
    version: 5,
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
