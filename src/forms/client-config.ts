// What the browser script needs to know about a survey, embedded in the page as a JSON data block:
// the questions without their map data (a planning area can be large), the survey window, where to
// send and where to go afterwards. No Node imports: the browser script imports the type.
import type { QuestionModel, SurveyPageModel } from "../campaign/model.js";
import { collectorUrls, pagePath } from "../campaign/urls.js";
import type { SurveyFormInput } from "./render.js";

export interface SurveyClientConfig {
  slug: string;
  pageId: string;
  locale: string;
  /** The form's action. */
  action: string;
  /** Where the script fetches a form token (docs/adr/006-abuse-protection.md). */
  tokenUrl: string;
  thankYou: string;
  /** Folder with form.validate.js (ends in "/"). */
  validatorUrl: string;
  opens: string;
  closes: string;
  page: Pick<SurveyPageModel, "id" | "type" | "questions">;
}

export function clientConfig(input: SurveyFormInput): SurveyClientConfig {
  return {
    slug: input.campaign.slug,
    pageId: input.page.id,
    locale: input.locale,
    action: input.action,
    tokenUrl: collectorUrls(input.campaign, input.page).token,
    thankYou: input.thankYou ?? "",
    validatorUrl: input.validatorUrl ?? pagePath(input.campaign, input.campaign.locale, input.page.id),
    opens: input.page.opens,
    closes: input.page.closes,
    page: { id: input.page.id, type: "survey", questions: input.page.questions.map(slim) },
  };
}

/**
 * A location question without its map's data: the planning area, layers and basemap (a GeoJSON
 * basemap is the city's streets and buildings, 300 kB in the examples). The map on the page reads
 * its own, smaller config (map-frame's data-map-config); the survey script needs none of these.
 */
function slim(q: QuestionModel): QuestionModel {
  if (q.type !== "location") return q;
  const map = { ...q.map, area: { type: "FeatureCollection" as const, features: [] }, layers: [], basemap: undefined };
  return { ...q, map };
}
