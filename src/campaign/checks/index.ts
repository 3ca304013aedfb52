// The semantic checks, in the order their problems are easiest to read. Each is one topic.
import { checkBasemaps } from "./basemap.js";
import type { Check } from "./context.js";
import { checkContrast } from "./contrast.js";
import { checkCredits } from "./credits.js";
import { checkEasyRead } from "./easy-read.js";
import { checkMaps } from "./geojson.js";
import { checkHashtags } from "./hashtags.js";
import { checkIds } from "./ids.js";
import { checkImages } from "./images.js";
import { checkLocales } from "./locales.js";
import { checkNotYetBuilt } from "./not-yet-built.js";
import { checkPeriod } from "./period.js";
import { checkQuestions } from "./questions.js";
import { checkSocial } from "./social.js";

export const CHECKS: Record<string, Check> = {
  period: checkPeriod,
  locales: checkLocales,
  ids: checkIds,
  questions: checkQuestions,
  images: checkImages,
  credits: checkCredits,
  contrast: checkContrast,
  maps: checkMaps,
  basemaps: checkBasemaps,
  social: checkSocial,
  hashtags: checkHashtags,
  easyRead: checkEasyRead,
  notYetBuilt: checkNotYetBuilt,
};
