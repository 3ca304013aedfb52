// Every page of the desk is valid HTML by the rules the site's pages follow (html-validate), in
// German and English, with data on it: the queue, a contribution, the surveys, a survey, the audit
// log, the login and an error page.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlValidate } from "../unit/html-validate-rules.js";
import { fullMarktplatzAnswers } from "./helpers/campaigns.js";
import { JSON_HEADERS, testCollector, type TestCollector } from "./helpers/collector.js";
import { addStaff, loggedIn, type LoggedIn } from "./helpers/desk.js";

describe("desk pages", () => {
  let collector: TestCollector;
  let anna: LoggedIn;
  let id: string;
  beforeAll(async () => {
    collector = await testCollector();
    await addStaff(collector.store, "anna", "admin");
    const sent = await collector.app.inject({ method: "POST", url: "/api/marktplatz/karte/contributions", headers: JSON_HEADERS, payload: { contribution: { category: "idee", comment: "Bänke <b>bitte</b>", place: "brunnen" }, _id: randomUUID() } });
    id = JSON.parse(sent.body).id;
    await collector.app.inject({ method: "POST", url: "/api/marktplatz/umfrage/responses", headers: JSON_HEADERS, payload: { answers: fullMarktplatzAnswers(), _id: randomUUID() } });
    anna = await loggedIn(collector, "anna");
    const version = (await collector.store.getContribution(id))!.version;
    await anna.post(`/admin/contributions/${id}/decide`, { decision: "approve", version: String(version) });
  });
  afterAll(() => collector.close());

  for (const language of ["de", "en"]) {
    it(`are valid HTML (${language})`, async () => {
      const pages = ["/admin/", "/admin/?state=approved", `/admin/contributions/${id}`, "/admin/surveys", "/admin/surveys/marktplatz/umfrage", "/admin/audit", "/admin/nirgends"];
      for (const url of pages) {
        const response = await anna.get(url, { "accept-language": language });
        expect([200, 404], url).toContain(response.statusCode);
        const report = await htmlValidate.validateString(response.body);
        expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector})`)), `${url} (${language})`).toEqual([]);
      }
      const login = await collector.app.inject({ method: "GET", url: "/admin/login", headers: { "accept-language": language } });
      const report = await htmlValidate.validateString(login.body);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
      expect(login.body).toContain(`<html lang="${language === "de" ? "de" : "en"}"`);
    });
  }
});
