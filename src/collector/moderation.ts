// The rules of moderation, answers and redaction, in one place for the desk (src/collector/desk/)
// and `mitreden moderate`: what may be decided, what a change writes, and that every change names
// the version it saw, so two moderators never overwrite each other silently (docs/adr/018-desk.md).
// The store writes the change and its audit entry in one transaction.
import { CONTRIBUTION_STATUSES, type MapPageModel, type PublicStatus } from "../campaign/model.js";
import type { Answers } from "../forms/fields.js";
import type { ContributionChange, Store, StoredContribution, StoredResponse } from "./store/index.js";

/** Who acts: a desk user's name, or "cli:<login>" for a terminal. */
export type Actor = string;

export type Decision = { status: "approved" } | { status: "rejected"; reason: string; note?: string };

/** Why a change was not made; "stale" carries the record as someone else left it. */
export type Refusal<T> =
  | { outcome: "stale"; record: T }
  | { outcome: "missing" }
  | { outcome: "invalid"; field: "reason" | "note" | "status" | "answer" | "fragment" | "question"; problem: "unknown" | "too-long" | "empty" | "not-found" | "not-approved" };

export type Outcome<T> = { outcome: "changed"; record: T } | Refusal<T>;

/** Longest note, answer and fragment the desk takes (an answer is a paragraph or two, not a report). */
export const LIMITS = { note: 1000, answer: 4000, fragment: 500 } as const;

/** The words a redacted span becomes, in the language of what was written. */
export function redactionMark(locale: string): string {
  return locale.startsWith("de") ? "[entfernt]" : "[removed]";
}

/** The ids a moderator may reject for on this map: the campaign's netiquette list, or the defaults. */
export function reasonIds(page: MapPageModel): string[] {
  return page.map.contributions.reasons.map((r) => r.id);
}

/** A map of a campaign: where a contribution must belong for a change to apply. */
export interface MapTarget {
  slug: string;
  page: MapPageModel;
}

/** Approves or rejects a contribution of `page` if it still has `expectedVersion`. */
export async function decide(
  store: Store,
  map: MapTarget,
  c: { id: string; expectedVersion: number },
  decision: Decision,
  actor: Actor,
  at: Date,
): Promise<Outcome<StoredContribution>> {
  const change: ContributionChange = { status: decision.status, moderatedAt: at.toISOString(), moderatedBy: actor, reason: null, note: null };
  const details: Record<string, unknown> = { status: decision.status };
  if (decision.status === "rejected") {
    if (!reasonIds(map.page).includes(decision.reason)) return { outcome: "invalid", field: "reason", problem: decision.reason ? "unknown" : "empty" };
    const note = decision.note?.trim() || undefined;
    if (note && note.length > LIMITS.note) return { outcome: "invalid", field: "note", problem: "too-long" };
    change.reason = decision.reason;
    change.note = note ?? null;
    details.reason = decision.reason;
    if (note) details.note = note;
  }
  return applyContribution(store, map, c, change, { at, actor, action: decision.status === "approved" ? "contribution.approve" : "contribution.reject", details });
}

/** Sets the public status and the city's answer of an approved contribution; the audit log keeps every version of the answer. */
export async function answer(
  store: Store,
  map: MapTarget,
  c: { id: string; expectedVersion: number },
  reply: { status: string; text: string },
  actor: Actor,
  at: Date,
): Promise<Outcome<StoredContribution>> {
  if (!(CONTRIBUTION_STATUSES as readonly string[]).includes(reply.status)) return { outcome: "invalid", field: "status", problem: "unknown" };
  const text = reply.text.trim();
  if (text.length > LIMITS.answer) return { outcome: "invalid", field: "answer", problem: "too-long" };
  const current = await store.getContribution(c.id, map.slug);
  if (!current || current.page !== map.page.id) return { outcome: "missing" };
  if (current.status !== "approved") return { outcome: "invalid", field: "status", problem: "not-approved" };
  const status = reply.status as PublicStatus;
  const change: ContributionChange = { publicStatus: status, answer: text, answeredAt: at.toISOString(), answeredBy: actor };
  // The answer's text goes into the log: that is the history of an edited answer.
  return applyContribution(store, map, c, change, { at, actor, action: "contribution.answer", details: { status, answer: text } });
}

/**
 * Replaces every occurrence of `fragment` in a contribution's comment and place description with
 * the redaction mark. The original is not kept anywhere; the log says where and how often, not what.
 */
export async function redactContribution(store: Store, map: MapTarget, c: { id: string; expectedVersion: number }, fragment: string, actor: Actor, at: Date): Promise<Outcome<StoredContribution>> {
  const problem = fragmentProblem(fragment);
  if (problem) return { outcome: "invalid", field: "fragment", problem };
  const current = await store.getContribution(c.id, map.slug);
  if (!current || current.page !== map.page.id) return { outcome: "missing" };
  const mark = redactionMark(current.locale);
  const change: ContributionChange = {};
  const fields: Record<string, number> = {};
  const comment = replaceAll(current.comment, fragment, mark);
  if (comment.count) {
    change.comment = comment.text;
    fields.comment = comment.count;
  }
  const description = current.description === undefined ? { text: "", count: 0 } : replaceAll(current.description, fragment, mark);
  if (description.count) {
    change.description = description.text;
    fields.description = description.count;
  }
  if (!comment.count && !description.count) return current.version === c.expectedVersion ? { outcome: "invalid", field: "fragment", problem: "not-found" } : { outcome: "stale", record: current };
  return applyContribution(store, map, c, change, { at, actor, action: "contribution.redact", details: { fields } });
}

/** The same for one free-text answer of a survey response (`question`: its id, or "<id>__other"). */
export async function redactResponse(store: Store, r: { id: string; expectedVersion: number }, question: string, fragment: string, actor: Actor, at: Date): Promise<Outcome<StoredResponse>> {
  const problem = fragmentProblem(fragment);
  if (problem) return { outcome: "invalid", field: "fragment", problem };
  const current = await store.getResponse(r.id);
  if (!current) return { outcome: "missing" };
  const value = current.answers[question];
  if (typeof value !== "string") return { outcome: "invalid", field: "question", problem: "unknown" };
  const replaced = replaceAll(value, fragment, redactionMark(current.locale));
  if (!replaced.count) return current.version === r.expectedVersion ? { outcome: "invalid", field: "fragment", problem: "not-found" } : { outcome: "stale", record: current };
  const answers: Answers = { ...current.answers, [question]: replaced.text };
  const audit = { at: at.toISOString(), actor, action: "response.redact", target: `response:${current.id}`, details: { campaign: current.campaign, page: current.page, question, count: replaced.count } };
  return store.changeResponse(r.id, r.expectedVersion, answers, audit);
}

async function applyContribution(
  store: Store,
  map: MapTarget,
  c: { id: string; expectedVersion: number },
  change: ContributionChange,
  audit: { at: Date; actor: Actor; action: string; details: Record<string, unknown> },
): Promise<Outcome<StoredContribution>> {
  const current = await store.getContribution(c.id, map.slug);
  // A contribution of another map is "missing" here: the map decides which reasons apply.
  if (!current || current.page !== map.page.id) return { outcome: "missing" };
  return store.changeContribution(c.id, c.expectedVersion, change, {
    at: audit.at.toISOString(),
    actor: audit.actor,
    action: audit.action,
    target: `contribution:${current.id}`,
    details: { campaign: current.campaign, page: current.page, ...audit.details },
  });
}

function fragmentProblem(fragment: string): "empty" | "too-long" | undefined {
  if (!fragment.trim()) return "empty";
  if (fragment.length > LIMITS.fragment) return "too-long";
  return undefined;
}

function replaceAll(text: string, fragment: string, mark: string): { text: string; count: number } {
  const parts = text.split(fragment);
  return { text: parts.join(mark), count: parts.length - 1 };
}

/**
 * Text for a terminal: control characters (escape sequences, carriage return, backspace, the C1
 * range) and bidirectional overrides are shown as \uXXXX, so a comment can neither hide text nor
 * forge a line of output; its line breaks become "⏎".
 */
export function terminalText(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/\r\n|\n/g, " ⏎ ").replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
