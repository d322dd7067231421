// Where this build takes its data updates from: the published channel (rules/trust.ts), or for a
// test build its own. A build can point both
// elsewhere (CHIPLENS_UPDATE_URL, CHIPLENS_UPDATE_KEYS; wxt.config.ts): the end-to-end tests
// publish their own copy on a local server and sign it with a key made for the test.
import type { TrustedKeys } from '../../rules/signed-dataset';
import { PUBLISHED_URL, TRUSTED_KEYS, VERSION_CEILING, VERSION_FLOOR } from '../../rules/trust';

declare const __CHIPLENS_UPDATE_SOURCE__: { url: string; keys: TrustedKeys } | undefined;

export const updateSource: { url: string; keys: TrustedKeys; floor?: string | undefined; ceiling?: string | undefined } = {
  ...(typeof __CHIPLENS_UPDATE_SOURCE__ === 'undefined' ? { url: PUBLISHED_URL, keys: TRUSTED_KEYS } : __CHIPLENS_UPDATE_SOURCE__),
  floor: VERSION_FLOOR,
  ceiling: VERSION_CEILING,
};

/** How often the background looks for a newer copy. */
export const CHECK_EVERY_MINUTES = 12 * 60;
