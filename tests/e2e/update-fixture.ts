// What the data-update tests (Chromium and Firefox) share: a build that trusts a key made for
// the test and takes its updates from the local server, and a newer dataset that knows a name
// the bundled one does not.
import { execFileSync } from 'node:child_process';
import { bundledRaw } from '../../rules/bundled-data';
import { generateSigningKey, importPrivateJwk, signDataset } from '../../rules/signed-dataset';
import { resolve } from 'node:path';
import { startPageServer, type PageServer } from './server';
import { servePages, type ServedPages } from './fixtures';

export const DATA_PATH = '/data/chiplens-dataset.json';
/** A name only the update knows: before it, `H20Z` is a longer token than H20 and not marked. */
export const NEW_NAME = 'H20Z';
/** Names the H200 (always marked, so the page has been read) and NEW_NAME. */
export const NEW_NAME_PAGE = `<!doctype html><html lang="en"><body><p>Nvidia's ${NEW_NAME} accelerator follows the H200.</p></body></html>`;
export const BUNDLED_VERSION = (bundledRaw as { meta: { version: string } }).meta.version;
/** A version after the bundled data's, on the bundled data's day: the extension refuses data dated ahead of today. */
export const laterVersion = (n: number): string =>
  `${BUNDLED_VERSION.replace(/-\d+$/, '')}-${n + Number(/-(\d+)$/.exec(BUNDLED_VERSION)?.[1] ?? 0)}`;

/** The bundled data at `version`, with NEW_NAME added to the H20. */
export function newerData(version: string) {
  const raw = structuredClone(bundledRaw) as { meta: { version: string }; chips: { id: string; names: string[] }[] };
  raw.meta.version = version;
  raw.chips.find((c) => c.id === 'nvidia-h20')!.names.push(NEW_NAME);
  return raw;
}

/** The envelope with one status changed after signing: its signature no longer matches. */
export function tamper(envelope: string): string {
  const parsed = JSON.parse(envelope) as { payload: string };
  const payload = parsed.payload.replace('"case-by-case"', '"allowed"');
  if (payload === parsed.payload) throw new Error('nothing to tamper with');
  return JSON.stringify({ ...parsed, payload });
}

/**
 * A page server holding the new-name page, and a build for `browser` that trusts a fresh key and
 * takes its updates from that server; `publish` puts an envelope where the build looks.
 */
export async function setUpUpdates(browser: 'chrome' | 'firefox') {
  const server = await startPageServer();
  server.route('/new-name.html', NEW_NAME_PAGE);
  const { privateJwk, publicSpki } = await generateSigningKey();
  const key = await importPrivateJwk(privateJwk);
  // Beside the caller's own build folder: each engineer's runs keep to their own folders.
  const outDir = `${process.env.WXT_OUT_DIR ?? '.output'}-updates`;
  execFileSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox', '--mv3'] : [])], {
    stdio: 'ignore',
    env: {
      ...process.env,
      WXT_OUT_DIR: outDir,
      CHIPLENS_UPDATE_URL: `${server.origin}${DATA_PATH}`,
      CHIPLENS_UPDATE_KEYS: JSON.stringify({ 'e2e-key': publicSpki }),
    },
  });
  return {
    server: server as PageServer,
    dist: resolve(outDir, `${browser}-mv3`),
    sign: (raw: unknown) => signDataset(raw, key, 'e2e-key'),
    publish: (envelope: string) =>
      server.route(DATA_PATH, envelope, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }),
  };
}

export interface SignedUpdates {
  /** The page server, which also serves the published copy. */
  pages: ServedPages;
  /** The build that trusts the test's key (for withChromium / withFirefox's `dist`). */
  dist(): string;
  sign(raw: unknown): Promise<string>;
  publish(envelope: string): void;
}

/** setUpUpdates as a file's fixture: the server and the build made before the file's tests. */
export function withSignedUpdates(browser: 'chrome' | 'firefox', routes: Record<string, string> = {}): SignedUpdates {
  let made: Awaited<ReturnType<typeof setUpUpdates>> | undefined;
  const live = () => {
    if (!made) throw new Error('withSignedUpdates: set up in beforeAll; use it inside a test or hook');
    return made;
  };
  const pages = servePages(routes, async () => (made = await setUpUpdates(browser)).server);
  return { pages, dist: () => live().dist, sign: (raw) => live().sign(raw), publish: (envelope) => live().publish(envelope) };
}
