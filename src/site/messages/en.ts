// English interface texts; also the fallback for every locale without its own catalogue.
// Typed against the German catalogue, so a missing key is a compile error.
import type { Messages } from "../i18n.js";

export const en: Messages = {
  skipLink: "Skip to content",
  "header.label": "Header",
  "lang.label": "Language",
  "breadcrumbs.label": "You are here",
  "breadcrumbs.home": "Participation",
  "pageNav.label": "Pages of this campaign",
  "pageNav.overview": "Overview",

  "footer.label": "Legal information and contact",
  "footer.imprint": "Imprint",
  "footer.privacy": "Privacy",
  "footer.accessibility": "Accessibility",
  "footer.contact": "Contact",
  "footer.website": "{organization} website",
  "footer.by": "A participation campaign by {organization}",

  "status.upcoming": "Opens on {date}",
  "status.open": "Open until {date}",
  "status.closed": "Closed",
  "period.label": "Period",
  "period.range": "{start} to {end}",

  "index.title": "Participation",
  "index.heading": "Have your say",
  "index.lead": "Here you find the participation campaigns of {organization}. Find out more and tell us what you think.",
  "index.campaigns": "Campaigns",
  "index.empty": "There are no campaigns here at the moment.",

  "landing.pages": "How to take part",
  "kind.info": "Information",
  "kind.survey": "Survey",
  "kind.map": "Map",
  "cta.info": "Read more",
  "cta.survey": "Take the survey",
  "cta.surveyInactive": "About the survey",
  "cta.map": "Comment on the map",
  "cta.mapInactive": "About the map",

  "image.credit": "Image: {credit}",

  "survey.window": "The survey is open from {opens} to {closes}.",
  "survey.windowPast": "The survey was open from {opens} to {closes}.",
  "survey.notice.title": "This is where you take the survey",
  "survey.notice.open": "The questionnaire with {count} questions will be provided on this page.",
  "survey.notice.upcoming": "The survey opens on {date}. From then on you can take part here.",
  "survey.notice.closed": "The survey has closed. Thank you to everyone who took part.",

  "map.notice.title": "This is where you comment on the map",
  "map.notice.open": "On this page you choose a place and write your comment about it.",
  "map.notice.upcoming": "You can comment on the map from {date}.",
  "map.notice.closed": "Commenting on the map has closed. Thank you for your comments.",
  "map.categories": "You can leave these kinds of comments:",
  "map.places": "Places you can comment on without using the map:",

  "a11y.title": "Accessibility statement",
  "a11y.description": "How accessible the campaign “{campaign}” is, which limitations are known and how to report barriers.",
  "a11y.intro":
    "{organization} is committed to making the website “{campaign}” accessible, in accordance with the national legislation implementing Directive (EU) 2016/2102 of the European Parliament and of the Council.",
  "a11y.scope": "This accessibility statement applies to all pages under {url}.",
  "a11y.status.heading": "Compliance status",
  "a11y.status.full":
    "This website is fully compliant with the German Barrier-Free Information Technology Ordinance (BITV 2.0). It meets the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.",
  "a11y.status.partial":
    "This website is partially compliant with the German Barrier-Free Information Technology Ordinance (BITV 2.0). The content listed below is not fully accessible.",
  "a11y.issues.heading": "Non-accessible content",
  "a11y.issues.intro": "The following content is not accessible, or only in part:",
  "a11y.issues.alternative":
    "If you cannot use any of this content, write to us. We will send you the information in an accessible format or take your contribution another way.",
  "a11y.preparation.heading": "Preparation of this accessibility statement",
  "a11y.preparation.date": "This statement was prepared on {date}.",
  "a11y.preparation.auditDate": "Date of the last audit",
  "a11y.preparation.method": "Audit method",
  "a11y.method.default": "Automated audit of every page with pa11y (axe and HTML_CodeSniffer) against WCAG 2.1, level AA",
  "a11y.feedback.heading": "Feedback and contact information",
  "a11y.feedback.text":
    "Have you found barriers to accessing the content of this website, or do you have questions about accessibility? Please contact us:",
  "a11y.enforcement.heading": "Enforcement procedure",
  "a11y.enforcement.text":
    "If your feedback to the contact above has not led to a satisfactory solution, you can turn to the conciliation body under section 16 of the German Disability Equality Act (BGG). It supports out-of-court settlement of disputes about accessibility between people with disabilities and public bodies. The procedure is free of charge; you do not need a lawyer.",
  "a11y.enforcement.link": "Website of the conciliation body under section 16 BGG",
  "contact.email": "Email",
  "contact.phone": "Phone",

  "notFound.title": "Page not found",
  "notFound.text": "This page does not exist. The address may be mistyped, or the page may have been removed.",
  "notFound.home": "Go to all participation campaigns",
};
