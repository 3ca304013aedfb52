// What a JSON Schema cannot say about answers: a map point must lie inside the area's polygon (the
// schema only knows its bounding box). Runs after the schema in the collector. In the browser the
// same rule (pointInArea, src/campaign/geo.ts) refuses such a point when it is placed on the map.
import { pointInArea } from "../campaign/geo.js";
import type { SurveyPageModel } from "../campaign/model.js";
import type { Answers, LocationAnswer } from "./fields.js";
import type { FieldIssue } from "./issues.js";

export function checkAnswers(page: SurveyPageModel, answers: Answers): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const question of page.questions) {
    if (question.type !== "location") continue;
    const point = (answers[question.id] as LocationAnswer | undefined)?.point;
    if (point && !pointInArea(point, question.map.area)) issues.push({ field: question.id, reason: "outside-area" });
  }
  return issues;
}
