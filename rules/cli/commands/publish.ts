// The signed data update (docs/maintainers.md, "Publishing a data update"):
//   rules keygen --out <file>                 a new signing key; prints the public key to trust
//   rules publish --key <file> [--out <file>] signs rules/data into the file to upload
//   rules verify <file>                       checks a published file as the extension would
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareVersions, generateSigningKey, importPrivateJwk, publicSpkiOf, signDataset, verifySignedDataset } from '../../signed-dataset';
import { TRUSTED_KEYS } from '../../trust';
import { parseCommandArgs, stopWith } from './args';
import { loadDataFolder } from './check';
import { today } from './dates';

const KEYGEN_USAGE = `Usage: npm run rules -- keygen --out <file> [--id <key id>]

Makes a P-256 signing key for data updates and prints the public key to add to TRUSTED_KEYS in
rules/trust.ts. Keep the file out of the repository.

Options:
  --out <file>   where to write the private key (never overwritten)
  --id <key id>  the key's id (default chiplens-YYYY-MM)`;

const PUBLISH_USAGE = `Usage: npm run rules -- publish --key <file> [--out <file>]

Signs rules/data into the file to upload, after the same checks as \`rules check\`; refuses a
key the extension does not trust and a version that is not newer than the file's.

Options:
  --key <file>   the private key made by \`rules keygen\`
  --out <file>   where to write (default published/chiplens-dataset.json)
  --data <dir>   sign the dataset in <dir>`;

const VERIFY_USAGE = `Usage: npm run rules -- verify [file]

Checks a published file as the extension would: signature by a trusted key, schema, cross-record
checks, and whether the extension can run on it (default published/chiplens-dataset.json).`;

const DEFAULT_PUBLISHED = 'published/chiplens-dataset.json';

interface SigningKeyFile {
  keyId: string;
  privateJwk: JsonWebKey;
}

function fail(message: string, code = 2): number {
  console.error(`rules: ${message}`);
  return code;
}

export async function runKeygen(args: string[]): Promise<number> {
  const parsed = parseCommandArgs({ name: 'keygen', usage: KEYGEN_USAGE, options: { out: { type: 'string' }, id: { type: 'string' } } }, args);
  if (!parsed.ok) return stopWith(parsed);
  const { values } = parsed;
  if (!values.out) return fail('keygen needs --out <file> (keep it out of the repository)');
  const out = resolve(values.out);
  if (existsSync(out)) return fail(`${values.out} exists: not overwritten`);
  const keyId = values.id ?? `chiplens-${new Date().toISOString().slice(0, 7)}`;
  const { privateJwk, publicSpki } = await generateSigningKey();
  const file: SigningKeyFile = { keyId, privateJwk };
  writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  chmodSync(out, 0o600);
  console.log(`✔ private key written to ${values.out} (only the maintainers keep it)`);
  console.log(`Trust it by adding this line to TRUSTED_KEYS in rules/trust.ts, then release:`);
  console.log(`  '${keyId}': '${publicSpki}',`);
  return 0;
}

export async function runPublish(args: string[], dataDir: string): Promise<number> {
  const parsed = parseCommandArgs({ name: 'publish', usage: PUBLISH_USAGE, options: { key: { type: 'string' }, out: { type: 'string' } } }, args);
  if (!parsed.ok) return stopWith(parsed);
  const { values } = parsed;
  if (!values.key) return fail('publish needs --key <file> (made by `rules keygen`)');
  let keyFile: SigningKeyFile;
  try {
    keyFile = JSON.parse(readFileSync(resolve(values.key), 'utf8')) as SigningKeyFile;
    if (typeof keyFile.keyId !== 'string' || typeof keyFile.privateJwk !== 'object') throw new Error('not a key file');
    await importPrivateJwk(keyFile.privateJwk);
  } catch (e) {
    return fail(`cannot read the key in ${values.key}: ${(e as Error).message || 'not a P-256 signing key'}`);
  }
  // Only data that `rules check` accepts is signed.
  const loaded = loadDataFolder(dataDir);
  if (!loaded.ok) {
    for (const p of loaded.problems) console.error(`✘ ${p}`);
    return fail('the data is invalid: nothing signed', 1);
  }
  const trusted = TRUSTED_KEYS[keyFile.keyId];
  if (!Object.hasOwn(TRUSTED_KEYS, keyFile.keyId) || trusted !== (await publicSpkiOf(keyFile.privateJwk))) {
    return fail(`the extension does not trust this key as "${keyFile.keyId}" (rules/trust.ts): nothing signed`, 1);
  }
  const shown = values.out ?? DEFAULT_PUBLISHED;
  const out = resolve(shown);
  const version = loaded.dataset.meta.version;
  // Installed copies take only a newer version: publishing the same one again changes nothing.
  if (existsSync(out)) {
    const before = await verifySignedDataset(readFileSync(out, 'utf8'), TRUSTED_KEYS, { today: today() });
    if (before.ok && compareVersions(version, before.dataset.meta.version) <= 0) {
      return fail(`${shown} already holds ${before.dataset.meta.version}: bump meta.version in rules/data/meta.json first`, 1);
    }
  }
  const envelope = await signDataset(loaded.raw, await importPrivateJwk(keyFile.privateJwk), keyFile.keyId);
  const check = await verifySignedDataset(envelope, TRUSTED_KEYS, { today: today() });
  if (!check.ok) return fail(`the signed file does not verify (${check.error}): nothing written`, 1);
  writeFileSync(out, envelope);
  console.log(`✔ signed ${version} (as of ${loaded.dataset.meta.asOf}) with "${keyFile.keyId}" into ${shown}`);
  return 0;
}

export async function runVerify(args: string[]): Promise<number> {
  const parsed = parseCommandArgs({ name: 'verify', usage: VERIFY_USAGE, options: {}, maxPositionals: 1 }, args);
  if (!parsed.ok) return stopWith(parsed);
  const [file = DEFAULT_PUBLISHED] = parsed.positionals;
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (e) {
    return fail(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const verified = await verifySignedDataset(text, TRUSTED_KEYS, { today: today() });
  if (!verified.ok) {
    console.error(`✘ ${file}: ${verified.error}`);
    return 1;
  }
  const { meta, chips, events, sources } = verified.dataset;
  console.log(`✔ ${file}: signed by a trusted key; ${meta.version} (as of ${meta.asOf}), ${chips.length} chips, ${events.length} events, ${sources.length} sources`);
  return 0;
}
