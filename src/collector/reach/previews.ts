// Who fetches a short link without being a person: link-preview robots of the networks and
// messengers (each fetches a shared link to draw its card; Mastodon once per instance that sees
// the post), search and other bots, and HEAD requests. They are redirected like anyone, but counted
// as previews, never as clicks (issue 11). The patterns follow the user agents these services
// send; test/collector/reach-previews.test.ts holds the real strings.

/** Names in user agents of link-preview fetchers, matched case-insensitively. */
const PREVIEW_AGENTS = [
  // Mastodon: "http.rb/5.2.0 (Mastodon/4.3.0; +https://social.example/)"; other fediverse servers
  // fetch with the same Ruby library or name themselves.
  "mastodon",
  "http.rb/",
  "pleroma",
  "akkoma",
  "misskey",
  "friendica",
  "gotosocial",
  // Facebook, Instagram and Threads: "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)".
  "facebookexternalhit",
  "facebookcatalog",
  "meta-externalagent",
  // "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"; the
  // LinkedIn app's own browser says "LinkedInApp" and is a person.
  "linkedinbot",
  // Bluesky's card fetcher: "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)".
  "cardyb",
  "twitterbot",
  "slackbot",
  "slack-imgproxy",
  // "WhatsApp/2.23.20.0 A": the app fetches the preview before sending; people open links in the phone's browser.
  "whatsapp/",
  "telegrambot",
  "discordbot",
  "skypeuripreview",
  "iframely",
  "embedly",
  "redditbot",
  "pinterest",
  "vkshare",
  "xing-contenttabreceiver",
  "google-pagerenderer",
];

// Generic robots: "Googlebot/2.1", "bingbot/2.0", "(compatible; AhrefsBot; …)", crawlers, spiders and
// HTTP libraries. "…bot" only before "/", ";" or ")", or "bot" as a word, so that the phone
// "CUBOT P30" stays a person. Headless Chrome is not here: it is what automated tests of a real
// visit use, and few preview fetchers send it.
const GENERIC = /(?<!cu)bot[/;)]|\bbot\b|crawler|spider|python-requests|python-urllib|curl\/|wget\/|go-http-client|okhttp|java\/|libwww|axios\/|node-fetch/i;
const NAMED = new RegExp(PREVIEW_AGENTS.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "i");

/** A request that is not a person following the link: HEAD, no user agent, or a preview robot's. */
export function isPreview(method: string, userAgent: string | undefined): boolean {
  if (method === "HEAD") return true;
  // Every browser sends a user agent; a request without one is a program.
  if (!userAgent) return true;
  return NAMED.test(userAgent) || GENERIC.test(userAgent);
}
