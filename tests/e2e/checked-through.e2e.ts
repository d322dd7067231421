// The card in Chromium says how far its sources reach (meta.checkedThrough), never the build or
// review date as if it were the facts' date, and says plainly when newer changes may be missing
// (issue #13). The card's root is closed: it is read through CDP (card-reader.ts).
import { describe, expect, it } from 'vitest';
import { bundledRaw } from '../../rules/bundled-data';
import { daysBetween, STALE_AFTER_DAYS } from '../../rules/card-model-builder';
import { cardLocator } from './card-reader';
import { servePages, withChromium } from './fixtures';

const meta = (bundledRaw as { meta: { version: string; asOf: string; checkedThrough: string } }).meta;

const pages = servePages();
const chromium = withChromium();

describe('the card’s freshness', () => {
  it('says "Sources checked through <meta.checkedThrough>" with the version, and warns only past 60 days', async () => {
    const article = await chromium.openArticle(pages.url('/ui-en.html'));
    await article.hover({ within: '#target' });
    await article.waitForCard();
    const card = cardLocator(article.page);
    expect(await card.locator('footer span').first().textContent()).toBe(`Sources checked through ${meta.checkedThrough} · data version ${meta.version}`);
    // The review date is not offered as the facts' date (it differs from checkedThrough).
    expect(meta.asOf).not.toBe(meta.checkedThrough);
    expect(await card.textContent()).not.toContain(`as of ${meta.asOf}`);
    // The background resolves the card for its own today: the note shows exactly when that is past 60 days.
    const today = new Date().toISOString().slice(0, 10);
    const age = daysBetween(meta.checkedThrough, today);
    const note = card.locator('[role="note"]');
    if (age > STALE_AFTER_DAYS) expect(await note.textContent()).toBe(`The sources reach only to ${meta.checkedThrough}, ${age} days ago: newer changes may be missing.`);
    else expect(await note.count()).toBe(0);
    await article.close();
  });
});
