// What a JSON Schema cannot say about answers: a map point must lie inside the area's polygon (the
// schema only knows its bounding box). Runs after the schema, in the collector and in the browser.
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { SurveyPageModel } from "../campaign/model.js";
import type { Answers, LocationAnswer } from "./fields.js";
import type { FieldIssue } from "./issues.js";

export function checkAnswers(page: SurveyPageModel, answers: Answers): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const question of page.questions) {
    if (question.type !== "location") continue;
    const point = (answers[question.id] as LocationAnswer | undefined)?.point;
    if (!point) continue;
    const inside = question.map.area.features.some(
      (feature) => feature.geometry && booleanPointInPolygon(point, feature.geometry),
    );
    if (!inside) issues.push({ field: question.id, reason: "outside-area" });
  }
  return issues;
}
