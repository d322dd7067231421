// The published dataset between releases: one JSON envelope holding the dataset as text and an
// ECDSA P-256 / SHA-256 signature of exactly that text. The extension accepts a copy only if a
// key it ships with signed it, it parses as a dataset, passes the cross-record checks and is
// newer than the data in use; anything else is refused with a message saying why. WebCrypto
// only (no browser extension API): the background, the CLI and the tests share it.
import { z } from 'zod';
import { parseDataset } from './dataset';
import { checkIntegrity } from './integrity';
import { checkRunnable } from './runnable';
import type { Dataset } from './schema';

/** Larger than any dataset we expect by far; a bigger answer is refused unread. */
export const MAX_ENVELOPE_CHARS = 5_000_000;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;

const base64 = z.string().max(10_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

const Envelope = z.strictObject({
  format: z.literal(1),
  /** Which of the extension's keys signed it (keys can be rotated). */
  keyId: z.string().min(1).max(64),
  /** The dataset, as the exact JSON text that was signed. */
  payload: z.string().max(MAX_ENVELOPE_CHARS),
  /** ECDSA P-256 signature over the UTF-8 bytes of `payload` (r‖s, 64 bytes), base64. */
  signature: base64,
});
type Envelope = z.infer<typeof Envelope>;

/** Public keys the extension trusts, by key id: SPKI (DER) in base64. */
export type TrustedKeys = Readonly<Record<string, string>>;

export type VerifyResult = { ok: true; dataset: Dataset } | { ok: false; error: string };

/**
 * What the check measures against. `today` (YYYY-MM-DD, the checker's day; the clock's UTC day
 * when not given): a copy whose version, asOf or checkedThrough is later than today plus
 * FUTURE_MARGIN_DAYS is refused (no pinning every install to a far-future version). A release may
 * pass a `floor` and a `ceiling` for versions (rules/trust.ts, next to TRUSTED_KEYS): a
 * copy outside them is refused however it was signed.
 */
export interface VerifyOptions {
  today?: string | undefined;
  floor?: string | undefined;
  ceiling?: string | undefined;
}

/** The clock's day in UTC, for VerifyOptions.today. */
const todayUtc = (): string => new Date().toISOString().slice(0, 10);


const clip = (message: string) => (message.length > 300 ? `${message.slice(0, 299)}…` : message);
const bytesOf = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Checks a published envelope (the text as fetched) from signature to cross-record checks and
 * whether the extension can run on it (rules/runnable.ts: limits, cards, no date ahead of today,
 * the release's floor and ceiling). It does not compare with the data in use: see compareVersions.
 */
export async function verifySignedDataset(text: string, keys: TrustedKeys, options: VerifyOptions = {}): Promise<VerifyResult> {
  if (text.length > MAX_ENVELOPE_CHARS) return { ok: false, error: `too large (${text.length} characters)` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const envelope = Envelope.safeParse(json);
  // Nothing from an unverified file is quoted back: a message is shown and stored.
  if (!envelope.success) return { ok: false, error: `not a signed dataset (${envelopeProblem(envelope.error.issues[0]!)})` };
  const { keyId, payload, signature } = envelope.data;
  const spki = Object.hasOwn(keys, keyId) ? keys[keyId] : undefined;
  if (!spki) return { ok: false, error: /^[\w.-]{1,40}$/.test(keyId) ? `signed with a key this version does not trust ("${keyId}")` : 'signed with a key this version does not trust' };
  // TextEncoder turns a lone surrogate into U+FFFD: two payloads would share one signature.
  if (!payload.isWellFormed()) return { ok: false, error: 'the signed text is not well-formed Unicode' };
  let valid: boolean;
  try {
    const key = await crypto.subtle.importKey('spki', bytesOf(spki), ALGORITHM, false, ['verify']);
    valid = await crypto.subtle.verify(SIGNING, key, bytesOf(signature), utf8(payload));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, error: 'the signature does not match: the copy was altered or not signed by ChipLens' };
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return { ok: false, error: 'the signed dataset is not JSON' };
  }
  const parsed = parseDataset(raw);
  // Signed, so its words are ours: the first problem names the file, record and field.
  if (!parsed.ok) return { ok: false, error: clip(`the signed dataset is invalid: ${parsed.errors[0]}`) };
  const problems = checkIntegrity(parsed.dataset);
  if (problems.length) return { ok: false, error: clip(`the signed dataset is inconsistent: ${problems[0]}`) };
  const unrunnable = checkRunnable(parsed.dataset, { today: options.today ?? todayUtc(), floor: options.floor, ceiling: options.ceiling });
  if (unrunnable.length) return { ok: false, error: clip(`the extension cannot use this dataset: ${unrunnable[0]}`) };
  return { ok: true, dataset: parsed.dataset };
}

/** What is wrong with an envelope, in words of our own (its keys and values are not repeated). */
function envelopeProblem(issue: z.core.$ZodIssue): string {
  const field = issue.path[0];
  if (typeof field === 'string' && field in Envelope.shape) return `its "${field}" is missing or malformed`;
  return issue.code === 'unrecognized_keys' ? 'it has fields a signed dataset does not have' : 'it is not an object of the expected shape';
}

/** Signs a dataset (its raw JSON object) into an envelope's text: the maintainers' side. */
export async function signDataset(raw: unknown, privateKey: CryptoKey, keyId: string): Promise<string> {
  const payload = JSON.stringify(raw);
  const signature = toBase64(await crypto.subtle.sign(SIGNING, privateKey, utf8(payload)));
  const envelope: Envelope = { format: 1, keyId, payload, signature };
  return `${JSON.stringify(envelope, null, 1)}\n`;
}

/** A new signing key pair: the private key as JWK (kept by the maintainers), the public as SPKI base64. */
export async function generateSigningKey(): Promise<{ privateJwk: JsonWebKey; publicSpki: string }> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
    publicSpki: toBase64(await crypto.subtle.exportKey('spki', pair.publicKey)),
  };
}

export const importPrivateJwk = (jwk: JsonWebKey): Promise<CryptoKey> => crypto.subtle.importKey('jwk', jwk, ALGORITHM, false, ['sign']);

/** The public key (SPKI base64) of a private JWK: to tell which trusted key it is. */
export async function publicSpkiOf(jwk: JsonWebKey): Promise<string> {
  const { d: _d, key_ops: _ops, ...pub } = jwk;
  const key = await crypto.subtle.importKey('jwk', { ...pub, key_ops: ['verify'] }, ALGORITHM, true, ['verify']);
  return toBase64(await crypto.subtle.exportKey('spki', key));
}

export { compareVersions } from './version';
