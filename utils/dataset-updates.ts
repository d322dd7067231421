// The dataset the background answers from, and how it is kept current between releases: the
// copy bundled with this version, or a newer signed copy fetched from the published URL. A check
// that fails in any way (no network, an error page, a tampered or invalid copy, an older one)
// changes nothing but the status the options page shows: the last good copy stays in use.
import { bundledRaw } from '../rules/bundled-data';
import { parseDataset } from '../rules/dataset';
import type { Dataset } from '../rules/schema';
import { compareVersions, MAX_ENVELOPE_CHARS, verifySignedDataset, type TrustedKeys } from '../rules/signed-dataset';
import { datasetUpdate, updateCheck, type UpdateCheck } from './storage';

/** A check that takes longer than this has failed. */
const FETCH_TIMEOUT_MS = 30_000;

export interface ActiveDataset {
  dataset: Dataset;
  /** Bundled with this version, or fetched (when, ISO 8601). */
  origin: 'bundled' | { fetchedAt: string };
}

export interface UpdateSource {
  url: string;
  keys: TrustedKeys;
  /** The network (tests give their own). */
  fetch?: typeof fetch;
}

export function loadBundledDataset(): ActiveDataset {
  const parsed = parseDataset(bundledRaw);
  // The build already refused invalid data, so this only trips on a broken build.
  if (!parsed.ok) throw new Error(`ChipLens: bundled dataset invalid: ${parsed.errors.join('; ')}`);
  return { dataset: parsed.dataset, origin: 'bundled' };
}

const newer = (a: Dataset, b: Dataset) => compareVersions(a.meta.version, b.meta.version) > 0;

/**
 * The bundled dataset, or the stored update if it still verifies (keys may have been rotated by
 * a release since) and is newer than the bundled one (a release may have caught up with it).
 */
export async function loadActiveDataset(keys: TrustedKeys): Promise<ActiveDataset> {
  const bundled = loadBundledDataset();
  const stored = await datasetUpdate.getValue();
  if (!stored) return bundled;
  const verified = await verifySignedDataset(stored.envelope, keys);
  if (verified.ok && newer(verified.dataset, bundled.dataset)) return { dataset: verified.dataset, origin: { fetchedAt: stored.fetchedAt } };
  await datasetUpdate.setValue(null);
  return bundled;
}

/** Fetches the published copy's text, or says why it could not. */
async function fetchEnvelope(source: UpdateSource): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const where = new URL(source.url).host;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await (source.fetch ?? fetch)(source.url, { cache: 'no-store', credentials: 'omit', signal: abort.signal });
    if (!response.ok) return { ok: false, error: `${where} answered ${response.status}` };
    if (Number(response.headers.get('content-length') ?? 0) > MAX_ENVELOPE_CHARS * 4) return { ok: false, error: `${where} sent too much` };
    return { ok: true, text: await response.text() };
  } catch (e) {
    return { ok: false, error: abort.signal.aborted ? `${where} did not answer in time` : `could not reach ${where} (${(e as Error).message})` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Looks for a newer signed copy once. Returns the dataset to use from now on (the same one
 * unless a newer copy verified) and records how the check went.
 */
export async function checkForUpdate(current: ActiveDataset, source: UpdateSource, now = new Date()): Promise<ActiveDataset> {
  const record = async (ok: boolean, message: string) => {
    const check: UpdateCheck = { at: now.toISOString(), ok, message };
    await updateCheck.setValue(check);
  };
  const fetched = await fetchEnvelope(source);
  if (!fetched.ok) {
    await record(false, fetched.error);
    return current;
  }
  const verified = await verifySignedDataset(fetched.text, source.keys);
  if (!verified.ok) {
    await record(false, `refused: ${verified.error}`);
    return current;
  }
  const [got, have] = [verified.dataset.meta.version, current.dataset.meta.version];
  if (compareVersions(got, have) < 0) {
    // A replay of an old signed copy would otherwise take facts back in time.
    await record(false, `refused: the published copy (${got}) is older than the data in use (${have})`);
    return current;
  }
  if (compareVersions(got, have) === 0) {
    await record(true, `up to date (${have})`);
    return current;
  }
  const fetchedAt = now.toISOString();
  await datasetUpdate.setValue({ envelope: fetched.text, fetchedAt });
  await record(true, `updated from ${have} to ${got}`);
  return { dataset: verified.dataset, origin: { fetchedAt } };
}

/** The background's one dataset: loaded once, replaced only by a check that finds a newer copy. */
export interface DatasetHolder {
  /** Resolves once the stored update (if any) has been looked at. */
  ready: Promise<void>;
  readonly active: ActiveDataset;
  /** Checks now; concurrent calls share one check. */
  check(): Promise<ActiveDataset>;
}

export function createDatasetHolder(source: UpdateSource): DatasetHolder {
  let active = loadBundledDataset();
  const ready = loadActiveDataset(source.keys).then(
    (loaded) => void (active = loaded),
    () => undefined, // storage unreadable: the bundled copy answers
  );
  let running: Promise<ActiveDataset> | null = null;
  return {
    ready,
    get active() {
      return active;
    },
    check() {
      running ??= ready
        .then(() => checkForUpdate(active, source))
        .then((next) => (active = next))
        .finally(() => (running = null));
      return running;
    },
  };
}
