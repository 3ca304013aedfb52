// The queue keeps each item's HTML until the contribution changes (src/collector/desk/queue-items.ts):
// what a moderator sees must still be their own forms and the item's current state.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JSON_HEADERS, testCollector, type TestCollector } from "./helpers/collector.js";
import { addStaff, loggedIn, type LoggedIn } from "./helpers/desk.js";

describe("the queue's kept items", () => {
  let c: TestCollector;
  let anna: LoggedIn;
  let ben: LoggedIn;
  let id: string;
  beforeAll(async () => {
    c = await testCollector();
    const sent = await c.app.inject({ method: "POST", url: "/api/marktplatz/karte/contributions", headers: JSON_HEADERS, payload: { contribution: { category: "idee", comment: "Ein Trinkbrunnen am Rathaus", place: "brunnen" }, _id: randomUUID() } });
    id = JSON.parse(sent.body).id;
    await addStaff(c.store, "anna", "moderator");
    await addStaff(c.store, "ben", "moderator");
    anna = await loggedIn(c, "anna");
    ben = await loggedIn(c, "ben");
  });
  afterAll(() => c.close());

  const forms = (html: string) => [...html.matchAll(/<form[^>]*action="\/admin\/contributions\/[^"]+\/decide"[\s\S]*?<\/form>/g)].map((m) => m[0]);

  it("carries each moderator's own CSRF token and the page's own address back, never a placeholder", async () => {
    const first = (await anna.get("/admin/")).body;
    const second = (await ben.get("/admin/?state=pending&campaign=marktplatz")).body;
    expect(forms(first).length).toBeGreaterThan(0);
    for (const form of forms(first)) {
      expect(form).toContain(`name="_csrf" value="${anna.csrf}"`);
      expect(form).toContain(`name="back" value="/admin/"`);
    }
    for (const form of forms(second)) {
      expect(form).toContain(`name="_csrf" value="${ben.csrf}"`);
      expect(form).not.toContain(anna.csrf);
      expect(form).toContain(`name="back" value="/admin/?state=pending&amp;campaign=marktplatz"`);
    }
    expect(first + second).not.toMatch(/to-fill/);
  });

  it("shows an item as it is now after someone decided it, and the kept form of the other works", async () => {
    await ben.get("/admin/");
    const version = (await c.store.getContribution(id))!.version;
    const decided = await anna.post(`/admin/contributions/${id}/decide`, { decision: "approve", version: String(version), back: "/admin/" });
    expect(decided.statusCode).toBe(303);
    const now = (await ben.get("/admin/")).body;
    expect(now).toContain(`value="${id}:${version + 1}"`);
    expect(now).toMatch(/Freigegeben von anna/);
    expect(now).toContain(`href="/marktplatz/karte/#beitrag-${id}"`);
    // Ben rejects from the page he was just given: his token and the current version, so it counts.
    const reject = forms(now).find((f) => f.includes('value="reject"'))!;
    expect(reject).toContain(`name="version" value="${version + 1}"`);
    const rejected = await ben.post(`/admin/contributions/${id}/decide`, { decision: "reject", reason: "duplicate", version: String(version + 1), back: "/admin/" });
    expect(rejected.statusCode).toBe(303);
    expect((await c.store.getContribution(id))!.status).toBe("rejected");
  });
});
