// Moving through a page by keyboard only, as the tests must: Tab until a control has focus.
import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Presses Tab until the focused element matches `selector` (fails after `max` presses). */
export async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  expect.fail(`Tab never reached ${selector}`);
}

/** Every focused element must show a visible focus indicator (outline or box-shadow). */
export async function focusIsVisible(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return undefined;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none";
    return outline || shadow ? undefined : `${el.tagName}#${el.id}.${el.className}`;
  });
}
