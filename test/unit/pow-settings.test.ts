// MITREDEN_POW_DIFFICULTY (docs/adr/025-proof-of-work.md): a wrong value is said before a
// collector starts, naming the variable and the fix; other commands never read it.
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { proofOfWorkDifficulty, settings } from "../../src/settings.js";

describe("MITREDEN_POW_DIFFICULTY", () => {
  it("is read as written and checked where a collector starts", () => {
    expect(settings({ MITREDEN_POW_DIFFICULTY: "abc" }).powDifficulty).toBe("abc");
    expect(proofOfWorkDifficulty(undefined)).toBeUndefined();
    expect(proofOfWorkDifficulty(" 2500 ")).toBe(2500);
  });

  it("refuses what is not a whole number of at least 2, saying what it means and how to fix it", () => {
    for (const value of ["abc", "1", "0", "-5", "1.5", "1e6"]) {
      expect(() => proofOfWorkDifficulty(value)).toThrow(UsageError);
      expect(() => proofOfWorkDifficulty(value)).toThrow(`MITREDEN_POW_DIFFICULTY must be a whole number of at least 2 (the most attempts a browser needs; default 1000), not "${value}"`);
    }
  });
});
