// The desk's reach page as data for templates/desk/reach.njk: the table per post × platform and QR
// code with totals per channel, a chart over days (SVG geometry computed here, so the template only
// draws) with the editorial calendar's posts and milestones marked, its table of days as the
// accessible equivalent, the CSV download and the per-post form for the platform's own figures.
import type { Locale } from "../../campaign/model.js";
import { formatNumber } from "../../i18n/format.js";
import { message } from "../../i18n/index.js";
import type { ReachFigures, ReachLine } from "./figures.js";
import { columnNames, percent } from "./report.js";

export interface ReachViewOptions {
  /** The CSV download's address. */
  csvHref: string;
  /** Where the per-post form posts the platform's figures; none: no form. */
  metricsAction?: string;
  /** The session's CSRF token for that form. */
  csrf?: string;
}

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { left: 44, right: 12, top: 16, bottom: 28 };

export function reachView(figures: ReachFigures, options: ReachViewOptions) {
  const locale = figures.locale;
  const n = (value: number | undefined) => (value === undefined ? "–" : formatNumber(value, locale));
  const row = (line: ReachLine) => ({
    channel: line.channelName,
    what: line.what,
    cells: [n(line.clicks), n(line.previews), n(line.opened), n(line.submitted), line.conversion === undefined ? "–" : percent(line.conversion, locale)],
    platform: line.platform
      ? [n(line.platform.impressions), n(line.platform.reactions), n(line.platform.comments), n(line.platform.shares), line.platform.engagement === undefined ? "–" : percent(line.platform.engagement, locale)]
      : ["–", "–", "–", "–", "–"],
  });
  const section = (key: "posts" | "print" | "other" | "platforms", lines: ReachLine[]) => ({ heading: message(locale, `reach.section.${key}`), rows: lines.map(row) });
  const sections = [section("posts", figures.posts), section("print", figures.print), ...(figures.other.length ? [section("other", figures.other)] : []), { heading: message(locale, "reach.channel.direct"), rows: [row(figures.direct)] }];
  const totals = { ...section("platforms", figures.platforms), total: row({ ...figures.direct, ...figures.total, channelName: message(locale, "reach.total"), what: "", platform: undefined }) };

  return {
    columns: columnNames(locale),
    sections,
    totals,
    chart: chart(figures, locale),
    days: figures.days.map((d) => ({ day: d.day, cells: [n(d.clicks), n(d.previews), n(d.opened), n(d.submitted)], marks: figures.marks.filter((m) => m.day === d.day).map((m) => `${message(locale, `reach.chart.${m.kind}`)}: ${m.text}`).join("; ") })),
    csvHref: options.csvHref,
    metrics: options.metricsAction
      ? {
          action: options.metricsAction,
          csrf: options.csrf ?? "",
          posts: figures.posts.map((l) => ({
            key: `${l.source}:${l.content}`,
            legend: `${l.channelName}: ${l.what}`,
            fields: (["impressions", "reactions", "comments", "shares"] as const).map((name) => ({
              name,
              id: `m-${l.content}-${l.source}-${name}`,
              label: message(locale, `reach.column.${name}`),
              value: l.platform?.[name] ?? "",
            })),
          })),
        }
      : undefined,
  };
}

export type ReachView = ReturnType<typeof reachView>;

/** Two lines over the days (clicks, submitted), a scale, and a marker per post and milestone. */
function chart(figures: ReachFigures, locale: Locale) {
  const days = figures.days;
  const max = Math.max(1, ...days.map((d) => Math.max(d.clicks, d.submitted)));
  const top = niceCeiling(max);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => round(PAD.left + (days.length > 1 ? (i * innerW) / (days.length - 1) : innerW / 2));
  const y = (v: number) => round(PAD.top + innerH - (v / top) * innerH);
  const line = (pick: (d: (typeof days)[number]) => number) => days.map((d, i) => `${x(i)},${y(pick(d))}`).join(" ");
  const index = new Map(days.map((d, i) => [d.day, i]));
  const marks = figures.marks.filter((m) => index.has(m.day)).map((m) => ({ ...m, x: x(index.get(m.day)!) }));
  return {
    width: WIDTH,
    height: HEIGHT,
    clicks: line((d) => d.clicks),
    submitted: line((d) => d.submitted),
    ticks: [0, top / 2, top].map((v) => ({ y: y(v), text: formatNumber(v, locale) })),
    left: PAD.left,
    right: WIDTH - PAD.right,
    top: PAD.top,
    bottom: HEIGHT - PAD.bottom,
    marks,
    // The scale in words below the chart, not as SVG text: an audit cannot tell the contrast of text
    // drawn inside a picture (axe: "needs review", which pa11y counts as an error).
    scale: message(locale, "reach.chart.scale", { max: formatNumber(top, locale), from: shortDate(days[0]!.day, locale), to: shortDate(days.at(-1)!.day, locale) }),
    description: message(locale, "reach.chart.description", { from: shortDate(days[0]!.day, locale), to: shortDate(days.at(-1)!.day, locale), clicks: figures.total.clicks, submitted: figures.total.submitted }),
  };
}

function niceCeiling(value: number): number {
  const step = 10 ** Math.floor(Math.log10(value));
  for (const f of [1, 2, 5, 10]) if (f * step >= value) return f * step;
  return 10 * step;
}

const round = (v: number) => Math.round(v * 10) / 10;

function shortDate(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}
