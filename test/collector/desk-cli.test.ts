// The desk's commands as a city runs them: `mitreden user …` with the password from standard
// input, and `mitreden moderate` printing citizens' text without control characters.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/collector/store/index.js";
import { ensureBuilt } from "./helpers/cli.js";
import { tempDir, testCollector } from "./helpers/collector.js";
import { login } from "./helpers/desk.js";

const BIN = path.resolve("bin/mitreden.js");
const PASSWORD = "ein sehr langes Passwort 2027";

describe("mitreden user and moderate", () => {
  let dir: string;
  let db: string;
  const run = (args: string[], input?: string) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [BIN, ...args, "--db", db], { input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] }) };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir("desk-cli");
    db = path.join(dir, "desk.sqlite");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("adds, lists, changes and removes accounts; the password is never printed or stored as typed", async () => {
    const added = run(["user", "add", "Anna.Schmidt", "--role", "admin", "--password-stdin"], `${PASSWORD}\n`);
    expect(added).toEqual({ code: 0, out: "Added anna.schmidt (admin). They log in at /admin/login.\n" });
    expect(run(["user", "add", "ben", "--role", "chef", "--password-stdin"], `${PASSWORD}\n`)).toMatchObject({ code: 1, out: expect.stringContaining('--role must be moderator or admin, not "chef"') });
    expect(run(["user", "add", "ben", "--role", "moderator", "--password-stdin"], "kurz\n")).toMatchObject({ code: 1, out: expect.stringContaining("at least 12 characters") });
    expect(run(["user", "add", "anna.schmidt", "--role", "moderator", "--password-stdin"], `${PASSWORD}\n`)).toMatchObject({ code: 1, out: expect.stringContaining('There is a user "anna.schmidt" already') });
    expect(run(["user", "list"]).out).toMatch(/^anna\.schmidt\s+admin\s+since \d{4}-\d\d-\d\d/);
    expect(readFileSync(db).includes(Buffer.from(PASSWORD))).toBe(false);

    // The account logs in at the desk with that password; the store has its argon2id hash.
    const store = await openStore({ file: db });
    const collector = await testCollector({ store });
    try {
      expect((await store.findUser("anna.schmidt"))!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect((await login(collector, "Anna.Schmidt", PASSWORD)).statusCode).toBe(303);
      expect(run(["user", "password", "anna.schmidt", "--password-stdin"], "noch ein langes Passwort\n").code).toBe(0);
      expect((await login(collector, "anna.schmidt", PASSWORD)).statusCode).toBe(401);
      expect((await login(collector, "anna.schmidt", "noch ein langes Passwort")).statusCode).toBe(303);
      expect(run(["user", "remove", "anna.schmidt"]).code).toBe(0);
      expect(run(["user", "remove", "anna.schmidt"])).toMatchObject({ code: 1, out: expect.stringContaining('There is no user "anna.schmidt"') });
      const log = await store.listAudit({ action: "user." }, { limit: 10, offset: 0 });
      expect(log.map((e) => [e.action, e.target, e.actor.startsWith("cli:")])).toEqual([
        ["user.remove", "user:anna.schmidt", true],
        ["user.password", "user:anna.schmidt", true],
        ["user.add", "user:anna.schmidt", true],
      ]);
      expect(JSON.stringify(log)).not.toContain("Passwort");
    } finally {
      await collector.close();
      await store.close();
    }
  });

  it("moderate shows escape sequences and carriage returns as text instead of passing them to the terminal", async () => {
    const store = await openStore({ file: db });
    const id = "00000000-0000-4000-8000-00000000e5c0";
    await store.insertContribution({
      id,
      campaign: "marktplatz",
      page: "karte",
      locale: "de",
      category: "idee",
      comment: "Harmlos\u001b[2K\rApproved 00000000-0000-4000-8000-000000000000.\u001b]0;pwned\u0007",
      point: [6.99998, 50.93998],
      receivedAt: "2027-03-20T09:00:00.000Z",
      channel: "script",
      verified: true,
    });
    await store.close();
    const listed = run(["moderate", "marktplatz", "--page", "karte", "--campaigns", "campaigns"]);
    expect(listed.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(listed.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(listed.out).toContain("Harmlos\\u001b[2K Approved 00000000-0000-4000-8000-000000000000.\\u001b]0;pwned\\u0007");
    const rejected = run(["moderate", "marktplatz", "--page", "karte", "--reject", id, "--reason", "Werbung", "--campaigns", "campaigns"]);
    expect(rejected).toMatchObject({ code: 1, out: expect.stringContaining("one of the map's netiquette reasons: off-topic, insulting, personal-data, advertising, duplicate, other") });
    expect(run(["moderate", "marktplatz", "--page", "karte", "--reject", id, "--reason", "off-topic", "--note", "Steuerzeichen", "--campaigns", "campaigns"]).out).toContain(`Rejected ${id}.`);
    const again = run(["moderate", "marktplatz", "--page", "karte", "--approve", id, "--campaigns", "campaigns"]).out;
    expect(again).toMatch(/^It was rejected by cli:\S+ at 20\d\d-/);
  });
});
