// The map page's contribution form, enhanced: the live character count, a form token, the same
// checks as the collector before sending (src/forms/contribution.ts, so a point outside the area is
// refused at once), JSON to the collector, and problems shown as on the survey (src/client/errors.ts).
import { CONTRIBUTION_QUESTION, contributionIssues, type ContributionInput } from "../../forms/contribution.js";
import { FIELD, fieldName } from "../../forms/fields.js";
import { channelFromAddress, tokenUrlWithChannel } from "../channel.js";
import type { FieldIssue } from "../../forms/issues.js";
import { fill } from "../../i18n/format.js";
import { setupCharacterCounts } from "../character-count.js";
import { clearErrors, showErrors, type ShownIssue } from "../errors.js";
import { say, type MapPageConfig } from "./config.js";
import { proofOfWork, renewProofOfWork } from "../pow-field.js";

export function enhanceContributionForm(config: MapPageConfig, form: HTMLFormElement, sent: () => void): void {
  const root = (form.closest("[data-contribution]") as HTMLElement | null) ?? form;
  const locale = config.locale;
  const words = (key: string, params: Record<string, unknown> = {}) => fill(config.formText[key] ?? "", params, config.textLocale, () => "");
  const errorPrefix = words("errorTitlePrefix");
  const counts = setupCharacterCounts(form, (left) => (left >= 0 ? words("charactersLeft", { count: left }) : words("charactersOver", { count: -left })));
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  const id = field(FIELD.id);
  if (id) id.value = crypto.randomUUID();
  let notBefore = 0;
  // The channel this person came by (the kit's utm parameters), for the reach counts; nothing is stored in the browser.
  const via = channelFromAddress();
  // A token verifies one contribution only (docs/adr/019-trust.md): a fresh one for each. Only the
  // first request counts the form as opened (reach, ADR 020); the later ones say `again`.
  let requested = false;
  const fetchToken = () => {
    const url = requested ? `${config.tokenUrl}${config.tokenUrl.includes("?") ? "&" : "?"}again=1` : tokenUrlWithChannel(config.tokenUrl, via);
    requested = true;
    void fetch(url)
      .then((r) => (r.ok ? r.json() : undefined))
      .then((t: { token: string; notBefore: number } | undefined) => {
        const token = field(FIELD.token);
        if (t && token) {
          token.value = t.token;
          notBefore = t.notBefore;
        }
      })
      .catch(() => {}); // without a token the contribution still counts, only as unverified
  };
  fetchToken();
  const result = document.getElementById("mr-form-result")!;
  const labelOf = (questionId: string) => config.labels[questionId] ?? "";
  const show = (issues: (FieldIssue & { message?: string })[]) => {
    result.hidden = true;
    const shown: ShownIssue[] = issues.map((i) => ({ ...i, message: i.message ?? words(`issue.${i.reason}`, { limit: i.limit }) }));
    showErrors(root, form, shown, labelOf, errorPrefix);
  };
  const rules = { categories: config.categories, places: config.places, area: config.area, contributions: { maxLength: config.maxLength } };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const where = (part: string) => text(fieldName(CONTRIBUTION_QUESTION.location, part));
    const contribution: ContributionInput = {
      category: text(CONTRIBUTION_QUESTION.category) || undefined,
      comment: text(CONTRIBUTION_QUESTION.comment) || undefined,
      point: where("lng") && where("lat") ? [Number(where("lng")), Number(where("lat"))] : undefined,
      place: where("place") || undefined,
      description: where("description") || undefined,
    };
    const issues = contributionIssues(rules, contribution);
    if (issues.length) return show(issues);
    const wait = notBefore - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const submit = form.querySelector<HTMLButtonElement>("button[type=submit]");
    submit?.setAttribute("aria-disabled", "true");
    try {
      // Campaigns with the proof of work (ADR 025): the widget's solution.
      const pow = await proofOfWork(form);
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ contribution, [FIELD.id]: text(FIELD.id), [FIELD.token]: text(FIELD.token), [FIELD.locale]: locale, [FIELD.honeypot]: text(FIELD.honeypot) || undefined, [FIELD.via]: via || undefined, [FIELD.pow]: pow }),
      });
      const body = (await response.json().catch(() => ({}))) as { data?: { issues?: (FieldIssue & { message: string })[] } };
      // Used by this contribution, or refused: the next one needs a new solution.
      if (response.ok || body.data?.issues?.some((i) => i.field === FIELD.pow)) renewProofOfWork(form);
      if (!response.ok) return show(body.data?.issues?.length ? body.data.issues : [{ field: "_form", reason: "invalid", message: say(config, "sendFailed") }]);
      clearErrors(root, errorPrefix);
      form.reset();
      if (id) id.value = crypto.randomUUID();
      fetchToken();
      sent();
      counts.forEach((update) => update());
      result.hidden = false;
      result.textContent = say(config, config.moderation === "before" ? "thanksModerated" : "thanks");
      result.focus();
    } catch {
      show([{ field: "_form", reason: "invalid", message: say(config, "sendFailed") }]);
    } finally {
      submit?.removeAttribute("aria-disabled");
    }
  });
}
