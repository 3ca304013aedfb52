// What validation says about the social block (issue 14 and the site side of issue 11): posts are
// counted with the short link where the kit gives one out, Instagram's "Link in der Bio" instead of
// a link; hashtags screen readers can read, not every town's, not more than Instagram takes; photo
// credits that name someone; formats a platform cannot show; partners that exist; short-link codes
// two posts would share.
import { describe, expect, it } from "vitest";
import { validateCampaigns } from "../../src/campaign/validate.js";
import type { Problem } from "../../src/errors.js";
import { fixtureVariant, type RawCampaign } from "./fixture-variant.js";

/** The valid-full fixture with `change` applied to its campaign.json; its problems. */
async function problemsOf(change: (campaign: RawCampaign) => void): Promise<Problem[]> {
  return (await validateCampaigns(await fixtureVariant(change, "social"))).problems;
}

const at = (problems: Problem[], pointer: string) => problems.filter((p) => p.pointer === pointer).map((p) => `${p.severity}: ${p.message}`);

describe("post length", () => {
  // LinkedIn counts every character of a link: the long UTM link costs ~110, the short link ~50.
  const longPost = (shortLinks: boolean) => (c: RawCampaign) => {
    c.social.shortLinks = shortLinks;
    c.social.posts[0].platforms = ["linkedin"];
    c.social.posts[0].text = { de: "x".repeat(2900), en: "y" };
  };

  it("counts the short link, not the long one, where the kit gives out short links", async () => {
    expect(at(await problemsOf(longPost(true)), "/social/posts/0/text/de")).toEqual([]);
    const long = at(await problemsOf(longPost(false)), "/social/posts/0/text/de");
    expect(long).toHaveLength(1);
    expect(long[0]).toMatch(/^error: too long for LinkedIn by \d+ characters: \d+ of 3000 \(text, hashtags and link\)/);
  });

  it("counts Instagram's caption with 'Link in der Bio' instead of a link", async () => {
    const problems = await problemsOf((c) => {
      c.social.posts[0].platforms = ["instagram"];
      // An Instagram post is a picture: its credit goes into the text. 2200 − "\n\nFoto: Stadt Musterstadt\n#Musterstadt
      // #Buergerhaushalt\nLink in der Bio" (71) = 2129 fit exactly; in English "Link in bio" is 4 shorter.
      c.social.posts[0].text = { de: "x".repeat(2129), en: "y".repeat(2134) };
    });
    expect(at(problems, "/social/posts/0/text/de")).toEqual([]);
    expect(at(problems, "/social/posts/0/text/en")).toEqual(["error: too long for Instagram by 1 characters: 2201 of 2200 (text, hashtags); shorten the text or drop Instagram from \"platforms\""]);
  });
});

describe("hashtags", () => {
  it("asks for a capital letter at each word, and warns of tags every town uses", async () => {
    const problems = await problemsOf((c) => {
      c.social.hashtags = ["Musterstadt", "buergerhaushaltmusterstadt", "Beteiligung"];
    });
    expect(at(problems, "/social/hashtags/1")).toEqual([
      expect.stringMatching(/^warning: write #buergerhaushaltmusterstadt with a capital letter at the start of each word .*screen readers/),
    ]);
    expect(at(problems, "/social/hashtags/2")).toEqual([expect.stringMatching(/^warning: #Beteiligung is used by every town: .*\(#BeteiligungMusterstadt\)/)]);
    expect(at(problems, "/social/hashtags/0")).toEqual([]);
  });

  it("stops more than 30 hashtags on Instagram and advises 3 to 5", async () => {
    const many = Array.from({ length: 31 }, (_, i) => `Musterstadt${i + 1}`);
    const tooMany = await problemsOf((c) => {
      c.social.platformHashtags = { instagram: many };
    });
    expect(at(tooMany, "/social/posts/0/text/de")).toEqual([expect.stringMatching(/^error: 31 hashtags: Instagram does not publish a caption with more than 30/)]);
    const six = await problemsOf((c) => {
      c.social.platformHashtags = { instagram: many.slice(0, 5) };
      c.social.posts[0].hashtags = ["BuergerhaushaltMusterstadt"];
    });
    expect(at(six, "/social/posts/0/text/de")).toEqual([expect.stringMatching(/^warning: 6 hashtags on Instagram: Instagram recommends 3 to 5/)]);
  });
});

describe("credits", () => {
  it("warns when a photo's credit names nobody", async () => {
    const problems = await problemsOf((c) => {
      c.hero.credit = { de: "Foto: privat", en: "Photo" };
    });
    expect(at(problems, "/hero/credit/de")).toEqual([expect.stringMatching(/^warning: "Foto: privat" names nobody/)]);
    expect(at(problems, "/hero/credit/en")).toEqual([expect.stringMatching(/^warning: "Photo" names nobody/)]);
  });
});

describe("formats, partners and short links", () => {
  it("says where a format cannot be shown, a carousel lacks slides and a partner does not exist", async () => {
    const problems = await problemsOf((c) => {
      c.social.posts[0].format = "story";
      c.social.posts[0].partners = ["adfc"];
      c.social.partners = [{ id: "adfd", name: "ADFC", accounts: { mastodon: "@adfc@social.example" } }];
      c.social.posts.push({ ...c.social.posts[0], id: "karussell", format: "carousel", partners: [] });
    });
    expect(at(problems, "/social/posts/0/format")).toEqual(["warning: X, Bluesky, Mastodon have no stories: the kit offers a link post there"]);
    expect(at(problems, "/social/posts/0/partners/0")).toEqual(['error: no partner "adfc" in social.partners — did you mean "adfd"?']);
    expect(at(problems, "/social/posts/1/format")).toEqual([expect.stringMatching(/^error: "format": "carousel" needs "slides"/)]);
  });

  it("reports two posts whose short links would share a code", async () => {
    // In Limburgish ("li"), post "start" on Instagram would be /l/buergerhaushalt-start-ig-li, the
    // code of post "start-ig" on LinkedIn ("li") in German.
    const problems = await problemsOf((c) => {
      c.locales = ["de", "li"];
      c.social.posts[0].platforms = ["instagram"];
      c.social.posts[0].text = { de: "Mitmachen!", li: "Doe mit!" };
      c.social.posts.push({ ...c.social.posts[0], id: "start-ig", platforms: ["linkedin"] });
    });
    expect(at(problems, "/social/posts/1/id")).toEqual([
      'error: its short link /l/buergerhaushalt-start-ig-li is already the one of post "start" on Instagram (li); rename this post\'s "id" so that the codes differ',
    ]);
  });
});
