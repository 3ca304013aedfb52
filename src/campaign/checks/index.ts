// The semantic checks, in the order their problems are easiest to read. Each is one topic.
import { checkAccessibility } from "./accessibility.js";
import { checkBasemaps } from "./basemap.js";
import type { Check } from "./context.js";
import { checkContrast } from "./contrast.js";
import { checkCredits } from "./credits.js";
import { checkEasyRead } from "./easy-read.js";
import { checkMaps } from "./geojson.js";
import { checkHashtags } from "./hashtags.js";
import { checkIds } from "./ids.js";
import { checkLicence } from "./licence.js";
import { checkImages } from "./images.js";
import { checkLocales } from "./locales.js";
import { checkPeriod } from "./period.js";
import { checkPeriodEnded } from "./period-ended.js";
import { checkQuestions } from "./questions.js";
import { checkResults } from "./results.js";
import { checkSocial } from "./social.js";
import { checkSurveyTexts } from "./survey-texts.js";

export const CHECKS: Record<string, Check> = {
  period: checkPeriod,
  periodEnded: checkPeriodEnded,
  locales: checkLocales,
  ids: checkIds,
  questions: checkQuestions,
  surveyTexts: checkSurveyTexts,
  images: checkImages,
  credits: checkCredits,
  contrast: checkContrast,
  maps: checkMaps,
  basemaps: checkBasemaps,
  social: checkSocial,
  hashtags: checkHashtags,
  accessibility: checkAccessibility,
  results: checkResults,
  licence: checkLicence,
  easyRead: checkEasyRead,
};
