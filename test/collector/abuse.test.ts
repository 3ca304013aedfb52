// The form token and the per-client rate limit (docs/adr/006-abuse-protection.md).
import { expect, test } from "vitest";
import { AbuseGuard } from "../../src/collector/abuse.js";

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
  expect(guard.checkToken("v1.zzzzzzzz.forged", "marktplatz", "umfrage")).toBe("invalid");
  expect(guard.checkToken(undefined, "marktplatz", "umfrage")).toBe("missing");
  now += 60_000;
  expect(guard.checkToken(token, "marktplatz", "umfrage")).toBe("expired");
  // Another process with another secret cannot verify it (and does not refuse it either: "invalid" only marks it unverified).
  expect(new AbuseGuard({ secret: "t".repeat(32) }, () => now).checkToken(token, "marktplatz", "umfrage")).toBe("invalid");
});

test("the rate limit counts per client and window, and forgets everything with the daily secret", () => {
  let now = Date.UTC(2027, 2, 15, 23, 50);
  const guard = new AbuseGuard({ rateLimit: { max: 3, windowMs: 600_000 } }, () => now);
  expect(guard.takeRateLimit("203.0.113.5", 2)).toEqual({ allowed: true });
  expect(guard.takeRateLimit("203.0.113.5")).toEqual({ allowed: true });
  expect(guard.takeRateLimit("203.0.113.5")).toEqual({ allowed: false, retryAfter: 600 });
  expect(guard.takeRateLimit("2001:db8::1")).toEqual({ allowed: true });
  now += 300_000;
  expect(guard.takeRateLimit("203.0.113.5")).toEqual({ allowed: false, retryAfter: 300 });
  now += 300_000; // the window is over, and a new day has begun
  expect(guard.takeRateLimit("203.0.113.5", 3)).toEqual({ allowed: true });
  // Nothing in the guard holds the address itself.
  expect(JSON.stringify([...(guard as unknown as { clients: Map<string, unknown> }).clients.keys()])).not.toContain("203.0.113.5");
});
