import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { screenshot } from './session';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * The page as it stands, on desktop and on a 390 px phone: no serious or critical axe violations
 * (WCAG 2.1 A/AA), no page-level horizontal scroll, and a screenshot of each (`<name>-desktop`,
 * `<name>-phone`). Leaves the viewport at desktop size.
 */
export async function audit(page: Page, name: string) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.waitForLoadState('load');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, `${name} at ${viewport.name}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${viewport.name}`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${viewport.name}`);
  }
  await page.setViewportSize(VIEWPORTS[0]);
}
