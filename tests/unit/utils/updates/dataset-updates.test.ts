// Keeping the dataset current: a newer signed copy replaces the data in use and survives a
// restart; any failed check (network, server, tampering, invalid data, an older copy) changes
// nothing but the status, and the last good copy stays in use.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledRaw } from '../../../../rules/bundled-data';
import { checkForUpdate, createDatasetHolder, latestCheck, loadActiveDataset, loadBundledDataset, type UpdateSource } from '../../../../utils/updates/dataset-updates';
import { datasetUpdate, updateCheck } from '../../../../utils/storage/checked-storage';
import { dataAt, testSigner } from '../../rules/signing';

const { keys, sign } = await testSigner();
const URL_ = 'https://data.example/chiplens-dataset.json';
const bundledVersion = (bundledRaw as { meta: { version: string } }).meta.version;

/** A source whose server answers with `body` (a string, a status, or a thrown network error). */
function serving(body: string | number | Error): UpdateSource & { calls: () => number } {
  const fetch = vi.fn(async () => {
    if (body instanceof Error) throw body;
    return typeof body === 'number' ? new Response('nope', { status: body }) : new Response(body, { status: 200 });
  });
  return { url: URL_, keys, fetch: fetch as unknown as typeof globalThis.fetch, calls: () => fetch.mock.calls.length };
}

// A copy dated past the check's day is refused (no pinning): these tests' copies are dated 2099,
// so their clock is too. tests below set their own day where the date is what they test.
const TEST_DAY = new Date('2099-06-01T08:00:00Z');
beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: TEST_DAY, toFake: ['Date'] });
  return () => vi.useRealTimers();
});

describe('checkForUpdate', () => {
  test('a newer signed copy is used from now on, stored, and used again after a restart', async () => {
    const now = new Date('2099-01-02T08:00:00Z');
    const next = await checkForUpdate(loadBundledDataset(), serving(await sign(dataAt('2099.01.01'))), now);
    expect(next.dataset.meta.version).toBe('2099.01.01');
    expect(next.origin).toEqual({ fetchedAt: now.toISOString() });
    expect(await updateCheck.getValue()).toEqual({ at: now.toISOString(), ok: true, message: `updated from ${bundledVersion} to 2099.01.01` });
    const restarted = await loadActiveDataset(keys);
    expect(restarted.dataset.meta.version).toBe('2099.01.01');
  });

  test('a tampered copy after a good one: refused, the good one stays in use and in storage', async () => {
    const good = await checkForUpdate(loadBundledDataset(), serving(await sign(dataAt('2099.01.01'))));
    const stored = await datasetUpdate.getValue();
    const tampered = JSON.parse(await sign(dataAt('2099.02.01'))) as { payload: string };
    tampered.payload = tampered.payload.replace('2099.02.01', '2099.03.01');
    const after = await checkForUpdate(good, serving(JSON.stringify(tampered)));
    expect(after).toBe(good);
    expect(await datasetUpdate.getValue()).toEqual(stored);
    expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: expect.stringMatching(/^refused: the signature does not match/) });
    expect((await loadActiveDataset(keys)).dataset.meta.version).toBe('2099.01.01');
  });

  test.each([
    ['the network fails', new Error('Failed to fetch'), /^could not reach data\.example \(Failed to fetch\)$/],
    ['the server errs', 503, /^data\.example answered 503$/],
    ['an error page instead of data', '<html>Service unavailable</html>', /^refused: not JSON$/],
  ] as const)('%s: nothing changes but the status', async (_, body, message) => {
    const current = loadBundledDataset();
    expect(await checkForUpdate(current, serving(body))).toBe(current);
    expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    expect(await datasetUpdate.getValue()).toBeNull();
  });

  test('an answer larger than any dataset is not read to its end', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1 << 20;
        controller.enqueue(new Uint8Array(1 << 20).fill(32));
      },
    });
    const source: UpdateSource = { url: URL_, keys, fetch: (async () => new Response(endless, { status: 200 })) as unknown as typeof fetch };
    const current = loadBundledDataset();
    expect(await checkForUpdate(current, source)).toBe(current);
    expect(sent).toBeLessThan(20 << 20);
    expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: 'data.example sent more than a dataset can be: not read' });
  });

  test('a copy that cannot be kept (storage full) is not used, and the status says so', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce(async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    const current = loadBundledDataset();
    expect(await checkForUpdate(current, serving(await sign(dataAt('2099.01.01'))))).toBe(current);
    expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: expect.stringMatching(/^could not save: storage full, the update to 2099\.01\.01 is not kept: still using /) });
    expect(await datasetUpdate.getValue()).toBeNull();
  });

  test('with storage full even the status cannot be written: the options page is still told, with the reason', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    const current = loadBundledDataset();
    expect(await checkForUpdate(current, serving(503))).toBe(current);
    expect(await updateCheck.getValue()).toBeNull(); // nothing could be written…
    expect(await latestCheck()).toMatchObject({ ok: false, message: 'data.example answered 503 (could not save: storage full)' }); // …and yet it is shown
    vi.restoreAllMocks();
    await checkForUpdate(current, serving(503)); // room again: the stored status is the latest
    expect(await latestCheck()).toEqual(await updateCheck.getValue());
    expect((await latestCheck())?.message).toBe('data.example answered 503');
  });

  test('after a release, a published copy older than the bundled data is no alarm', async () => {
    await checkForUpdate(loadBundledDataset(), serving(await sign(dataAt('2000.01.01'))));
    expect(await updateCheck.getValue()).toMatchObject({ ok: true, message: `this version's data (${bundledVersion}) is newer than the published copy (2000.01.01)` });
  });

  test('an older signed copy (a replay) is refused; the same version is "up to date"', async () => {
    const current = await checkForUpdate(loadBundledDataset(), serving(await sign(dataAt('2099.01.01'))));
    expect(await checkForUpdate(current, serving(await sign(dataAt('2026.01.01'))))).toBe(current);
    expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: 'refused: the published copy (2026.01.01) is older than the data in use (2099.01.01)' });
    expect(await checkForUpdate(current, serving(await sign(dataAt('2099.01.01'))))).toBe(current);
    expect(await updateCheck.getValue()).toMatchObject({ ok: true, message: 'up to date (2099.01.01)' });
  });

  test('a check that never ends is given up after 20 s', async () => {
    vi.useFakeTimers();
    try {
      const hanging: UpdateSource = {
        url: URL_,
        keys,
        fetch: ((_: unknown, init: RequestInit) =>
          new Promise((_ok, fail) => init.signal!.addEventListener('abort', () => fail(new Error('aborted'))))) as unknown as typeof fetch,
      };
      const check = checkForUpdate(loadBundledDataset(), hanging);
      await vi.advanceTimersByTimeAsync(20_000);
      await check;
      expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: 'data.example did not answer in time' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('loadActiveDataset', () => {
  test('a stored copy no key trusts any more (a release rotated keys) is dropped for the bundled one, and the status says why', async () => {
    await checkForUpdate(loadBundledDataset(), serving(await sign(dataAt('2099.01.01'))));
    const rotated = await testSigner();
    expect((await loadActiveDataset(rotated.keys)).origin).toBe('bundled');
    expect(await datasetUpdate.getValue()).toBeNull();
    expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: expect.stringMatching(/^the update kept from before no longer verifies/) });
  });

  test('a stored copy older than the bundled one (a release caught up) gives way to it', async () => {
    await datasetUpdate.setValue({ envelope: await sign(dataAt('2000.01.01')), fetchedAt: '2000-01-02T00:00:00Z' });
    expect((await loadActiveDataset(keys)).dataset.meta.version).toBe(bundledVersion);
  });

  test('junk in storage is ignored', async () => {
    await fakeBrowser.storage.local.set({ datasetUpdate: { envelope: 42 } });
    expect((await loadActiveDataset(keys)).origin).toBe('bundled');
  });
});

test('a holder that could not read storage at start reads it before checking: an older copy never replaces a newer one', async () => {
  await datasetUpdate.setValue({ envelope: await sign(dataAt('2099.05.01')), fetchedAt: '2026-12-01T00:00:00Z' });
  vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage busy'));
  const holder = createDatasetHolder(serving(await sign(dataAt('2099.01.01'))));
  await holder.ready;
  expect(holder.active.origin).toBe('bundled'); // meanwhile
  await holder.check();
  expect(holder.active.dataset.meta.version).toBe('2099.05.01');
  expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: 'refused: the published copy (2099.01.01) is older than the data in use (2099.05.01)' });
  expect((await loadActiveDataset(keys)).dataset.meta.version).toBe('2099.05.01');
});

test('the holder answers from the stored copy once ready, and concurrent checks share one fetch', async () => {
  await datasetUpdate.setValue({ envelope: await sign(dataAt('2099.01.01')), fetchedAt: '2026-12-01T00:00:00Z' });
  const source = serving(await sign(dataAt('2099.05.01')));
  const holder = createDatasetHolder(source);
  await holder.ready;
  expect(holder.active.dataset.meta.version).toBe('2099.01.01');
  await Promise.all([holder.check(), holder.check()]);
  expect(source.calls()).toBe(1);
  expect(holder.active.dataset.meta.version).toBe('2099.05.01');
});

describe('no pinning: dates ahead of the check, and the release bounds', () => {
  test("a copy versioned or dated past the check's day (+2) is refused and the last good copy stays; a later legitimate copy still comes in", async () => {
    const good = await checkForUpdate(loadBundledDataset(), serving(await sign(dataAt('2099.05.01'))));
    for (const pinned of [dataAt('9999.99.99'), dataAt('2099.06.04'), dataAt('2099.05.02', (raw) => (raw.meta.asOf = '2999-12-31'))]) {
      expect(await checkForUpdate(good, serving(await sign(pinned)))).toBe(good);
      expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: expect.stringMatching(/^refused: the extension cannot use this dataset: .*(later than the check's day \(2099-06-01\)|does not name a calendar date)/) });
    }
    expect((await loadActiveDataset(keys)).dataset.meta.version).toBe('2099.05.01');
    const next = await checkForUpdate(good, serving(await sign(dataAt('2099.06.03'))));
    expect(next.dataset.meta.version).toBe('2099.06.03');
  });

  test("a release's ceiling refuses copies above it and drops one already kept; its floor refuses older ones", async () => {
    await checkForUpdate(loadBundledDataset(), serving(await sign(dataAt('2099.05.01'))));
    const bounded = { ...serving(await sign(dataAt('2099.05.20'))), floor: '2099.02.01', ceiling: '2099.04.30' };
    // The next start of a release with a ceiling below the kept copy: the bundled data answers.
    const restarted = await loadActiveDataset(keys, bounded);
    expect(restarted.origin).toBe('bundled');
    expect(await datasetUpdate.getValue()).toBeNull();
    expect(await updateCheck.getValue()).toMatchObject({ ok: false, message: expect.stringMatching(/no longer verifies .*newer than this release accepts \(2099\.04\.30\)/) });

    expect(await checkForUpdate(restarted, bounded)).toBe(restarted);
    expect((await updateCheck.getValue())?.message).toMatch(/^refused: .*2099\.05\.20 is newer than this release accepts \(2099\.04\.30\)/);
    expect(await checkForUpdate(restarted, { ...bounded, ...serving(await sign(dataAt('2099.01.15'))) })).toBe(restarted);
    expect((await updateCheck.getValue())?.message).toMatch(/^refused: .*2099\.01\.15 is older than this release accepts \(2099\.02\.01\)/);
    const within = await checkForUpdate(restarted, { ...bounded, ...serving(await sign(dataAt('2099.03.01'))) });
    expect(within.dataset.meta.version).toBe('2099.03.01');
  });
});
