// While the desk counts a big survey, the collector keeps serving: the count gives the event loop
// a turn now and then (SQLite's reads are synchronous; src/collector/store/sqlite.ts), so a
// citizen's submission arriving meanwhile is not held up until the count ends. Measured as the
// longest stretch the event loop was held during the desk's first view, against that view's time.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Store } from "../../src/collector/store/index.js";
import { testCollector, type TestCollector } from "./helpers/collector.js";
import { addStaff, loggedIn, type LoggedIn } from "./helpers/desk.js";
import { marktplatzResponse } from "./helpers/seed.js";
import { bothStores } from "./helpers/stores.js";

const RESPONSES = 20_000;
const stores = bothStores("desk-busy");

describe.each(stores)("the desk counting %s responses of a survey (%s)".replace("%s", String(RESPONSES)), (_name, open) => {
  let store: Store;
  let c: TestCollector;
  let anna: LoggedIn;

  beforeAll(async () => {
    store = await open();
    for (let from = 0; from < RESPONSES; from += 500) await Promise.all(Array.from({ length: 500 }, (_, i) => store.insertResponse(marktplatzResponse(from + i))));
    c = await testCollector({ store });
    await addStaff(store, "anna", "moderator");
    anna = await loggedIn(c, "anna");
  }, 120_000);
  afterAll(async () => {
    await c?.close();
    await store?.close();
  });

  test("holds the event loop for short stretches only, not for the whole count", async () => {
    // A timer that notes each turn of the event loop; the longest gap between two notes (or the
    // view's start or end) is the longest stretch anything else arriving meanwhile had to wait.
    const turns = [performance.now()];
    const timer = setInterval(() => turns.push(performance.now()), 1);
    const view = await anna.get("/admin/surveys/marktplatz/umfrage");
    turns.push(performance.now());
    clearInterval(timer);
    const took = turns.at(-1)! - turns[0]!;
    const longest = Math.max(...turns.slice(1).map((t, i) => t - turns[i]!));
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain("20.000 Antworten");
    // Before the turns, the longest stretch was the count itself: most of the view.
    expect(longest, `longest stretch ${longest.toFixed(0)} ms of a ${took.toFixed(0)} ms view`).toBeLessThan(took / 2);
  });
});
