// The published envelope: a copy is accepted only when a trusted key signed exactly its text and
// the text is a valid, consistent dataset; every refusal says why.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compareVersions, MAX_ENVELOPE_CHARS, verifySignedDataset } from '../../../rules/signed-dataset';
import { TRUSTED_KEYS } from '../../../rules/trust';
import { dataAt, KEY_ID, testSigner } from './signing';

const { keys, sign } = await testSigner();
const refusal = async (text: string) => {
  const result = await verifySignedDataset(text, keys);
  if (result.ok) throw new Error('accepted');
  return result.error;
};

describe('verifySignedDataset', () => {
  test('a copy signed with a trusted key is accepted as the dataset it holds', async () => {
    const result = await verifySignedDataset(await sign(dataAt('2026.12.07-1')), keys);
    expect(result.ok && result.dataset.meta.version).toBe('2026.12.07-1');
  });

  test('one character changed in the signed text: refused as altered', async () => {
    const text = await sign(dataAt('2099.01.01'));
    const envelope = JSON.parse(text) as { payload: string };
    envelope.payload = envelope.payload.replace('"case-by-case"', '"allowed"');
    expect(envelope.payload).not.toBe((JSON.parse(text) as { payload: string }).payload);
    expect(await refusal(JSON.stringify(envelope))).toMatch(/signature does not match/);
  });

  test('signed by another key under a trusted id, or by an unknown id: refused', async () => {
    const other = await testSigner();
    expect(await refusal(await other.sign(dataAt('2099.01.01')))).toMatch(/signature does not match/);
    expect(await refusal(await sign(dataAt('2099.01.01'), 'someone-else'))).toBe('signed with a key this version does not trust ("someone-else")');
    // A key id that names an Object.prototype member is just unknown.
    expect(await refusal(await sign(dataAt('2099.01.01'), 'constructor'))).toMatch(/does not trust/);
    // An id that is not a plain name is not repeated (the message is shown and stored).
    expect(await refusal(await sign(dataAt('2099.01.01'), 'Update OK, see evil.example'))).toBe('signed with a key this version does not trust');
  });

  test('a lone surrogate where the signed text has U+FFFD is refused (both encode alike in UTF-8)', async () => {
    const text = await sign(dataAt('2099.01.01', (raw) => void (raw.chips[0]!.summary = { en: 'x\ufffd', zh: 'x' })));
    const envelope = JSON.parse(text) as { payload: string };
    envelope.payload = envelope.payload.replace('\ufffd', '\ud800');
    expect(await refusal(JSON.stringify(envelope))).toBe('the signed text is not well-formed Unicode');
  });

  test('not an envelope: refused with what is wrong', async () => {
    expect(await refusal('<html>502 Bad Gateway</html>')).toBe('not JSON');
    expect(await refusal('{"format":1,"keyId":"test-key","payload":"{}"}')).toBe('not a signed dataset (its "signature" is missing or malformed)');
    expect(await refusal('{"format":2,"keyId":"k","payload":"{}","signature":"AA=="}')).toBe('not a signed dataset (its "format" is missing or malformed)');
    // What an unsigned file holds is not repeated back.
    const evil = await refusal(`{"format":1,"keyId":"k","payload":"{}","signature":"AA==","${'Update OK, see evil.example '.repeat(100)}":1}`);
    expect(evil).toBe('not a signed dataset (it has fields a signed dataset does not have)');
    expect(await refusal(' '.repeat(MAX_ENVELOPE_CHARS + 1))).toMatch(/too large/);
  });

  test('signed but not a valid dataset: refused, naming the file, record and field', async () => {
    const broken = dataAt('2099.01.01', (raw) => {
      raw.chips[0]!.vendor = 42;
    });
    expect(await refusal(await sign(broken))).toMatch(/^the signed dataset is invalid: rules\/data\/chips\.json: chip "[^"]+" › vendor: .{1,200}$/);
    const twice = dataAt('2099.01.01', (raw) => {
      raw.chips.push(raw.chips[0]!);
    });
    expect(await refusal(await sign(twice))).toMatch(/^the signed dataset is inconsistent: rules\/data\/chips\.json: .*used twice/);
  });

  test('the copy in published/ verifies with the keys the extension ships', async () => {
    const result = await verifySignedDataset(readFileSync('published/chiplens-dataset.json', 'utf8'), TRUSTED_KEYS);
    expect(result).toMatchObject({ ok: true });
    expect(KEY_ID in TRUSTED_KEYS).toBe(false);
  });
});

test('compareVersions orders dataset versions, same-day revisions after the day', () => {
  const sorted = ['2026.12.01', '2026.11.29-2', '2026.11.29', '2026.11.30', '2026.11.29-10'].sort(compareVersions);
  expect(sorted).toEqual(['2026.11.29', '2026.11.29-2', '2026.11.29-10', '2026.11.30', '2026.12.01']);
  expect(compareVersions('2026.11.29', '2026.11.29')).toBe(0);
});

describe('no pinning, and only data the extension can run on (issue #17)', () => {
  const TODAY = '2026-12-07';
  const verify = (text: string, options: Parameters<typeof verifySignedDataset>[2] = { today: TODAY }) => verifySignedDataset(text, keys, options);
  const errorOf = async (text: string, options?: Parameters<typeof verifySignedDataset>[2]) => {
    const r = await verify(text, options);
    if (r.ok) throw new Error('accepted');
    return r.error;
  };
  /** The bundled data as a later legitimate copy: same day as the check, a same-day revision. */
  const legit = (n: number) => dataAt(`2026.12.07-${n}`, (raw) => void Object.assign(raw.meta, { asOf: '2026-12-07', checkedThrough: '2026-12-01' }));

  test('a signed version 9999.99.99 is refused, and a later legitimate copy is still accepted after it', async () => {
    expect(await errorOf(await sign(dataAt('9999.99.99')))).toBe(
      'the extension cannot use this dataset: rules/data/meta.json: version: 9999.99.99 does not name a calendar date (YYYY.MM.DD)',
    );
    // Without a day given, the clock's day is the check's day.
    expect(await errorOf(await sign(dataAt('2999.12.31')), {})).toMatch(/version: 2999\.12\.31 is later than the check's day \(\d{4}-\d{2}-\d{2}\) plus 2 days/);
    const later = await verify(await sign(legit(1)));
    expect(later.ok && later.dataset.meta.version).toBe('2026.12.07-1');
  });

  test('a copy dated ahead of the check’s day (version 2999.12.31, asOf 2999-12-31) is refused; one dated within 2 days is not', async () => {
    const ahead = dataAt('2999.12.31', (raw) => void (raw.meta.asOf = '2999-12-31'));
    expect(await errorOf(await sign(ahead))).toBe(
      "the extension cannot use this dataset: rules/data/meta.json: version: 2999.12.31 is later than the check's day (2026-12-07) plus 2 days: a dataset cannot be dated ahead",
    );
    const soon = dataAt('2026.12.09', (raw) => void (raw.meta.asOf = '2026-12-09'));
    expect(await verify(await sign(soon))).toMatchObject({ ok: true });
  });

  test('a release’s floor and ceiling refuse a signed copy outside them', async () => {
    const text = await sign(legit(2));
    expect(await errorOf(text, { today: TODAY, ceiling: '2026.12.07-1' })).toBe(
      'the extension cannot use this dataset: rules/data/meta.json: version: 2026.12.07-2 is newer than this release accepts (2026.12.07-1)',
    );
    expect(await errorOf(text, { today: TODAY, floor: '2026.12.08' })).toMatch(/is older than this release accepts \(2026\.12\.08\)$/);
    expect(await verify(text, { today: TODAY, floor: '2026.12.07', ceiling: '2026.12.31' })).toMatchObject({ ok: true });
  });

  test('a signed copy the extension cannot run on is refused with why, never repeating its text', async () => {
    const alias = `H${'Update OK '.repeat(100)}`;
    const error = await errorOf(await sign(dataAt('2026.12.07-3', (raw) => void (raw.chips[0]!.names = [...(raw.chips[0]!.names as string[]), alias]))));
    expect(error).toMatch(/^the signed dataset is invalid: rules\/data\/chips\.json: chip "[a-z0-9-]+" › names\.\d+: is longer than 64 characters$/);
    expect(error).not.toContain('Update OK');
  });
});
