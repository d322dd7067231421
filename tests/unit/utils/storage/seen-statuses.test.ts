// What the reader last saw of each chip: noted as each card is built, the change since the last
// opening added to the card, and a record that does not parse dropped rather than trusted.
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { seenStatuses } from '../../../../utils/storage/seen-record';
import { changedChips, noteCardSeen, SEEN_KEY } from '../../../../utils/storage/seen-statuses';
import { cardModelFixture } from '../../components/card-model-fixture';

beforeEach(() => fakeBrowser.reset());

test('a first look adds nothing and is remembered; a later status change is said once looked at again', async () => {
  const before = cardModelFixture({ datasetVersion: '2026.11.01', date: '2026-11-02' });
  expect((await noteCardSeen(before))!.change).toBeUndefined();
  expect((await seenStatuses.getValue())['nvidia-h20']!.statuses).toMatchObject({ AE: 'licensed', CN: 'denied' });

  const china = before.destinations.find((d) => d.destinationId === 'CN')!;
  const after = cardModelFixture({
    datasetVersion: '2026.12.07',
    date: '2026-12-07',
    destinations: before.destinations.map((d) => (d === china ? { ...d, status: 'licensed' as const } : d)),
  });
  const noted = await noteCardSeen(after);
  expect(noted!.change).toMatchObject({ destinationId: 'CN', was: 'denied', now: 'licensed', version: '2026.12.07' });
  expect(noted!.change!.line).toMatch(/^Changed since you last looked \(data 2026\.12\.07\): was licence required, none granted; now/);
  // Unchanged since: nothing to say the next day.
  expect((await noteCardSeen({ ...after, date: '2026-12-08' }))!.change).toBeUndefined();
});

test('a record that does not parse reads as empty, and a card still comes back', async () => {
  await fakeBrowser.storage.local.set({ [SEEN_KEY]: { 'nvidia-h20': { statuses: { CN: 'maybe' } } } });
  expect(await seenStatuses.getValue()).toEqual({});
  const model = cardModelFixture();
  expect(await noteCardSeen(model)).toEqual(model);
  expect(await noteCardSeen(null)).toBeNull();
});

test('the chips whose status moved since their card was last opened, toward the destination asked about', async () => {
  await fakeBrowser.storage.local.set({
    [SEEN_KEY]: {
      'nvidia-h20': { version: '2026.11.01', day: '2026-11-02', statuses: { CN: 'denied', AE: 'licensed' } },
      'amd-mi308': { version: '2026.11.01', day: '2026-11-02', statuses: { CN: 'denied' } },
      'gone-chip': { version: '2026.11.01', day: '2026-11-02', statuses: { CN: 'denied' } },
    },
  });
  const now = (id: string) => ({ 'nvidia-h20': 'licensed' as const, 'amd-mi308': 'denied' as const })[id] ?? null;
  expect(await changedChips('CN', now)).toEqual(['nvidia-h20']);
  expect(await changedChips('AE', now)).toEqual([]);
});
