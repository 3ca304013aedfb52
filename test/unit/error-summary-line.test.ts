// The error summary names the question, then what is wrong; the survey page, the map's form and
// the collector's error page build the line with one function.
import { describe, expect, it } from "vitest";
import { summaryLine } from "../../src/forms/issues.js";

describe("a line of the error summary", () => {
  it("puts a colon between a label and the message", () => {
    expect(summaryLine("Ihr Alter", "Bitte geben Sie eine Zahl ein.")).toBe("Ihr Alter: Bitte geben Sie eine Zahl ein.");
  });

  it("adds no colon after a label that ends in its own punctuation", () => {
    expect(summaryLine("Wo?", "Bitte wählen Sie einen Ort.")).toBe("Wo? Bitte wählen Sie einen Ort.");
    expect(summaryLine("Ihre Meinung:", "Bitte schreiben Sie etwas.")).toBe("Ihre Meinung: Bitte schreiben Sie etwas.");
  });

  it("is the message alone when the question has no label to show", () => {
    expect(summaryLine("", "Bitte stimmen Sie zu.")).toBe("Bitte stimmen Sie zu.");
  });
});
