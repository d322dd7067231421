// Data updates in Chromium, end to end: a build that trusts a key made for this test and looks
// for updates on a local server. A newer signed copy, fetched when the reader presses "Check
// now", is what pages are marked with from then on; a tampered copy or an error page is refused
// with a reason on the options page, and the last good copy stays in use.
import { describe, expect, it } from 'vitest';
import { withChromium } from './fixtures';
import { BUNDLED_VERSION, laterVersion, newerData, tamper, withSignedUpdates } from './update-fixture';

const updates = withSignedUpdates('chrome');
const chromium = withChromium({ dist: updates.dist });

async function marksOnNewNamePage(): Promise<number> {
  const article = await chromium.openArticle(updates.pages.url('/new-name.html'));
  await new Promise((r) => setTimeout(r, 300)); // one pass marks both at once; nothing more comes
  const marks = await article.markCount();
  await article.close();
  return marks;
}

describe('signed data updates', () => {
  it('a newer signed copy is used at once; a tampered one or an error page is refused and the good one kept', async () => {
    expect(await marksOnNewNamePage()).toBe(1);
    const options = await chromium.openOptions();
    expect(await options.version()).toBe(BUNDLED_VERSION);

    updates.publish(await updates.sign(newerData(laterVersion(1))));
    const updated = await options.checkNow(new RegExp(`updated from .* to ${laterVersion(1).replace(/\./g, '\\.')}`));
    expect(updated.ok).toBe('true');
    expect(await options.version()).toBe(laterVersion(1));
    expect(await options.page.locator('fieldset.dataset').textContent()).toMatch(/Updated .* from the signed published copy/);
    expect(await marksOnNewNamePage()).toBe(2);

    updates.publish(tamper(await updates.sign(newerData(laterVersion(2)))));
    expect((await options.checkNow(/refused: the signature does not match/)).ok).toBe('false');
    expect(await options.version()).toBe(laterVersion(1));

    updates.publish('<html>Service unavailable</html>');
    await options.checkNow(/refused: not JSON/);
    expect(await options.version()).toBe(laterVersion(1));
    expect(await marksOnNewNamePage()).toBe(2);
    await options.close();
  });
});
