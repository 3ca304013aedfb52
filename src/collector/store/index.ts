// Where responses live. One interface, two implementations that pass the same test suite:
// SQLite in data/ (no setup) and PostgreSQL when DATABASE_URL is set (several collector instances).
import type { Answers } from "../../forms/fields.js";
import type { ContributionStatus, ModerationDecision, NewContribution, StoredContribution } from "../contributions/types.js";

export interface NewResponse {
  /** Idempotency id: a UUID from the browser, or made by the collector for a form without JavaScript. */
  id: string;
  campaign: string;
  page: string;
  locale: string;
  answers: Answers;
  /** ISO instant. */
  receivedAt: string;
  /** "script": sent by the browser script (JSON); "form": a plain form POST without JavaScript. */
  channel: "script" | "form";
  /** Came with a valid form token (docs/adr/006-abuse-protection.md). */
  verified: boolean;
}

export interface StoredResponse extends NewResponse {
  /** Order of arrival, per store. */
  seq: number;
}

/** "duplicate": this id was stored before for the same survey (a retry). "conflict": for another survey. */
export type InsertOutcome = { status: "inserted"; seq: number } | { status: "duplicate"; seq: number } | { status: "conflict" };

export interface ResponseStore {
  readonly kind: "sqlite" | "postgres";
  /** Resolves only after the row is durably committed; never stores an id twice. */
  insertResponse(response: NewResponse): Promise<InsertOutcome>;
  /** One survey's responses in order of arrival. */
  listResponses(campaign: string, page: string): Promise<StoredResponse[]>;
  countResponses(campaign?: string, page?: string): Promise<number>;
  /** A map contribution, stored "pending"; resolves after commit. Same idempotency rules as responses. */
  insertContribution(contribution: NewContribution): Promise<InsertOutcome>;
  /** One map page's contributions in order of arrival, optionally only those in `statuses`. */
  listContributions(campaign: string, page: string, statuses?: ContributionStatus[]): Promise<StoredContribution[]>;
  /** Changes whenever a contribution of the page arrives or is moderated: the key of the public GeoJSON cache. */
  contributionsVersion(campaign: string, page: string): Promise<string>;
  /** Approves or rejects one contribution of a campaign; undefined when there is none with that id. */
  moderateContribution(campaign: string, id: string, decision: ModerationDecision): Promise<StoredContribution | undefined>;
  /** Cheap round trip for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** postgres://… ; when set, PostgreSQL is used and `file` is ignored. */
  databaseUrl?: string;
  /** SQLite file (default data/mitreden.sqlite, relative to the working directory). */
  file?: string;
  /** PostgreSQL schema to use (created if missing); default "public". Tests use one per run. */
  schema?: string;
}

export const DEFAULT_DATABASE_FILE = "data/mitreden.sqlite";

/** Opens the store and runs its migrations. */
export async function openStore(options: OpenStoreOptions = {}): Promise<ResponseStore> {
  if (options.databaseUrl) {
    const { openPostgresStore } = await import("./postgres.js");
    return openPostgresStore(options.databaseUrl, { schema: options.schema });
  }
  const { openSqliteStore } = await import("./sqlite.js");
  return await openSqliteStore(options.file ?? DEFAULT_DATABASE_FILE);
}

/** How a store is described to the person who started the collector (no passwords). */
export function describeStore(options: OpenStoreOptions): string {
  if (!options.databaseUrl) return `SQLite ${options.file ?? DEFAULT_DATABASE_FILE} (WAL, synchronous=FULL)`;
  try {
    const url = new URL(options.databaseUrl);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}
