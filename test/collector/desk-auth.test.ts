// Who gets into the desk, and how long: login, sessions, cookies, CSRF, roles, lockout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM, formBody, testCollector, type TestCollector } from "./helpers/collector.js";
import { addStaff, loggedIn, login, PASSWORD, sessionCookie } from "./helpers/desk.js";

describe("desk login", () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await testCollector({ desk: { accountLimit: 3, clientLimit: 6 } });
    await addStaff(collector.store, "anna", "admin");
    await addStaff(collector.store, "moritz", "moderator");
  });
  afterAll(() => collector.close());

  it("shows a login form with Benutzername, Passwort and Anmelden, in English for an English browser", async () => {
    const de = await collector.app.inject({ method: "GET", url: "/admin/login", headers: { "accept-language": "de-DE,de;q=0.9" } });
    expect(de.statusCode).toBe(200);
    expect(de.headers["content-type"]).toContain("text/html");
    expect(de.body).toMatch(/<label class="kern-label" for="desk-username">Benutzername<\/label>/);
    expect(de.body).toMatch(/for="desk-password">Passwort</);
    expect(de.body).toMatch(/<span class="kern-label">Anmelden<\/span>/);
    expect(de.body).toContain('<meta name="robots" content="noindex">');
    expect(de.headers["set-cookie"]).toBeUndefined();
    const en = await collector.app.inject({ method: "GET", url: "/admin/login", headers: { "accept-language": "en-GB,en;q=0.8,de;q=0.5" } });
    expect(en.body).toMatch(/>Username</);
    expect(en.body).toMatch(/>Log in</);
  });

  it("logs in with a new session id every time, as a HttpOnly, SameSite=Strict cookie limited to /admin; __Host- over HTTPS", async () => {
    const first = await login(collector, "anna");
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe("/admin/");
    const header = String(first.headers["set-cookie"]);
    expect(header).toMatch(/^mitreden-desk=[A-Za-z0-9_-]{43}; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    // Logging in again with the old cookie: a different id, and the old one no longer works.
    const old = sessionCookie(first)!;
    const second = await login(collector, "anna", PASSWORD, { cookie: old });
    expect(sessionCookie(second)).not.toBe(old);
    expect((await collector.app.inject({ method: "GET", url: "/admin/", headers: { cookie: old } })).statusCode).toBe(303);
    expect((await collector.app.inject({ method: "GET", url: "/admin/", headers: { cookie: sessionCookie(second)! } })).statusCode).toBe(200);

    // Behind a trusted proxy that says HTTPS: the __Host- cookie (Secure, Path=/ as the prefix demands).
    const proxied = await testCollector({ store: collector.store, trustProxy: 1 });
    try {
      const secure = await login(proxied, "anna", PASSWORD, { "x-forwarded-proto": "https" });
      expect(String(secure.headers["set-cookie"])).toMatch(/^__Host-mitreden-desk=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
      const cookie = sessionCookie(secure)!;
      expect((await proxied.app.inject({ method: "GET", url: "/admin/", headers: { cookie, "x-forwarded-proto": "https" } })).statusCode).toBe(200);
      // The same id without the prefix is not taken.
      expect((await proxied.app.inject({ method: "GET", url: "/admin/", headers: { cookie: cookie.replace("__Host-", ""), "x-forwarded-proto": "https" } })).statusCode).toBe(303);
    } finally {
      await proxied.close();
    }
  });

  it("says only that the name or password is wrong, and keeps what was typed as the name", async () => {
    for (const [name, password] of [["anna", "falsches-passwort!"], ["niemand", PASSWORD]]) {
      const response = await login(collector, name!, password!, { "x-real-test": name! });
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain("Benutzername oder Passwort stimmen nicht.");
      expect(response.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("ends the session on logout; the old cookie then leads to the login", async () => {
    const anna = await loggedIn(collector, "anna");
    const out = await anna.post("/admin/logout", {});
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe("/admin/login?out=1");
    expect(String(out.headers["set-cookie"])).toMatch(/^mitreden-desk=; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=0$/);
    const after = await anna.get("/admin/");
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/admin\/login\?/);
  });

  it("every desk route without a session: HTML is sent to the login, JSON gets 401", async () => {
    const desk = collector.routes.filter((r) => r.url.startsWith("/admin/") && r.url !== "/admin/login" && r.method !== "HEAD");
    expect(desk.length).toBeGreaterThan(0);
    for (const route of desk) {
      const url = route.url.replace(/:(\w+)/g, "x");
      const html = await collector.app.inject({ method: route.method as "GET", url, headers: { accept: "text/html", ...FORM }, payload: route.method === "POST" ? "a=1" : undefined });
      expect(html.statusCode, `${route.method} ${url}`).toBe(303);
      expect(html.headers.location, `${route.method} ${url}`).toMatch(/^\/admin\/login\?/);
      const json = await collector.app.inject({ method: route.method as "GET", url, headers: { accept: "application/json" } });
      expect(json.statusCode, `${route.method} ${url}`).toBe(401);
    }
  });

  it("refuses a state change without or with a wrong CSRF token (403), and logs nobody out", async () => {
    const anna = await loggedIn(collector, "anna");
    for (const token of [undefined, "falsch", anna.csrf.slice(0, -1) + (anna.csrf.endsWith("A") ? "B" : "A")]) {
      const response = await collector.app.inject({ method: "POST", url: "/admin/logout", headers: { ...FORM, cookie: anna.cookie }, payload: formBody(token === undefined ? {} : { _csrf: token }) });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain("Das Formular ist abgelaufen");
    }
    expect((await anna.get("/admin/")).statusCode).toBe(200);
  });

  it("refuses a login form posted from another site, and takes the browser's word for its own (Origin: null under no-referrer)", async () => {
    const attempts: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site", origin: "null" }, { "sec-fetch-site": "same-site" }, { origin: "null" }];
    for (const headers of attempts) {
      const response = await login(collector, "anna", PASSWORD, headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.headers["set-cookie"]).toBeUndefined();
    }
    expect((await login(collector, "anna", PASSWORD, { "sec-fetch-site": "same-origin", origin: "null" })).statusCode).toBe(303);
    expect((await login(collector, "anna", PASSWORD, { origin: "http://localhost:80" })).statusCode).toBe(303);
  });

  it("locks an account after repeated failures, also against the right password, and says until when", async () => {
    await addStaff(collector.store, "lotte", "moderator");
    for (let i = 0; i < 2; i++) expect((await login(collector, "lotte", "falsch-falsch-falsch")).statusCode).toBe(401);
    const third = await login(collector, "lotte", "falsch-falsch-falsch");
    expect(third.statusCode).toBe(429);
    expect(third.body).toContain("Zu viele fehlgeschlagene Anmeldungen");
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(800);
    expect((await login(collector, "lotte")).statusCode).toBe(429);
    // Another account from another client is not affected.
    const other = await collector.app.inject({ method: "POST", url: "/admin/login", headers: FORM, payload: formBody({ username: "moritz", password: PASSWORD }), remoteAddress: "10.0.0.9" });
    expect(other.statusCode).toBe(303);
  });

  it("locks a client that tries many names, and stores no address", async () => {
    const from = (name: string, password = "falsch-falsch-falsch") =>
      collector.app.inject({ method: "POST", url: "/admin/login", headers: FORM, payload: formBody({ username: name, password }), remoteAddress: "192.0.2.77" });
    for (let i = 0; i < 5; i++) expect((await from(`name${i}`)).statusCode).toBe(401);
    expect((await from("name5")).statusCode).toBe(429);
    expect((await from("anna", PASSWORD)).statusCode).toBe(429);
    const rows = JSON.stringify(await collector.store.listAudit({}, { limit: 1000, offset: 0 }));
    expect(rows).not.toContain("192.0.2.77");
  });
});

describe("desk sessions", () => {
  it("end after 30 minutes idle and after 8 hours in any case", async () => {
    let now = new Date("2027-03-20T08:00:00.000Z");
    const collector = await testCollector({ desk: { clock: () => now } });
    try {
      await addStaff(collector.store, "anna", "admin");
      const anna = await loggedIn(collector, "anna");
      now = new Date("2027-03-20T08:29:00.000Z");
      expect((await anna.get("/admin/")).statusCode).toBe(200);
      now = new Date("2027-03-20T09:00:00.000Z");
      const idle = await anna.get("/admin/");
      expect(idle.headers.location).toMatch(/^\/admin\/login\?expired=1/);

      now = new Date("2027-03-20T09:00:00.000Z");
      const busy = await loggedIn(collector, "anna");
      for (let minutes = 25; minutes <= 8 * 60; minutes += 25) {
        now = new Date(Date.parse("2027-03-20T09:00:00.000Z") + minutes * 60_000);
        expect((await busy.get("/admin/")).statusCode, `${minutes} min`).toBe(200);
      }
      now = new Date(Date.parse("2027-03-20T09:00:00.000Z") + (8 * 60 + 10) * 60_000);
      expect((await busy.get("/admin/")).headers.location).toMatch(/expired=1/);
    } finally {
      await collector.close();
    }
  });
});
