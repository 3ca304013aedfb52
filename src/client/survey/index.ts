// Progressive enhancement of the survey form (templates/components/survey-form): the plain form
// already works without this. With it: showIf questions appear live, a draft survives reloads,
// answers are checked before sending with the survey's precompiled validator (form.validate.js,
// the collector's own schema) and sent as JSON; on a network failure the answers stay for a retry.
import type { SurveyClientConfig } from "../../forms/client-config.js";
import { FIELD } from "../../forms/fields.js";
import { channelFromAddress, tokenUrlWithChannel } from "../channel.js";
import { issuesFromSchemaErrors, plainLabel, type SchemaError } from "../../forms/issues.js";
import { issueMessage, uiFormat, uiText } from "../../forms/messages.js";
import { applyShowIf, readAnswers } from "./answers.js";
import { clearDraft, draftKey, restoreDraft, saveDraft } from "./draft.js";
import { setupCharacterCounts } from "../character-count.js";
import { clearErrors, showErrors, type ShownIssue } from "../errors.js";
import { setupRankings } from "./widgets.js";
import { proofOfWork, renewProofOfWork } from "../pow-field.js";

type Validate = ((answers: unknown) => boolean) & { errors?: SchemaError[] | null };

const configElement = document.getElementById("mr-survey-config");
const form = document.getElementById("survey-form") as HTMLFormElement | null;
if (configElement && form) enhance(JSON.parse(configElement.textContent ?? "{}") as SurveyClientConfig, form);

function enhance(config: SurveyClientConfig, form: HTMLFormElement): void {
  const root = (form.closest("[data-survey]") as HTMLElement | null) ?? form;
  const locale = config.locale;
  // The page was built earlier; the survey may have closed since.
  if (!isOpen(config)) {
    root.hidden = true;
    const notice = document.querySelector<HTMLElement>("[data-survey-closed]");
    if (notice) notice.hidden = false;
    return;
  }
  const questions = config.page.questions;
  const status = form.querySelector<HTMLElement>("[data-form-status]");
  const key = draftKey(config.slug, config.pageId);
  const setHidden = (name: string, value: string) => {
    const input = form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (input) input.value = value;
  };
  // One id per page view: a retry after a network failure is recognised as the same submission.
  const submissionId = crypto.randomUUID();
  setHidden(FIELD.id, submissionId);
  let token = "";
  // Sent earlier than this, the collector refuses the answers as too fast (ADR 006): wait instead.
  let notBefore = 0;
  // The channel this person came by (the kit's utm parameters), for the reach counts; nothing is stored in the browser.
  const via = channelFromAddress();
  void fetch(tokenUrlWithChannel(config.tokenUrl, via), { headers: { Accept: "application/json" } })
    .then((r): Promise<{ token?: string; notBefore?: number }> | { token?: string; notBefore?: number } => (r.ok ? r.json() : {}))
    .then((body) => {
      token = body.token ?? "";
      notBefore = body.notBefore ?? 0;
      setHidden(FIELD.token, token);
    })
    .catch(() => undefined); // without a token the submission still counts, only as unverified

  restoreDraft(form, key);
  const note = form.querySelector<HTMLElement>("[data-draft-note]");
  if (note) note.hidden = false;
  // The "Only if you answered …" hints are for the form without script; now questions come and go.
  form.querySelectorAll<HTMLElement>(".mr-condition-hint").forEach((hint) => (hint.hidden = true));
  applyShowIf(form, questions);
  const refreshCounts = setupCharacterCounts(form, (left) => (left >= 0 ? uiFormat("charactersLeft", locale, { count: left }) : uiFormat("charactersOver", locale, { count: -left })));
  const errorPrefix = uiText("errorTitlePrefix", locale);
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    applyShowIf(form, questions);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveDraft(form, key), 300);
  };
  setupRankings(form, locale, changed);
  refreshCounts.forEach((update) => update());
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  const validatorUrl = `${config.validatorUrl}form.validate.js`;
  let validator: Promise<Validate | undefined> | undefined;
  const loadValidator = () =>
    (validator ??= import(/* @vite-ignore */ validatorUrl).then(
      (m: { default: Validate }) => m.default,
      () => undefined, // the collector checks again anyway
    ));
  void loadValidator();

  const labelOf = (questionId: string) => {
    const question = questions.find((q) => q.id === questionId);
    return !question || question.type === "consent" ? "" : plainLabel(question.label[locale] ?? "");
  };
  const shown = (issues: { field: string; reason: ShownIssue["reason"]; limit?: number | string; message?: string }[]): ShownIssue[] =>
    issues.map((i) => ({ ...i, message: i.message ?? issueMessage(i, locale) }));
  let sending = false;

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (sending) return;
    void submit();
  });

  async function submit(): Promise<void> {
    if (status) status.textContent = "";
    applyShowIf(form!, questions);
    const { answers, issues } = readAnswers(form!, config.page);
    const validate = await loadValidator();
    const schemaIssues = validate && !validate(answers) ? issuesFromSchemaErrors(config.page as never, validate.errors ?? []) : [];
    const all = [...issues, ...schemaIssues.filter((s) => !issues.some((i) => i.field === s.field))];
    if (all.length) return showErrors(root, form!, shown(all), labelOf, errorPrefix);
    clearErrors(root, errorPrefix);
    sending = true;
    const button = form!.querySelector<HTMLButtonElement>("button[type=submit]");
    button?.setAttribute("aria-disabled", "true");
    try {
      const honeypot = form!.querySelector<HTMLInputElement>(`input[name="${FIELD.honeypot}"]`)?.value ?? "";
      const wait = notBefore - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // Campaigns with the proof of work (ADR 025): the widget's solution, solved while the person read.
      const pow = await proofOfWork(form!);
      const response = await fetch(config.action, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ answers, [FIELD.id]: submissionId, [FIELD.token]: token, [FIELD.locale]: locale, [FIELD.honeypot]: honeypot, [FIELD.via]: via || undefined, [FIELD.pow]: pow }),
      });
      const body = (await response.json().catch(() => ({}))) as { thankYou?: string; data?: { issues?: ShownIssue[] } };
      if (response.ok) {
        clearDraft(key);
        location.assign(body.thankYou && !/^https?:/.test(body.thankYou) ? body.thankYou : config.thankYou);
        return;
      }
      const reported = body.data?.issues;
      // A solution refused (expired, used): the next try gets a new one.
      if (reported?.some((i) => i.field === FIELD.pow)) renewProofOfWork(form!);
      if (response.status < 500 && reported?.length) showErrors(root, form!, shown(reported), labelOf, errorPrefix);
      else networkFailed();
    } catch {
      networkFailed();
    } finally {
      sending = false;
      button?.removeAttribute("aria-disabled");
    }
  }

  function networkFailed(): void {
    // role="alert" on the status region announces it; nothing in the form is touched.
    saveDraft(form!, key);
    if (status) status.textContent = uiText("networkError", locale);
  }
}

/**
 * The page shows a form only if the survey was open when it was built, so at view time it can only
 * have closed since. (Checking the opening too would hide the form in a rehearsal built with
 * `--now` in the future, where the page is meant to look like launch day.)
 */
function isOpen(config: SurveyClientConfig): boolean {
  return Date.now() <= Date.parse(config.closes);
}
