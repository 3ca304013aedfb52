// What staff get out: one row per response, one column per question, in the campaign's language,
// as CSV that German Excel opens as it is (BOM, ";", decimal comma) or as JSON.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { csvFormat, exportColumns, localTime, serializeResponses, streamResponseExport } from "../../src/collector/surveys/export.js";
import { toCsv } from "../../src/csv.js";
import { marktplatzResponse } from "./helpers/seed.js";
import type { StoredResponse } from "../../src/collector/store/index.js";
import { createCollector } from "../../src/collector/server.js";
import { exampleCampaign, exampleSite, fullMarktplatzAnswers, surveyPage } from "./helpers/campaigns.js";
import { EXPORT_TOKEN, JSON_HEADERS, testCollector, type TestCollector } from "./helpers/collector.js";

const marktplatz = exampleCampaign("marktplatz");
const umfrage = surveyPage(marktplatz);

function stored(answers: Record<string, unknown>, extra: Partial<StoredResponse> = {}): StoredResponse {
  return {
    seq: 1,
    id: "3f1c0d2e-8b7a-4c55-9d3e-2a1b0c9d8e7f",
    campaign: "marktplatz",
    page: "umfrage",
    locale: "de",
    answers: answers as StoredResponse["answers"],
    receivedAt: "2027-03-15T11:05:09.000Z",
    channel: "form",
    verified: false,
    version: 1,
    ...extra,
  };
}

/** Naive CSV reader for the test: quoted cells may hold the delimiter, quotes and line breaks. */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) endCell();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

test("the time check says what happened, not 'token valid: no' (issue 16)", () => {
  const rows = [
    stored(fullMarktplatzAnswers(), { channel: "form", verified: false, timing: "missing" }),
    stored(fullMarktplatzAnswers(), { channel: "script", verified: true, timing: "valid" }),
    stored(fullMarktplatzAnswers(), { channel: "script", verified: false, timing: "reused" }),
    stored(fullMarktplatzAnswers(), { channel: "script", verified: false, timing: "expired" }),
    stored(fullMarktplatzAnswers(), { channel: "script", verified: false, timing: "invalid" }),
    // Stored before the check was kept: derived from how it came.
    stored(fullMarktplatzAnswers(), { channel: "form", verified: false }),
  ];
  const json = JSON.parse(serializeResponses(marktplatz, umfrage, rows, { format: "json" }));
  expect(json.columns).toContainEqual({ key: "_timing", label: "Zeitprüfung" });
  expect(json.rows.map((r: Record<string, string>) => r._timing)).toEqual(["ohne JavaScript", "bestanden", "Formular schon einmal benutzt", "Formular älter als 24 Stunden", "nicht prüfbar", "ohne JavaScript"]);
  const english = JSON.parse(serializeResponses(marktplatz, umfrage, rows.slice(0, 2), { format: "json", locale: "en" }));
  expect(english.rows.map((r: Record<string, string>) => r._timing)).toEqual(["without JavaScript", "passed"]);
});

describe("CSV", () => {
  const csv = serializeResponses(marktplatz, umfrage, [stored(fullMarktplatzAnswers()), stored({ bezug: "altstadt", einwilligung: true }, { seq: 2, id: "b", channel: "script", verified: true })], { format: "csv" });
  const [header, full, short] = parseCsv(csv.slice(1), ";") as [string[], string[], string[]];
  const cell = (row: string[], label: string) => row[header.indexOf(label)];

  test("starts with a UTF-8 BOM, uses ';' for a German campaign and CRLF line ends", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain("\r\n");
    expect(header.length).toBe(full.length);
  });

  test("has German headers and keeps umlauts intact", () => {
    expect(header.slice(0, 5)).toEqual(["Antwort-ID", "Eingegangen am", "Sprache", "Übermittlung", "Zeitprüfung"]);
    expect(header).toContain("Wie sind Sie mit dem Marktplatz verbunden?");
    expect(header).toContain("Wie sind Sie mit dem Marktplatz verbunden?: Sonstiges (Text)");
    expect(cell(full, "Wie sind Sie mit dem Marktplatz verbunden?: Sonstiges (Text)")).toBe("Ich bin Marktbeschicker aus Köln");
    expect(cell(full, "Wenn Sie eine Sache am Marktplatz ändern könnten: Was wäre das?")).toBe("Mehr Bäume und Trinkbrunnen; „Grün statt Grau“.");
    expect(cell(full, "Eingegangen am")).toBe("2027-03-15 12:05:09");
    expect(cell(full, "Übermittlung")).toBe("Formular ohne JavaScript");
  });

  test("expands multiple choice into one column per option (1/0, empty when unanswered)", () => {
    const label = "Wofür nutzen Sie den Marktplatz vor allem?";
    expect(cell(full, `${label}: Einkaufen auf dem Wochenmarkt`)).toBe("1");
    expect(cell(full, `${label}: Parken`)).toBe("0");
    expect(cell(full, `${label}: Sonstiges`)).toBe("1");
    expect(cell(short, `${label}: Parken`)).toBe("");
  });

  test("gives a ranking's options their positions", () => {
    const label = "Was ist Ihnen bei der Neugestaltung am wichtigsten?";
    expect(cell(full, `${label}: Bäume, Grün und Schatten (Platz)`)).toBe("1");
    expect(cell(full, `${label}: Parkplätze für Autos (Platz)`)).toBe("7");
    expect(cell(full, `${label}: Abstellplätze für Fahrräder (Platz)`)).toBe("6");
  });

  test("writes option labels, places by name, and decimals with a comma", () => {
    expect(cell(full, "Wie sind Sie mit dem Marktplatz verbunden?")).toBe("Sonstiges");
    expect(cell(short, "Wie sind Sie mit dem Marktplatz verbunden?")).toBe("Ich wohne am Marktplatz oder in der Altstadt.");
    const label = "Wo halten Sie sich auf dem Marktplatz am liebsten auf – oder wo würden Sie es gern tun?";
    expect(cell(full, `${label}: Ort`)).toBe("Marktbrunnen");
    const withPoint = serializeResponses(marktplatz, umfrage, [stored({ lieblingsort: { point: [7.00012, 50.94] }, einwilligung: true })], { format: "csv" });
    const [h, row] = parseCsv(withPoint.slice(1), ";") as [string[], string[]];
    expect(row[h.indexOf(`${label}: Längengrad`)]).toBe("7,00012");
  });

  test("--delimiter ',' quotes cells that contain it; formulas are defused", () => {
    const text = serializeResponses(marktplatz, umfrage, [stored({ drei_worte: "=HYPERLINK(\"x\")", idee: "eins, zwei\ndrei", einwilligung: true })], { format: "csv", delimiter: "," });
    const [h, row] = parseCsv(text.slice(1), ",") as [string[], string[]];
    expect(row[h.indexOf("Beschreiben Sie Ihren Wunsch-Marktplatz in drei Worten.")]).toBe("'=HYPERLINK(\"x\")");
    expect(row[h.indexOf("Wenn Sie eine Sache am Marktplatz ändern könnten: Was wäre das?")]).toBe("eins, zwei\ndrei");
  });

  test("English headers for the English campaign locale; ',' by default", () => {
    const radverkehr = exampleCampaign("radverkehr");
    const text = serializeResponses(radverkehr, surveyPage(radverkehr), [], { format: "csv", locale: "en" });
    expect(text.split("\r\n")[0]!.slice(1).split(",").slice(0, 3)).toEqual(["Response ID", "Received", "Language"]);
  });
});

test("the streamed export is the same text as the whole one, CSV and JSON, also with no responses", async () => {
  const many = Array.from({ length: 1234 }, (_, i) => stored(i % 3 ? fullMarktplatzAnswers() : { bezug: "altstadt", einwilligung: true }, { seq: i + 1, id: `r${i}` }));
  // As a store hands them over: batches of a thousand, the last one shorter (and an empty one, which a cursor may give).
  async function* batches(rows: StoredResponse[]) {
    for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000);
    yield [];
  }
  for (const rows of [many, []]) {
    for (const format of ["csv", "json"] as const) {
      let streamed = "";
      for await (const chunk of streamResponseExport(marktplatz, umfrage, batches(rows), { format })) streamed += chunk.toString();
      expect(streamed).toBe(serializeResponses(marktplatz, umfrage, rows, { format }));
      if (format === "json") expect(JSON.parse(streamed).rows).toHaveLength(rows.length);
    }
  }
});

test("a file's writes keep pace with an export from a store that reads synchronously (SQLite), instead of piling up to its buffer's limit", async () => {
  // A megabyte's buffer, as the CLI writes a file. Without a turn of the event loop between chunks,
  // no write completes until the buffer is full, and the export then stops until all of it is written.
  const dir = mkdtempSync(path.join(os.tmpdir(), "mitreden-export-"));
  try {
    const file = createWriteStream(path.join(dir, "export.json"), { highWaterMark: 1 << 20 });
    const rows = Array.from({ length: 16_000 }, (_, i) => {
      const r = marktplatzResponse(i);
      return stored(r.answers, { seq: i + 1, id: r.id, locale: r.locale, receivedAt: r.receivedAt, channel: r.channel, verified: r.verified });
    });
    async function* batches() {
      for (let i = 0; i < rows.length; i += 100) yield rows.slice(i, i + 100);
    }
    let written = 0;
    // How often the export had to stop for the file: without turns, once per megabyte.
    let drains = 0;
    for await (const chunk of streamResponseExport(marktplatz, umfrage, batches(), { format: "json" })) {
      written += chunk.length;
      if (!file.write(chunk)) {
        drains++;
        await once(file, "drain");
      }
    }
    await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
    expect(written).toBeGreaterThan(15 << 20);
    expect(drains).toBeLessThan(written / (1 << 20) / 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("each row holds every column's cell, however often its answers repeat", () => {
  // Varied answers (every subset and order of the choices, numbers, dates, points, free text) and
  // more distinct rankings than the export remembers texts for: each row must still be the cells
  // one column at a time would give, written by JSON.stringify and by the CSV writer.
  const rows = [
    ...Array.from({ length: 6000 }, (_, i) => {
      const r = marktplatzResponse(i);
      return stored(r.answers, { seq: i + 1, id: r.id, locale: r.locale, receivedAt: r.receivedAt, channel: r.channel, verified: r.verified });
    }),
    stored(fullMarktplatzAnswers(), { seq: 6001, id: "voll" }),
    stored({ nutzung: ["bus", "parken"], einwilligung: true }, { seq: 6002, id: "liste-1" }),
    stored({ nutzung: ["busparken"], einwilligung: true }, { seq: 6003, id: "liste-2" }),
    stored({ zufriedenheit: 3 }, { seq: 6004, id: "zahl" }),
    stored({ zufriedenheit: "3" }, { seq: 6005, id: "text" }),
    // Lists as no form sends them: twice the same, unknown values, empty, not a list.
    stored({ nutzung: ["bus", "bus", "unbekannt"], prioritaeten: ["gruen", "x", "sitzen"] }, { seq: 6006, id: "doppelt" }),
    stored({ nutzung: [], prioritaeten: [] }, { seq: 6007, id: "leer" }),
    stored({ nutzung: "bus", prioritaeten: { gruen: 1 } }, { seq: 6008, id: "keine-liste" }),
    stored({ bezug: null, zufriedenheit: null }, { seq: 6009, id: "null" }),
    // Free text that JSON must escape: quotes, a backslash, line breaks, a control character, an
    // emoji (a surrogate pair), a lone surrogate half, and a line separator it may leave as it is.
    stored({ gruppe_name: 'Der "Treff" \\ C:\\Pfad\nzweite Zeile\r\tTab \u0001 😀 \ud800 \u2028 Ende', gruppe_termin: "2027-04-01" }, { seq: 6010, id: 'mit "Zeichen"' }),
  ];
  const columns = exportColumns(marktplatz, umfrage);

  test("JSON, as JSON.stringify would write the object", () => {
    const text = serializeResponses(marktplatz, umfrage, rows, { format: "json" });
    const lines = text.split("\n").slice(1, -2).map((line) => line.replace(/,$/, ""));
    expect(lines).toEqual(rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, c.cell(r)])))));
  });

  test("CSV, as the CSV writer writes the cells", () => {
    for (const delimiter of [undefined, ","]) {
      const text = serializeResponses(marktplatz, umfrage, rows, { format: "csv", delimiter });
      const expected = toCsv(
        rows.map((r) => columns.map((c) => c.cell(r))),
        { header: columns.map((c) => c.label), ...csvFormat("de", delimiter) },
      );
      // As a UTF-8 file holds it: a lone surrogate half becomes U+FFFD (JSON escapes it instead).
      expect(text).toBe(Buffer.from(expected).toString("utf8"));
    }
  });
});

test("local times are the zone's wall clock, in any order, also across daylight-saving changes and in zones a quarter or half hour off", () => {
  const zones = ["Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Australia/Adelaide", "Australia/Lord_Howe", "UTC"];
  const wallClock = (ms: number, timeZone: string) => {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(ms);
    const get = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
  };
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
      expect(localTime(new Date(ms).toISOString(), zone)).toBe(wallClock(ms, zone));
    }),
    { numRuns: 3000 },
  );
  // The minutes around Berlin's change to summer time, in order, as an export reads them.
  for (let ms = Date.UTC(2027, 2, 28, 0, 50); ms < Date.UTC(2027, 2, 28, 1, 10); ms += 20_000) {
    expect(localTime(new Date(ms).toISOString(), "Europe/Berlin")).toBe(wallClock(ms, "Europe/Berlin"));
  }
  // Whole days in order, a minute apart, from the day before each change to the day after: the
  // export looks a day up once when its offset holds all day, and per quarter hour when it changes
  // (Lord Howe changes by half an hour; Kathmandu never changes).
  const changes: [string, number][] = [
    ["Europe/Berlin", Date.UTC(2027, 2, 27)],
    ["Europe/Berlin", Date.UTC(2027, 9, 30)],
    ["Australia/Lord_Howe", Date.UTC(2027, 3, 3)],
    ["America/St_Johns", Date.UTC(2027, 2, 13)],
    ["Asia/Kathmandu", Date.UTC(2027, 2, 27)],
  ];
  for (const [zone, from] of changes) {
    for (let ms = from; ms < from + 3 * 86_400_000; ms += 60_000) expect(localTime(new Date(ms).toISOString(), zone)).toBe(wallClock(ms, zone));
  }
  expect(localTime("not a date", "Europe/Berlin")).toBe("not a date");
});

describe("export URL", () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await testCollector();
    await c.app.inject({ method: "POST", url: "/api/marktplatz/umfrage/responses", headers: JSON_HEADERS, payload: { _id: randomUUID(), answers: fullMarktplatzAnswers() } });
  });
  afterAll(async () => c.close());

  test("answers authorised staff with CSV or JSON", async () => {
    const csv = await c.app.inject({ method: "GET", url: "/api/marktplatz/umfrage/export?delimiter=;", headers: { authorization: `Bearer ${EXPORT_TOKEN}` } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="marktplatz-umfrage-2027-03-15.csv"');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body.split("\r\n")).toHaveLength(3);
    const json = await c.app.inject({ method: "GET", url: "/api/marktplatz/umfrage/export?format=json", headers: { authorization: `Bearer ${EXPORT_TOKEN}` } });
    const body = json.json();
    expect(body.rows).toHaveLength(1);
    expect(body.columns[0]).toEqual({ key: "_id", label: "Antwort-ID" });
    expect(body.rows[0]).toMatchObject({ bezug: "Sonstiges", nutzung__wochenmarkt: 1, prioritaeten__gruen: 1, gruppe_groesse: 12 });
  });

  test("401 without or with a wrong token, the same for surveys that do not exist", async () => {
    for (const url of ["/api/marktplatz/umfrage/export", "/api/gibt-es-nicht/umfrage/export"]) {
      for (const authorization of [undefined, "Bearer falsch", `Basic ${EXPORT_TOKEN}`, `Bearer ${EXPORT_TOKEN}x`]) {
        const response = await c.app.inject({ method: "GET", url, headers: authorization ? { authorization, accept: "text/html" } : {} });
        expect(response.statusCode).toBe(401);
        expect(response.headers["www-authenticate"]).toBe('Bearer realm="mitreden export"');
        expect(response.body).not.toContain("Marktplatz");
      }
    }
    const unknown = await c.app.inject({ method: "GET", url: "/api/gibt-es-nicht/umfrage/export", headers: { authorization: `Bearer ${EXPORT_TOKEN}` } });
    expect(unknown.statusCode).toBe(404);
  });

  test("does not exist (404) when no export token is configured", async () => {
    const app = createCollector({ model: exampleSite(), store: c.store });
    const response = await app.inject({ method: "GET", url: "/api/marktplatz/umfrage/export", headers: { authorization: "Bearer " } });
    await app.close();
    expect(response.statusCode).toBe(404);
  });

  test("refuses a token too short to be safe", () => {
    const app = createCollector({ model: exampleSite(), store: c.store, exportToken: "geheim" });
    return expect(app.ready()).rejects.toThrow(/at least 24, or anyone could guess it/);
  });
});
