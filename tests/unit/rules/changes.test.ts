import { describe, expect, it } from 'vitest';
import { changeToward, lookAgain, unseenChange, type StatusSnapshot } from '../../../rules/changes';

const snap = (version: string, day: string, CN: 'denied' | 'licensed' | 'case-by-case', AE = 'licensed' as const): StatusSnapshot => ({
  version,
  day,
  statuses: { CN, AE },
});

describe('what changed since the reader last looked', () => {
  it('says nothing on a first look, and keeps what was seen', () => {
    const now = snap('2026.11.01', '2026-11-02', 'denied');
    const { entry, changed } = lookAgain(undefined, now);
    expect(changed).toBeNull();
    expect(entry.statuses).toEqual({ CN: 'denied', AE: 'licensed' });
    expect(changeToward(changed, now, 'CN', 'en')).toBeNull();
  });

  it('after a data update that moved the status: was, now, the data version, in words', () => {
    const before = lookAgain(undefined, snap('2026.11.01', '2026-11-02', 'denied')).entry;
    const now = snap('2026.12.07', '2026-12-07', 'licensed');
    const { entry, changed } = lookAgain(before, now);
    expect(changed).toEqual({ CN: 'denied' });
    const change = changeToward(changed, now, 'CN', 'en')!;
    expect(change).toMatchObject({ destinationId: 'CN', was: 'denied', now: 'licensed', version: '2026.12.07' });
    expect(change.line).toBe('Changed since you last looked (data 2026.12.07): was licence required, none granted; now licences granted with conditions.');
    expect(changeToward(changed, now, 'CN', 'zh')!.line).toBe('自您上次查看以来有变化（数据 2026.12.07）：原为须获许可证，未予发放；现为许可证附条件发放。');
    // Toward a destination that did not move: nothing to say.
    expect(changeToward(changed, now, 'AE', 'en')).toBeNull();
    // Opened again the same day (the model is built as the pointer reaches the mark): still said.
    const again = lookAgain(entry, now);
    expect(again.changed).toEqual({ CN: 'denied' });
    // The next day, the reader has seen it.
    expect(lookAgain(again.entry, snap('2026.12.07', '2026-12-08', 'licensed')).changed).toBeNull();
  });

  it('an update that changes nothing says nothing; a status that moved back says nothing', () => {
    const before = lookAgain(undefined, snap('2026.11.01', '2026-11-02', 'denied')).entry;
    expect(lookAgain(before, snap('2026.12.07', '2026-12-07', 'denied')).changed).toBeNull();
    const moved = lookAgain(before, snap('2026.12.07', '2026-12-07', 'licensed')).entry;
    expect(lookAgain(moved, snap('2026.12.08', '2026-12-07', 'denied')).changed).toBeNull();
  });

  it('lists: a status that differs from what was last seen, until the card is opened', () => {
    const before = lookAgain(undefined, snap('2026.11.01', '2026-11-02', 'denied')).entry;
    expect(unseenChange(before, 'CN', 'licensed')).toBe('denied');
    expect(unseenChange(before, 'CN', 'denied')).toBeNull();
    expect(unseenChange(before, 'SG', 'licensed')).toBeNull();
    expect(unseenChange(undefined, 'CN', 'licensed')).toBeNull();
    expect(unseenChange(lookAgain(before, snap('2026.12.07', '2026-12-07', 'licensed')).entry, 'CN', 'licensed')).toBeNull();
  });
});
