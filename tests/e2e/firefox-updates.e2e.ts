// Data updates in Firefox ESR: the background (an event page there) fetches across origins,
// verifies with WebCrypto and serves the newer data to the next page; a tampered copy is
// refused and the good one kept. The same build-time key and local server as updates.e2e.ts.
import { describe, expect, it } from 'vitest';
import { withFirefox } from './fixtures';
import { BUNDLED_VERSION, laterVersion, newerData, tamper, withSignedUpdates } from './update-fixture';

const updates = withSignedUpdates('firefox');
const firefox = withFirefox({ dist: updates.dist });

async function marksOnNewNamePage(): Promise<number> {
  const article = await firefox.openArticle(updates.pages.url('/new-name.html'));
  await new Promise((r) => setTimeout(r, 300));
  const marks = await article.markCount();
  await article.close();
  return marks;
}

describe('Firefox: signed data updates', () => {
  it('a newer signed copy is used by the next page; a tampered one is refused', async () => {
    expect(await marksOnNewNamePage()).toBe(1);
    const options = await firefox.openOptions();
    expect(await options.version()).toBe(BUNDLED_VERSION);

    updates.publish(await updates.sign(newerData(laterVersion(1))));
    await options.checkNow(new RegExp(`updated from .* to ${laterVersion(1).replace(/\./g, '\\.')}`));
    expect(await options.version()).toBe(laterVersion(1));
    expect(await marksOnNewNamePage()).toBe(2);

    updates.publish(tamper(await updates.sign(newerData(laterVersion(2)))));
    await options.checkNow(/refused: the signature does not match/);
    expect(await options.version()).toBe(laterVersion(1));
    expect(await marksOnNewNamePage()).toBe(2);
  });
});
