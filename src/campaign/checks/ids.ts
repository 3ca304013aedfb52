// Ids become URLs, form field names and export columns, so they must be unique where they live and
// must not collide with the URLs mitreden generates itself.
import { SHAPES, isShape } from "../map-symbols.js";
import { RESERVED_PAGE_IDS } from "../urls.js";
import { asRecords, maps, record, pages, reportDuplicates, type Check } from "./context.js";

export const checkIds: Check = (ctx) => {
  const pageIds = pages(ctx).map(([page, pointer]) => ({ id: page.id, pointer: `${pointer}/id` }));
  reportDuplicates(ctx, pageIds, "page id");
  const localeTags = new Set(ctx.locales.map((l) => l.toLowerCase()));
  for (const { id, pointer } of pageIds) {
    if (typeof id !== "string") continue;
    if (RESERVED_PAGE_IDS.includes(id)) {
      ctx.error(pointer, `page id "${id}" is reserved for a page mitreden makes itself (reserved: ${RESERVED_PAGE_IDS.join(", ")}); choose another id`);
    } else if (localeTags.has(id)) {
      ctx.error(pointer, `page id "${id}" is also a language of this campaign, and /<campaign>/${id}/ is that language's landing page; choose another id`);
    }
  }

  // Citizens choose a category for every contribution on a map page (optional for location questions).
  for (const [page, pointer] of pages(ctx)) {
    const map = record(page.map);
    if (page.type === "map" && page.map !== undefined && !(Array.isArray(map.categories) && map.categories.length > 0)) {
      ctx.error(`${pointer}/map`, 'a map page needs at least one category in "categories", e.g. [{ "id": "idee", "label": "Idee" }]');
    }
  }

  for (const [map, pointer] of maps(ctx)) {
    for (const list of ["categories", "places", "layers"] as const) {
      const items = asRecords(map[list]).map(([item, i]) => ({ id: item.id, pointer: `${pointer}/${list}/${i}/id` }));
      const noun = { categories: "category id", places: "place id", layers: "layer id" }[list];
      reportDuplicates(ctx, items, noun);
    }
    // Two categories with the same chosen shape differ by colour alone (WCAG 1.4.1), which is
    // avoidable while there are no more categories than shapes.
    const categories = asRecords(map.categories);
    if (categories.length <= Object.keys(SHAPES).length) {
      const first = new Map<string, string>();
      for (const [category, i] of categories) {
        if (!isShape(category.shape)) continue;
        const earlier = first.get(category.shape);
        if (earlier === undefined) first.set(category.shape, String(category.id));
        else ctx.warning(`${pointer}/categories/${i}/shape`, `categories "${earlier}" and "${String(category.id)}" both have the shape "${category.shape}", so they differ by colour alone, which people who do not see colour cannot tell apart; choose another of ${Object.keys(SHAPES).map((s) => `"${s}"`).join(", ")}`);
      }
    }
  }

  const social = record(ctx.data.social);
  reportDuplicates(ctx, asRecords(social.posts).map(([post, i]) => ({ id: post.id, pointer: `/social/posts/${i}/id` })), "post id");
};
