// The dataset the background answers from, and how it is kept current between releases: the
// copy bundled with this version, or a newer signed copy fetched from the published URL. A check
// that fails in any way (no network, an error page, a tampered or invalid copy, an older one)
// changes nothing but the status the options page shows: the last good copy stays in use.
import { bundledRaw } from '../../rules/bundled-data';
import { parseDataset } from '../../rules/dataset';
import type { Dataset } from '../../rules/schema';
import { compareVersions, MAX_ENVELOPE_CHARS, verifySignedDataset, type TrustedKeys, type VerifyOptions } from '../../rules/signed-dataset';
import { datasetUpdate, saveUpdate, updateCheck, writeProblem, type StoredUpdate, type UpdateCheck } from '../storage/checked-storage';

/** A check that takes longer than this has failed (a browser stops an idle worker at 30 s). */
const FETCH_TIMEOUT_MS = 20_000;
/** Past this many bytes the answer is not read further (MAX_ENVELOPE_CHARS, as UTF-8 at most). */
const MAX_BYTES = MAX_ENVELOPE_CHARS * 3;

export interface ActiveDataset {
  dataset: Dataset;
  /** Bundled with this version, or fetched (when, ISO 8601). */
  origin: 'bundled' | { fetchedAt: string };
}

export interface UpdateSource {
  url: string;
  keys: TrustedKeys;
  /** The release's bounds on accepted versions (utils/updates/update-source.ts). */
  floor?: string | undefined;
  ceiling?: string | undefined;
  /** The network (tests give their own). */
  fetch?: typeof fetch;
}

export function loadBundledDataset(): ActiveDataset {
  const parsed = parseDataset(bundledRaw);
  // The build already refused invalid data, so this only trips on a broken build.
  if (!parsed.ok) throw new Error(`ChipLens: bundled dataset invalid: ${parsed.errors.join('; ')}`);
  return { dataset: parsed.dataset, origin: 'bundled' };
}

/** The last status that could not be written (storage full): the options page still shows it. */
let unsaved: UpdateCheck | null = null;

/** Records how a check went; when storage refuses the write, keeps it here with the reason. */
async function recordCheck(check: UpdateCheck): Promise<void> {
  try {
    await updateCheck.setValue(check);
    unsaved = null;
  } catch (e) {
    unsaved = { ...check, message: `${check.message} (${writeProblem(e)})` };
  }
}

/** How the last check went: kept in storage, or the one storage could not take. */
export async function latestCheck(): Promise<UpdateCheck | null> {
  return unsaved ?? (await updateCheck.getValue());
}

/** What a copy is held to on `now`: no date past that day (+ a margin), the release's bounds. */
const verifyOptions = (bounds: Pick<UpdateSource, 'floor' | 'ceiling'>, now: Date): VerifyOptions => ({
  today: now.toISOString().slice(0, 10),
  floor: bounds.floor,
  ceiling: bounds.ceiling,
});

const newer = (a: Dataset, b: Dataset) => compareVersions(a.meta.version, b.meta.version) > 0;

/**
 * The bundled dataset, or the stored update if it still verifies (keys may have been rotated by
 * a release since, or its bounds moved) and is newer than the bundled one (a release may have
 * caught up with it).
 */
export async function loadActiveDataset(keys: TrustedKeys, bounds: Pick<UpdateSource, 'floor' | 'ceiling'> = {}, now = new Date()): Promise<ActiveDataset> {
  const bundled = loadBundledDataset();
  const stored = await datasetUpdate.getValue();
  if (!stored) return bundled;
  const verified = await verifySignedDataset(stored.envelope, keys, verifyOptions(bounds, now));
  if (verified.ok && newer(verified.dataset, bundled.dataset)) return { dataset: verified.dataset, origin: { fetchedAt: stored.fetchedAt } };
  // Caught up by a release (normal), or no longer trusted (a release dropped its key): the
  // bundled copy answers, and the status says why if it was the latter.
  await datasetUpdate.setValue(null);
  if (!verified.ok) await recordCheck({ at: new Date().toISOString(), ok: false, message: `the update kept from before no longer verifies (${verified.error}): using this version's data` });
  return bundled;
}

/** Reads a response's body as UTF-8, giving up past MAX_BYTES. */
async function readCapped(response: Response): Promise<string | null> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      return null;
    }
    parts.push(part.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Fetches the published copy's text, or says why it could not. */
async function fetchEnvelope(source: UpdateSource): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const where = new URL(source.url).host;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await (source.fetch ?? fetch)(source.url, { cache: 'no-store', credentials: 'omit', signal: abort.signal });
    if (!response.ok) return { ok: false, error: `${where} answered ${response.status}` };
    const text = Number(response.headers.get('content-length') ?? 0) > MAX_BYTES ? null : await readCapped(response);
    return text === null ? { ok: false, error: `${where} sent more than a dataset can be: not read` } : { ok: true, text };
  } catch (e) {
    if (abort.signal.aborted) return { ok: false, error: `${where} did not answer in time` };
    // A browser says no more than this; a missing CORS header looks the same.
    return { ok: false, error: `could not reach ${where} (${String((e as Error).message).slice(0, 100)})` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Looks for a newer signed copy once. Returns the dataset to use from now on (the same one
 * unless a newer copy verified and was saved) and records how the check went.
 */
export async function checkForUpdate(current: ActiveDataset, source: UpdateSource, now = new Date()): Promise<ActiveDataset> {
  const at = now.toISOString();
  const record = (ok: boolean, message: string) => recordCheck({ at, ok, message });
  const fetched = await fetchEnvelope(source);
  if (!fetched.ok) {
    await record(false, fetched.error);
    return current;
  }
  const verified = await verifySignedDataset(fetched.text, source.keys, verifyOptions(source, now));
  if (!verified.ok) {
    await record(false, `refused: ${verified.error}`);
    return current;
  }
  const [got, have] = [verified.dataset.meta.version, current.dataset.meta.version];
  if (compareVersions(got, have) < 0) {
    // After a release the bundled data is ahead of the published copy until it is published
    // again: nothing wrong. Behind an update already taken, it is refused: a replay of an old
    // signed copy would otherwise take the facts back in time.
    if (current.origin === 'bundled') await record(true, `this version's data (${have}) is newer than the published copy (${got})`);
    else await record(false, `refused: the published copy (${got}) is older than the data in use (${have})`);
    return current;
  }
  if (compareVersions(got, have) === 0) {
    await record(true, `up to date (${have})`);
    return current;
  }
  const saved: StoredUpdate = { envelope: fetched.text, fetchedAt: at };
  const check: UpdateCheck = { at, ok: true, message: `updated from ${have} to ${got}` };
  try {
    // One write: the copy and the status that names it land together or not at all.
    await saveUpdate(saved, check);
  } catch (e) {
    await record(false, `${writeProblem(e)}, the update to ${got} is not kept: still using ${have}`);
    return current;
  }
  return { dataset: verified.dataset, origin: { fetchedAt: at } };
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
  // Until the stored update has been read, a check must not run: it would compare the published
  // copy with the bundled data and could put an older copy in place of a newer one.
  let loaded = false;
  const load = () =>
    loadActiveDataset(source.keys, source).then(
      (found) => {
        active = found;
        loaded = true;
      },
      () => undefined, // storage unreadable: the bundled copy answers meanwhile
    );
  const ready = load();
  let running: Promise<ActiveDataset> | null = null;
  return {
    ready,
    get active() {
      return active;
    },
    check() {
      running ??= ready
        .then(() => (loaded ? undefined : load()))
        .then(() => (loaded ? checkForUpdate(active, source) : active))
        .then((next) => (active = next))
        .finally(() => (running = null));
      return running;
    },
  };
}
