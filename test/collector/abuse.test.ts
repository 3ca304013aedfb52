// The form token and the per-client rate limit (docs/adr/006-abuse-protection.md).
import { expect, test } from "vitest";
import { AbuseGuard } from "../../src/collector/abuse.js";
import { MemoryRateWindows } from "../../src/collector/rate-limit.js";

test("a token verifies only for its survey, not before the minimum time, not after it expired", () => {
  let now = 1_800_000_000_000;
  const guard = new AbuseGuard({ secret: "s".repeat(32), minFillMs: 3000, tokenMaxAgeMs: 60_000 }, () => now);
  const { token, notBefore } = guard.issueToken("marktplatz", "umfrage");
  expect(notBefore).toBe(now + 3000);
  expect(guard.checkToken(token, "marktplatz", "umfrage")).toBe("too-fast");
  now += 3000;
  expect(guard.checkToken(token, "marktplatz", "umfrage")).toBe("valid");
  expect(guard.checkToken(token, "radverkehr", "umfrage")).toBe("invalid");
  expect(guard.checkToken(token.replace(/.$/, (c) => (c === "A" ? "B" : "A")), "marktplatz", "umfrage")).toBe("invalid");
  expect(guard.checkToken("v2.zzzzzzzz.AAAAAAAAAAAA.forged", "marktplatz", "umfrage")).toBe("invalid");
  expect(guard.checkToken(undefined, "marktplatz", "umfrage")).toBe("missing");
  now += 60_000;
  expect(guard.checkToken(token, "marktplatz", "umfrage")).toBe("expired");
  // Another process with another secret cannot verify it (and does not refuse it either: "invalid" only marks it unverified).
  expect(new AbuseGuard({ secret: "t".repeat(32) }, () => now).checkToken(token, "marktplatz", "umfrage")).toBe("invalid");
});

test("the rate limit counts per client and window, and forgets everything with the daily secret", async () => {
  let now = Date.UTC(2027, 2, 15, 23, 50);
  const guard = new AbuseGuard({ rateLimit: { max: 3, windowMs: 600_000 } }, () => now);
  expect(await guard.takeRateLimit("203.0.113.5", 2)).toEqual({ allowed: true });
  expect(await guard.takeRateLimit("203.0.113.5")).toEqual({ allowed: true });
  expect(await guard.takeRateLimit("203.0.113.5")).toEqual({ allowed: false, retryAfter: 600 });
  expect(await guard.takeRateLimit("2001:db8::1")).toEqual({ allowed: true });
  now += 300_000;
  expect(await guard.takeRateLimit("203.0.113.5")).toEqual({ allowed: false, retryAfter: 300 });
  now += 300_000; // the window is over, and a new day has begun
  expect(await guard.takeRateLimit("203.0.113.5", 3)).toEqual({ allowed: true });
  // Nothing in the guard holds the address itself.
  expect(JSON.stringify((guard as unknown as { windows: MemoryRateWindows }).windows.keys())).not.toContain("203.0.113.5");
});

test("a flood of distinct clients does not reset the window of a client that keeps submitting (finding 5)", async () => {
  const now = Date.UTC(2027, 2, 15, 12);
  const windows = new MemoryRateWindows(1000);
  const guard = new AbuseGuard({ rateLimit: { max: 3, windowMs: 600_000 } }, () => now, windows);
  for (let i = 0; i < 3; i++) expect(await guard.takeRateLimit("203.0.113.5")).toEqual({ allowed: true });
  // 100,000 made-up addresses, each once: before, the table was cleared and the client could start over.
  for (let i = 0; i < 100_000; i++) await guard.takeRateLimit(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
  expect(windows.size).toBeLessThanOrEqual(1000);
  expect(await guard.takeRateLimit("203.0.113.5")).toMatchObject({ allowed: false });
});

test("a token is read with its own id, and a too-fast one says how long to wait", () => {
  let now = 1_800_000_000_000;
  const guard = new AbuseGuard({ secret: "s".repeat(32), minFillMs: 3000 }, () => now);
  const a = guard.issueToken("marktplatz", "umfrage");
  const b = guard.issueToken("marktplatz", "umfrage");
  expect(guard.readToken(a.token, "marktplatz", "umfrage")).toEqual({ check: "too-fast", waitSeconds: 3 });
  now += 3000;
  const [readA, readB] = [guard.readToken(a.token, "marktplatz", "umfrage"), guard.readToken(b.token, "marktplatz", "umfrage")];
  expect(readA).toMatchObject({ check: "valid", id: expect.any(String), expires: a.expires });
  expect(readA.id).not.toBe(readB.id);
});
