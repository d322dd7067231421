// Hostile signed copies in Chromium (issue 17's red-team cases): copies signed with the key the
// build trusts, valid in shape, that the extension cannot live with. A 1,000-character alias
// (the matcher's build overflowed the stack: no marks on any page), a far-future version
// (9999.99.99, or a calendar date years ahead: every later copy would be refused as older) and a
// stop word as an alias ("the": every "the" opened the H20 card). Each is refused with its reason
// on the options page, the last good copy stays in use, and pages still mark with it.
import { describe, expect, it } from 'vitest';
import { withChromium } from './fixtures';
import { BUNDLED_VERSION, newerData, withSignedUpdates } from './update-fixture';

const updates = withSignedUpdates('chrome', {
  '/the.html': '<!doctype html><html lang="en"><body><p>The H200 and the rest of the line.</p></body></html>',
});
const chromium = withChromium({ dist: updates.dist });

/** The version after `v` on the same day: 2026.12.07 → 2026.12.07-1 → 2026.12.07-2. */
const after = (v: string) => (/-\d+$/.test(v) ? v.replace(/\d+$/, (n) => String(Number(n) + 1)) : `${v}-1`);

/** The texts marked on a page, once its marks have settled. */
async function markedOn(path: string): Promise<string[]> {
  const article = await chromium.openArticle(updates.pages.url(path));
  await new Promise((r) => setTimeout(r, 300)); // one pass marks them all; nothing more comes
  const texts = await article.marks();
  await article.close();
  return texts.sort();
}

describe('hostile signed copies', () => {
  it('each is refused with its reason shown; the last good copy stays in use and pages still mark', async () => {
    const options = await chromium.openOptions();
    const version = () => options.version();
    expect(await version()).toBe(BUNDLED_VERSION);

    // A good copy first: it adds a name (H20Z) the bundled data does not know.
    const good = after(BUNDLED_VERSION);
    updates.publish(await updates.sign(newerData(good)));
    await options.checkNow(new RegExp(`updated from .* to ${good.replace(/\./g, '\\.')}`));
    expect(await markedOn('/new-name.html')).toEqual(['H200', 'H20Z']);

    let next = good;
    const hostile: [what: string, raw: () => unknown, reason: RegExp][] = [
      ['a 1,000-character alias', () => withName(newerData((next = after(next))), `H20${'X'.repeat(997)}`), /longer than \d+ characters|characters long/],
      ['version 9999.99.99', () => newerData('9999.99.99'), /9999\.99\.99 does not name a calendar date|9999\.99\.99 is later than/],
      ['a version years ahead', () => newerData('2999.12.31'), /2999\.12\.31 is later than the check's day/],
      ['an as-of date years ahead', () => withAsOf(newerData((next = after(next))), '2999-12-31'), /asOf: 2999-12-31 is later than the check's day/],
      ['a stop word as an alias', () => withName(newerData((next = after(next))), 'the'), /"the" is a common word/],
    ];
    for (const [what, raw, reason] of hostile) {
      updates.publish(await updates.sign(raw()));
      const check = await options.checkNow(new RegExp(`refused: .*(${reason.source})`)); // each reason differs from the last
      expect(check.ok, what).toBe('false');
      expect(await version(), what).toBe(good);
    }

    // Still the good copy's marks, and never "the".
    expect(await markedOn('/new-name.html')).toEqual(['H200', 'H20Z']);
    expect(await markedOn('/the.html')).toEqual(['H200']);

    // A later legitimate copy is still taken (nothing was pinned).
    const later = after(next);
    updates.publish(await updates.sign(newerData(later)));
    await options.checkNow(new RegExp(`updated from ${good.replace(/\./g, '\\.')} to ${later.replace(/\./g, '\\.')}`));
    await options.close();
  });
});

function withName(raw: ReturnType<typeof newerData>, name: string) {
  raw.chips.find((c) => c.id === 'nvidia-h20')!.names.push(name);
  return raw;
}

function withAsOf(raw: ReturnType<typeof newerData>, asOf: string) {
  (raw.meta as { asOf?: string }).asOf = asOf;
  return raw;
}
