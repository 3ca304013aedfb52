// The data-protection duties (DSGVO; docs/adr/019-trust.md), as typed functions the CLI calls:
//   purgePersonalData   retention.personalDataDays after the campaign ends, the answers to e-mail
//                       questions go; the rest of every answer stays (Art. 5 (1) e, storage limitation)
//   findPersonalData    every stored item that holds an address (Art. 15, right of access)
//   deletePersonalData  those items deleted (Art. 17, right to erasure)
// Each change is written to the audit log: what, when, by whom, how many — never the address.
import os from "node:os";
import type { CampaignModel, SurveyPageModel } from "../campaign/model.js";
import { UsageError } from "../errors.js";
import { loadCampaign, storeOf, type StoreLocation } from "./commands.js";
import { withExistingStore, type Store, type StoredContribution, type StoredResponse } from "./store/index.js";

const DAY_MS = 86_400_000;

/** Who ran the command, for the audit log. */
function actor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return "cli";
  }
}

/** The answers a campaign's surveys keep that identify a person: its e-mail questions. */
export function personalFields(page: SurveyPageModel): string[] {
  return page.questions.filter((q) => q.type === "email").map((q) => q.id);
}

/** When the personal fields of a campaign are due for deletion; undefined without retention. */
export function purgeDate(campaign: CampaignModel): Date | undefined {
  if (!campaign.retention) return undefined;
  return new Date(new Date(campaign.period.end).getTime() + campaign.retention.personalDataDays * DAY_MS);
}

export interface PurgeOptions extends StoreLocation {
  slug: string;
  /** Say what would go, change nothing. */
  dryRun?: boolean;
  now?: Date;
}

export interface PurgeResult {
  campaign: CampaignModel;
  due: Date;
  /** False when the date has not come: nothing was (or would be) deleted. */
  isDue: boolean;
  /** Per survey: how many responses held personal fields, and which fields. */
  pages: { page: string; fields: string[]; responses: number }[];
  dryRun: boolean;
}

export async function purgePersonalData(options: PurgeOptions): Promise<PurgeResult> {
  const campaign = await loadCampaign(options.campaignsDir, options.slug);
  const due = purgeDate(campaign);
  if (!due) {
    throw new UsageError(
      `Campaign "${campaign.slug}" says nothing about how long personal data is kept. Add "retention": { "personalDataDays": 90 } (the days after period.end) to its campaign.json, then run mitreden purge ${campaign.slug} again.`,
    );
  }
  const now = options.now ?? new Date();
  const dryRun = options.dryRun === true;
  const isDue = now >= due;
  return withExistingStore(storeOf(options), async (store) => {
    const pages: PurgeResult["pages"] = [];
    for (const page of campaign.pages) {
      if (page.type !== "survey") continue;
      const fields = personalFields(page);
      if (!fields.length) continue;
      const changes = (await store.listResponses(campaign.slug, page.id))
        .filter((r) => fields.some((f) => r.answers[f] !== undefined))
        .map((r) => ({ id: r.id, answers: Object.fromEntries(Object.entries(r.answers).filter(([key]) => !fields.includes(key))) as StoredResponse["answers"] }));
      pages.push({ page: page.id, fields, responses: changes.length });
      if (isDue && !dryRun && changes.length) {
        await store.replaceAnswers(changes);
        await store.appendAudit({ at: now.toISOString(), actor: actor(), action: "purge", target: `page:${campaign.slug}/${page.id}`, details: { fields, responses: changes.length, retentionDays: campaign.retention!.personalDataDays } });
      }
    }
    return { campaign, due, isDue, pages, dryRun };
  });
}

export interface PrivacyOptions extends StoreLocation {
  email: string;
  now?: Date;
}

export interface PrivacyHits {
  responses: StoredResponse[];
  contributions: StoredContribution[];
}

/** Every response and contribution that holds the address anywhere in what was typed. */
export async function findPersonalData(options: PrivacyOptions): Promise<PrivacyHits> {
  const email = address(options.email);
  return withExistingStore(storeOf(options), (store) => find(store, email));
}

/** Deletes what findPersonalData finds, in one transaction, and logs it (ids and counts, not the address). */
export async function deletePersonalData(options: PrivacyOptions): Promise<PrivacyHits & { deleted: number }> {
  const email = address(options.email);
  return withExistingStore(storeOf(options), async (store) => {
    const hits = await find(store, email);
    const deleted = await store.deleteSubmissions({ responses: hits.responses.map((r) => r.id), contributions: hits.contributions.map((c) => c.id) });
    await store.appendAudit({
      at: (options.now ?? new Date()).toISOString(),
      actor: actor(),
      action: "privacy.delete",
      details: { responses: hits.responses.map((r) => r.id), contributions: hits.contributions.map((c) => c.id), deleted },
    });
    return { ...hits, deleted };
  });
}

function address(email: string): string {
  const text = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(text)) throw new UsageError(`"${email}" is not an e-mail address. Example: mitreden privacy find person@example.org`);
  return text;
}

async function find(store: Store, email: string): Promise<PrivacyHits> {
  const { responses, contributions } = await store.findByText(email);
  // The store's search is coarse (JSON text); keep only items where a typed text holds the address.
  const holds = (value: unknown): boolean =>
    typeof value === "string" ? value.toLowerCase().includes(email) : Array.isArray(value) ? value.some(holds) : value !== null && typeof value === "object" ? Object.values(value).some(holds) : false;
  return { responses: responses.filter((r) => holds(r.answers)), contributions: contributions.filter((c) => holds([c.comment, c.description])) };
}
