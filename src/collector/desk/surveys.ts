// Survey answers at the desk: every survey with its number of responses, per survey the live
// counts per question and option (the results page's tally and tables), the responses per day and
// a paginated read view (free text as text) with redaction of a span; for
// administrators the downloads of `mitreden export` (the same serializers), each one logged.
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { CampaignModel, Locale, MapPageModel, QuestionModel, SurveyPageModel } from "../../campaign/model.js";
import { type LocationAnswer, OTHER_VALUE } from "../../forms/fields.js";
import type { QuestionFigures } from "../../campaign/results-file.js";
import { questionView } from "../../campaign/results-questions.js";
import { formatDate, formatDateTime, responseExportWords } from "../../i18n/index.js";
import { markdownToText } from "../../pages/markdown.js";
import { streamContributionExport } from "../contributions/export.js";
import { redactResponse } from "../moderation.js";
import { hiddenQuestions } from "../results/write.js";
import { streamResponseExport } from "../surveys/export.js";
import { deskRoute, refuse, type Desk } from "./index.js";
import { retentionNotes } from "./retention.js";
import { surveyCounts } from "./survey-counts.js";

const PAGE_SIZE = 20;
type Body = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function pagesOf(desk: Desk): { campaign: CampaignModel; page: SurveyPageModel | MapPageModel }[] {
  return desk.ctx.campaigns.model().campaigns.flatMap((campaign) => campaign.pages.filter((p): p is SurveyPageModel | MapPageModel => p.type === "survey" || p.type === "map").map((page) => ({ campaign, page })));
}

function find(desk: Desk, slug: string, pageId: string) {
  return pagesOf(desk).find((p) => p.campaign.slug === slug && p.page.id === pageId);
}

export function registerSurveys(app: FastifyInstance, desk: Desk): void {
  deskRoute(app, desk, {
    method: "GET",
    url: "/surveys",
    async handler(request, reply, staff) {
      const locale = desk.locale(request);
      const surveys = [];
      for (const { campaign, page } of pagesOf(desk)) {
        if (page.type !== "survey") continue;
        const count = await desk.ctx.store.countResponses(campaign.slug, page.id);
        surveys.push({
          title: `${campaign.title[locale] ?? campaign.title[campaign.locale]} · ${page.title[locale] ?? page.title[campaign.locale]}`,
          href: `${desk.base}/surveys/${campaign.slug}/${page.id}`,
          count: desk.t(request, "desk.surveys.responses", { count }),
        });
      }
      const maps = pagesOf(desk)
        .filter((p) => p.page.type === "map")
        .map(({ campaign, page }) => ({ title: `${campaign.title[locale] ?? campaign.title[campaign.locale]} · ${page.title[locale] ?? page.title[campaign.locale]}`, exports: exportLinks(desk, campaign, page) }));
      // Each campaign's reach figures (src/collector/reach/desk-pages.ts): the way to them from the desk.
      const reach = desk.ctx.campaigns.model().campaigns.map((campaign) => ({ title: campaign.title[locale] ?? campaign.title[campaign.locale], href: `${desk.base}/${campaign.slug}/reach` }));
      // When each campaign's personal data is deleted (mitreden purge), or that no date is set.
      const retention = retentionNotes(desk.ctx.campaigns.model().campaigns, locale, desk.ctx.now(), (key, params) => desk.t(request, key, params));
      return desk.render(request, reply, staff, { view: "surveys", heading: desk.t(request, "desk.surveys.title"), surveys, maps, reach, retention });
    },
  });

  deskRoute<{ slug: string; page: string }, { p?: string }>(app, desk, {
    method: "GET",
    url: "/surveys/:slug/:page",
    async handler(request, reply, staff) {
      const found = find(desk, request.params.slug, request.params.page);
      if (!found || found.page.type !== "survey") return refuse(desk, request, reply, staff, 404, "desk.error.notFound");
      const { campaign, page } = found as { campaign: CampaignModel; page: SurveyPageModel };
      const locale = desk.locale(request);
      const tally = await surveyCounts(desk.ctx.store, desk.ctx.campaigns.model(), campaign, page);
      const content = campaign.locales.includes(locale) ? locale : campaign.locale;
      const hidden = new Set(hiddenQuestions(campaign, page.id));
      const questions = tally.figures.map((f) => ({ ...questionView(page, f, content, locale), hidden: hidden.has(f.id), places: rankingPlaces(desk, request, page, f, content) }));
      const pages = Math.max(1, Math.ceil(tally.responses / PAGE_SIZE));
      const current = Math.min(pages, Math.max(1, Number.parseInt(request.query.p ?? "1", 10) || 1));
      const responses = await desk.ctx.store.responsesPage(campaign.slug, page.id, { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE });
      const label = (q: SurveyPageModel["questions"][number]) => q.label[locale] ?? q.label[campaign.locale] ?? q.id;
      const words = responseExportWords(locale);
      const base = `${desk.base}/surveys/${campaign.slug}/${page.id}`;
      return desk.render(request, reply, staff, {
        view: "survey",
        heading: page.title[locale] ?? page.title[campaign.locale] ?? page.id,
        total: desk.t(request, "desk.surveys.responses", { count: tally.responses }),
        questions,
        // The questions' and options' words are the campaign's: in its language when the desk's is not one of its languages.
        contentLang: content,
        // A calendar day of the campaign's time zone, written out in the desk's language.
        perDay: tally.perDay.map(([day, count]) => ({ day: formatDate(`${day}T12:00:00Z`, locale, "UTC"), count })),
        responses: responses.map((r) => {
          // In the order of the form, in the options' words (as the export), each "Sonstiges" text
          // after its question; free texts can be redacted.
          const answers = page.questions.flatMap((q) => {
            const rows: { key: string; label: string; value: string; free: boolean }[] = [];
            const value = r.answers[q.id];
            if (value !== undefined) rows.push({ key: q.id, label: label(q), value: readableAnswer(q, value, content, words), free: q.type === "text" || q.type === "textarea" });
            const other = r.answers[`${q.id}__other`];
            if (typeof other === "string") rows.push({ key: `${q.id}__other`, label: `${label(q)} (…)`, value: other, free: true });
            return rows;
          });
          return {
            id: r.id,
            version: r.version,
            heading: desk.t(request, "desk.survey.response", { date: formatDateTime(r.receivedAt, locale, campaign.timezone) }),
            lang: r.locale,
            answers,
            free: answers.filter((t) => t.free).map((t) => ({ value: t.key, text: t.label })),
          };
        }),
        action: `${base}/redact`,
        exports: staff.role === "admin" ? exportLinks(desk, campaign, page) : [],
        pagination: { current, pages, previous: current > 1 ? `${base}?p=${current - 1}` : undefined, next: current < pages ? `${base}?p=${current + 1}` : undefined },
        back: request.url,
      });
    },
  });

  deskRoute<{ slug: string; page: string }, Record<string, string>, Body>(app, desk, {
    method: "POST",
    url: "/surveys/:slug/:page/redact",
    async handler(request, reply, staff) {
      const body = request.body ?? {};
      const found = find(desk, request.params.slug, request.params.page);
      const response = await desk.ctx.store.getResponse(one(body.response) ?? "");
      if (!found || !response || response.campaign !== found.campaign.slug || response.page !== found.page.id) return refuse(desk, request, reply, staff, 404, "desk.error.notFound");
      const outcome = await redactResponse(desk.ctx.store, { id: response.id, expectedVersion: Number(one(body.version)) || 0 }, one(body.question) ?? "", one(body.fragment) ?? "", staff.name, new Date());
      const back = one(body.back)?.startsWith(`${desk.base}/surveys/`) ? one(body.back)! : `${desk.base}/surveys/${found.campaign.slug}/${found.page.id}`;
      if (outcome.outcome === "changed") return desk.redirect(reply, staff, `${back}#r-${response.id}`, desk.t(request, "desk.redact.done"));
      if (outcome.outcome === "stale") return refuse(desk, request, reply, staff, 409, "desk.conflict.changed", { name: "?" });
      if (outcome.outcome === "missing") return refuse(desk, request, reply, staff, 404, "desk.error.notFound");
      return refuse(desk, request, reply, staff, 400, outcome.problem === "not-found" ? "desk.redact.notFound" : "desk.redact.empty");
    },
  });

  deskRoute<{ slug: string; page: string; format: string }>(app, desk, {
    method: "GET",
    url: "/export/:slug/:page/:format",
    role: "admin",
    async handler(request, reply, staff) {
      const found = find(desk, request.params.slug, request.params.page);
      const format = request.params.format;
      const formats = found?.page.type === "map" ? ["csv", "json", "geojson"] : ["csv", "json"];
      if (!found || !formats.includes(format)) return refuse(desk, request, reply, staff, 404, "desk.error.notFound");
      const { campaign, page } = found;
      await desk.audit(staff, { action: "export.download", target: `page:${campaign.slug}/${page.id}`, details: { format } });
      // Streamed from the store's cursor, as `mitreden export` and the export API are: a big
      // consultation's download neither fills the collector's memory nor waits for the last row.
      const chunks =
        page.type === "map"
          ? streamContributionExport(campaign, page, desk.ctx.store.contributionBatches(campaign.slug, page.id), { format: format as "csv" | "json" | "geojson" })
          : streamResponseExport(campaign, page, desk.ctx.store.responseBatches(campaign.slug, page.id), { format: format as "csv" | "json" });
      const body = Readable.from(chunks, { highWaterMark: 1 });
      const type = format === "csv" ? "text/csv" : format === "geojson" ? "application/geo+json" : "application/json";
      return reply
        .type(`${type}; charset=utf-8`)
        .header("content-disposition", `attachment; filename="${campaign.slug}-${page.id}.${format}"`)
        .send(body);
    },
  });
}

/** A ranking's whole distribution (the results page shows place 1 and the average): how often each option was put on each place. */
function rankingPlaces(desk: Desk, request: FastifyRequest, page: SurveyPageModel, f: QuestionFigures, content: string) {
  if (f.type !== "ranking" || f.answered === 0) return undefined;
  const question = page.questions.find((q) => q.id === f.id);
  const label = (value: string) => (question && "options" in question ? question.options.find((o) => o.value === value)?.label[content] : undefined) ?? value;
  const places = Object.values(f.positions)[0]?.length ?? 0;
  return {
    caption: desk.t(request, "desk.survey.places", { question: markdownToText(question?.label[content] ?? f.id) }),
    columns: Array.from({ length: places }, (_, i) => desk.t(request, "desk.survey.place", { place: i + 1 })),
    rows: Object.entries(f.positions).map(([value, counts]) => ({ label: label(value), counts })),
  };
}

function exportLinks(desk: Desk, campaign: CampaignModel, page: SurveyPageModel | MapPageModel) {
  const formats = page.type === "map" ? ["csv", "json", "geojson"] : ["csv", "json"];
  return formats.map((format) => ({ format, href: `${desk.base}/export/${campaign.slug}/${page.id}/${format}` }));
}

/**
 * An answer as a moderator reads it: options by their labels (as the export writes them), a
 * ranking in its order, a place by its name, a point by its coordinates; never a stored code.
 */
function readableAnswer(q: QuestionModel, value: unknown, locale: Locale, words: ReturnType<typeof responseExportWords>): string {
  const option = (v: unknown) => (v === OTHER_VALUE ? words.other : (("options" in q ? q.options.find((o) => o.value === v)?.label[locale] : undefined) ?? String(v)));
  switch (q.type) {
    case "single":
    case "select":
      return option(value);
    case "multiple":
      return Array.isArray(value) ? value.map(option).join(", ") : String(value);
    case "ranking":
      return Array.isArray(value) ? value.map((v, i) => `${i + 1}. ${option(v)}`).join(", ") : String(value);
    case "consent":
      return value === true ? words.yes : String(value);
    case "location": {
      const answer = (value ?? {}) as LocationAnswer;
      const place = answer.place === undefined ? undefined : (q.map.places.find((p) => p.id === answer.place)?.label[locale] ?? answer.place);
      const point = answer.point ? `${words.lat} ${answer.point[1]}, ${words.lng} ${answer.point[0]}` : undefined;
      return [place, point, answer.description].filter((part) => part !== undefined && part !== "").join(" · ");
    }
    default:
      return typeof value === "string" ? value : String(value);
  }
}
