// The published channel for the signed dataset and the keys that may sign it. Pure data, read by
// the background (utils/updates/update-source.ts) and by the maintainers' CLI (`rules publish`),
// so it lives in the dataset's layer and nothing imports upward to reach it.
import type { TrustedKeys } from './signed-dataset';

/** Published by `npm run rules -- publish` (docs/maintainers.md, "Publishing a data update"). */
export const PUBLISHED_URL = 'https://chiplens.dev/data/v1/chiplens-dataset.json';

// chiplens-2026-11 signed the 2026.11.29 copy; its private key stayed with the maintainer who made it.
// chiplens-2026-12 signs from 2026.12.07 on. Both are trusted until every install has this release.
/** SPKI (DER, base64) of each key the maintainers sign with, by key id. */
export const TRUSTED_KEYS: TrustedKeys = {
  'chiplens-2026-11': 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmjBT9zEMy7v0djJxOKbzTQHKSPAnZBW0MrUatXT4RjrvTHEv/PNh/ntFWcJs6mDLYiaTD67uq4HnGwMZesEgHA==',
  'chiplens-2026-12': 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmlEOhofDC4cu0DjUhWgVbsSxEXJvOlfouFBYynsv7KhD+DIjSS4wuQEFvwwfCdx9zZsHR9775wbXvf8a+TRJJQ==',
};

/**
 * The versions this release accepts from the update channel, however they were signed
 * (rules/runnable.ts refuses a copy outside them). Unset in a normal release. If a signing key
 * leaks, the release that drops it sets VERSION_CEILING below anything the key may have pinned
 * (a far-future copy already stored is then dropped at the next start), and VERSION_FLOOR to its
 * own data's version so no older copy signed with the old key can be replayed
 * (docs/maintainers.md, "If a signing key is compromised").
 */
export const VERSION_FLOOR: string | undefined = undefined;
export const VERSION_CEILING: string | undefined = undefined;
