// The HTML rules every generated page and every component example is held to (html-validate).
import { HtmlValidate } from "html-validate";

export const htmlValidate = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Titles follow "Page – Campaign – Organization" so each tab and bookmark says where it is
    // (WCAG 2.4.2); a campaign title alone may have 90 characters. The distinguishing part comes
    // first, so a search result that cuts the title cuts the least useful part.
    "long-title": "off",
    // A multiple-choice question is a group of checkboxes sharing one name (src/forms/fields.ts).
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
  },
});
