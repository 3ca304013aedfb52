// Link-preview robots must not count as people (issue 11): the user agents the networks' and
// messengers' preview fetchers really send, against those of people's browsers and in-app browsers.
import { describe, expect, test } from "vitest";
import { isPreview } from "../../src/collector/reach/previews.js";

const PREVIEWS: Record<string, string> = {
  "Mastodon (as the issue quotes it)": "Mastodon/4.3 (http.rb/5.2; +https://social.example/)",
  "Mastodon 4.x": "http.rb/5.2.0 (Mastodon/4.3.2; +https://mastodon.social/)",
  "Facebook, Instagram, Threads": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "Facebook (short)": "facebookexternalhit/1.1",
  LinkedIn: "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
  Bluesky: "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
  X: "Twitterbot/1.0",
  Slack: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "WhatsApp (Android)": "WhatsApp/2.23.20.0 A",
  "WhatsApp (iPhone)": "WhatsApp/2.21.12.21 i",
  Telegram: "TelegramBot (like TwitterBot)",
  Discord: "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
  Google: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  Bing: "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
  Ahrefs: "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
  curl: "curl/8.5.0",
  "Python requests": "python-requests/2.31.0",
};

const PEOPLE: Record<string, string> = {
  "Chrome on Android": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  "Safari on iPhone": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Firefox on Windows": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
  "Instagram's in-app browser": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 326.0.3.30.91 (iPhone14,5; iOS 17_4; de_DE; de; scale=3.00; 1170x2532; 589475350)",
  "Facebook's in-app browser": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/460.0.0.40.105;FBBV/581234567;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.4;FBSS/3;FBID/phone;FBLC/de_DE;FBOP/5]",
  "LinkedIn's in-app browser": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.8466",
  "a phone named CUBOT": "Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
  "headless Chromium (automated tests of a visit)": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
};

describe("previews", () => {
  test.each(Object.entries(PREVIEWS))("%s is a preview", (_name, agent) => {
    expect(isPreview("GET", agent)).toBe(true);
  });
  test.each(Object.entries(PEOPLE))("%s is a person", (_name, agent) => {
    expect(isPreview("GET", agent)).toBe(false);
  });
  test("HEAD is a preview whoever sends it; a request without a user agent is a program", () => {
    expect(isPreview("HEAD", PEOPLE["Safari on iPhone"])).toBe(true);
    expect(isPreview("GET", undefined)).toBe(true);
    expect(isPreview("GET", "")).toBe(true);
  });
});
