// A signing key made for the tests, and the bundled data at another version, signed with it.
import { bundledRaw } from '../../../rules/bundled-data';
import { generateSigningKey, importPrivateJwk, signDataset, type TrustedKeys } from '../../../rules/signed-dataset';

export const KEY_ID = 'test-key';

export async function testSigner() {
  const { privateJwk, publicSpki } = await generateSigningKey();
  const key = await importPrivateJwk(privateJwk);
  const keys: TrustedKeys = { [KEY_ID]: publicSpki };
  return { keys, sign: (raw: unknown, keyId = KEY_ID) => signDataset(raw, key, keyId) };
}

/** The bundled dataset as raw JSON, with its version (and anything else) changed. */
export function dataAt(version: string, change: (raw: { meta: Record<string, unknown>; chips: Record<string, unknown>[] }) => void = () => {}) {
  const raw = structuredClone(bundledRaw) as { meta: Record<string, unknown>; chips: Record<string, unknown>[] };
  raw.meta.version = version;
  change(raw);
  return raw;
}
