// GET /<slug>/<page-id>/export?format=csv|json[&delimiter=;] for staff, with
// "Authorization: Bearer $MITREDEN_EXPORT_TOKEN". Without a configured token the URL does not exist
// (404); a wrong or missing token is a 401 that says nothing about which surveys exist.
import { createHash, timingSafeEqual } from "node:crypto";
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { COLLECTOR_ROUTES } from "../../campaign/urls.js";
import { UsageError } from "../../errors.js";
import type { CollectorContext } from "../context.js";
import { HttpError } from "../errors.js";
import { exportFileName, streamResponseExport, type ExportFormat } from "./export.js";

export const MIN_EXPORT_TOKEN_LENGTH = 24;

/** A too-short token is a setting to fix, said as such before the collector starts. */
export function checkExportToken(exportToken: string | undefined): void {
  if (exportToken !== undefined && exportToken.length < MIN_EXPORT_TOKEN_LENGTH) {
    throw new UsageError(
      `MITREDEN_EXPORT_TOKEN is ${exportToken.length} characters long; it must have at least ${MIN_EXPORT_TOKEN_LENGTH}, or anyone could guess it. Make one with: openssl rand -base64 32`,
    );
  }
}

export function registerExportRoute(app: FastifyInstance, ctx: CollectorContext, exportToken: string | undefined): void {
  checkExportToken(exportToken);
  const expected = exportToken === undefined ? undefined : digest(exportToken);

  app.get<{ Params: { slug: string; page: string }; Querystring: { format?: string; delimiter?: string } }>(
    COLLECTOR_ROUTES.export,
    async (request, reply) => {
      // Answered here, not by the collector's error page, which would name the campaign.
      const refuse = (status: number, message: string) => reply.code(status).type("application/json; charset=utf-8").send(plainError(status, message).toJSON());
      if (!expected) return refuse(404, "Not found.");
      const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1]?.trim();
      // Hashing first gives both sides the same length, so the comparison takes the same time for any guess.
      if (!given || !timingSafeEqual(digest(given), expected)) {
        reply.header("www-authenticate", 'Bearer realm="mitreden export"');
        return refuse(401, "A valid export token is required.");
      }
      const survey = ctx.campaigns.findSurvey(request.params.slug, request.params.page);
      if (!survey) return refuse(404, "Not found.");
      const format = (request.query.format ?? "csv") as ExportFormat;
      if (format !== "csv" && format !== "json") return refuse(400, 'format must be "csv" or "json".');
      const delimiter = request.query.delimiter;
      if (delimiter !== undefined && !/^[,;\t|]$/.test(delimiter)) return refuse(400, "delimiter must be one of , ; | or a tab.");
      // Streamed from the store's cursor: a big survey's download neither fills the memory nor waits for the last row to start.
      const body = Readable.from(streamResponseExport(survey.campaign, survey.page, ctx.store.responseBatches(survey.campaign.slug, survey.page.id), { format, delimiter }), { highWaterMark: 1 });
      return reply
        .type(format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="${exportFileName(survey.campaign, survey.page, format, ctx.now())}"`)
        .send(body);
    },
  );
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function plainError(status: number, message: string): HttpError {
  return new HttpError(status, message, { issues: [] });
}
