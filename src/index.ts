// The public API: what the command line calls, and what cities may call from their own scripts.
// Functions that need heavy libraries load them on first call (lazy.ts); importing this is cheap.
import type { FastifyPluginAsync } from "fastify";
import type { CollectorOptions, CreateCollectorOptions } from "./collector/server.js";
import { lazy } from "./lazy.js";

// Campaigns: check and read.
export const validate = lazy(() => import("./campaign/validate.js"), "validateCampaigns");
export const loadSiteModel = lazy(() => import("./campaign/index.js"), "loadSiteModel");
export type * from "./campaign/model.js";
export { closest } from "./campaign/suggest.js";
export const scaffold = lazy(() => import("./scaffold.js"), "scaffold");
export const initCityRepository = lazy(() => import("./city-repository.js"), "initCityRepository");

// The site: build, preview, audit.
export const build = lazy(() => import("./site/build.js"), "buildSite");
export const serve = lazy(() => import("./serve.js"), "serve");
export const audit = lazy(() => import("./audit/audit.js"), "audit");
export { formatAuditIssue, readAuditReport, writeAuditReports, DEFAULT_REPORT_DIR } from "./audit/report.js";
export type { AuditIssue, AuditReport, AuditedPage } from "./audit/report.js";
export type { AuditOptions, AuditResult } from "./audit/audit.js";
export type { AuditSource, AuditSourceContext, AuditTarget } from "./audit/targets.js";
export { githubAnnotations } from "./audit/annotations.js";
export const deskAuditSources = lazy(() => import("./audit/desk.js"), "deskAuditSources");

// The collector, and what it collected.
export const collect = lazy(() => import("./collector/collect.js"), "startCollector");
export type { CollectOptions, RunningCollector } from "./collector/collect.js";
export const exportPage = lazy(() => import("./collector/commands.js"), "exportPage");
/** `mitreden reach`: a campaign's reach figures as a table and CSV, and its privacy-notice paragraph. */
export const reachReport = lazy(() => import("./collector/reach/command.js"), "reachReport");
export type { ReachReportOptions, ReachReport } from "./collector/reach/command.js";
export type { ReachFigures, ReachLine } from "./collector/reach/figures.js";
export type { ExportPageOptions, ExportFormat } from "./collector/commands.js";
export const writeResults = lazy(() => import("./collector/results/write.js"), "writeResults");
export type { WriteResultsOptions, WrittenResults } from "./collector/results/write.js";
export const moderateContributions = lazy(() => import("./collector/contributions/moderate.js"), "moderateContributions");
export type { ModerateOptions, ModerateResult } from "./collector/contributions/moderate.js";
export { terminalText } from "./collector/moderation.js";
export const addUser = lazy(() => import("./collector/accounts.js"), "addUser");
export const listUsers = lazy(() => import("./collector/accounts.js"), "listUsers");
export const removeUser = lazy(() => import("./collector/accounts.js"), "removeUser");
export const changePassword = lazy(() => import("./collector/accounts.js"), "changePassword");
export { readPassword } from "./password-prompt.js";
export const purgePersonalData = lazy(() => import("./collector/privacy.js"), "purgePersonalData");
export const findPersonalData = lazy(() => import("./collector/privacy.js"), "findPersonalData");
export const deletePersonalData = lazy(() => import("./collector/privacy.js"), "deletePersonalData");
export type { PurgeOptions, PurgeResult, PrivacyOptions, PrivacyHits } from "./collector/privacy.js";
export const backupStore = lazy(() => import("./collector/backup.js"), "backupStore");
export type { BackupOptions, BackupResult } from "./collector/backup.js";
export const openStore = lazy(() => import("./collector/store/index.js"), "openStore");
export type { Store, NewResponse, StoredResponse, NewContribution, StoredContribution, ContributionStatus } from "./collector/store/index.js";
export { HttpError } from "./collector/errors.js";
export type { CollectorOptions, CreateCollectorOptions };

/** The collector as a Fastify app of its own, routes under /api (ready to listen). */
export async function createCollector(options: CreateCollectorOptions) {
  return (await import("./collector/server.js")).createCollector(options);
}

/**
 * The collector's routes inside another Fastify app: `app.register(collectorPlugin, { apiPrefix: "/api", model, store })`
 * puts the submission routes under /api and the short links at /l/. Registered with `prefix`, every route goes below it.
 */
export const collectorPlugin: FastifyPluginAsync<CollectorOptions> = async (app, options) => (await import("./collector/server.js")).collectorPlugin(app, options);

// Forms: the answers contract the site and the collector share.
export { surveySchema } from "./forms/survey-schema.js";
export const emitSurveySchemas = lazy(() => import("./forms/emit.js"), "emitSurveySchemas");
export { formToAnswers } from "./forms/fields.js";
export type { Answers, FormFields } from "./forms/fields.js";

// Errors and settings.
export { MitredenError, CampaignValidationError, MissingPrerequisiteError, UsageError, formatProblem } from "./errors.js";
export type { Problem } from "./errors.js";
export { settings, type Settings } from "./settings.js";
export { rehearsalClock, parseInstant } from "./clock.js";
