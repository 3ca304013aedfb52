// The desk with a queue of many contributions, for bench:desk, bench:desk-survey and bench/desk-compare.js: a SQLite
// store seeded with `count` contributions of marktplatz's map (a third of them waiting), a moderator
// logged in, and the collector listening on a free port. `root` is the checkout whose compiled
// dist/ serves it (desk-compare runs another checkout's beside this one's).
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const DESK_NOW = new Date("2027-03-20T10:00:00+01:00");

/** `seed(file)`, if given, adds more to the store file before the collector opens it. */
export async function startDeskServer(root, { work, count, seed }) {
  const { loadSiteModel } = await import(path.join(root, "dist/campaign/index.js"));
  const { hashPassword } = await import(path.join(root, "dist/collector/accounts.js"));
  const { createCollector } = await import(path.join(root, "dist/collector/server.js"));
  const { openStore } = await import(path.join(root, "dist/collector/store/index.js"));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const file = path.join(work, "desk.sqlite");
  await (await openStore({ file })).close();
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO contributions (id, campaign, page, locale, category, comment, lng, lat, received_at, channel, verified, status, moderated_at)
     VALUES (?, 'marktplatz', 'karte', 'de', ?, ?, ?, ?, ?, 'script', 1, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = new Date(DESK_NOW.getTime() - (count - i) * 60_000).toISOString();
      // A third waits, the rest is decided: the queue's counts have work to do.
      const status = i % 3 === 0 ? "pending" : "approved";
      insert.run(randomUUID(), ["idee", "problem", "lob"][i % 3], `Hinweis Nr. ${i + 1}: Mehr Schatten, mehr Bänke, weniger Autos – bitte prüfen.`, 6.999 + ((i * 7919) % 1000) / 500_000, 50.9395 + ((i * 104_729) % 1000) / 1_111_111, at, status, status === "pending" ? null : at);
    }
  })();
  db.close();
  await seed?.(file);
  const { model } = await loadSiteModel(path.join(root, "campaigns"));
  const store = await openStore({ file });
  await store.addUser({ name: "bench", role: "moderator", passwordHash: await hashPassword("bench-password-123"), createdAt: DESK_NOW.toISOString() }, { at: DESK_NOW.toISOString(), actor: "bench", action: "user.add" });
  // One client sends every submission of a bench: no limit per client.
  const app = createCollector({ model, store, now: () => DESK_NOW, desk: { failureDelayMs: 0 }, abuse: { rateLimit: { max: 1_000_000 } } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  const login = await fetch(`${base}/admin/login`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=bench&password=bench-password-123" });
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  if (login.status !== 303 || !cookie) throw new Error(`Login failed: ${login.status}`);
  return {
    base,
    cookie,
    async close() {
      await app.close();
      await store.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
