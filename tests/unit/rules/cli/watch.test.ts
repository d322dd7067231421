// `rules watch` on recorded answers (tests/fixtures/watch, see its README): what it lists for a
// maintainer, what it leaves out, and how it fails when a source does not answer. The fetch
// function is injected: no network in CI.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWatch, type Candidate, type WatchIo } from '../../../../rules/cli/commands/watch';
import type { FetchLike } from '../../../../rules/cli/commands/watch-sources';
import { rawDataset } from '../fixture-dataset';

const FIXTURES = 'tests/fixtures/watch';
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The fixture dataset, with one source that already cites a Federal Register rule. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiplens-watch-'));
  temps.push(dir);
  const raw = rawDataset();
  raw.sources = [
    ...(raw.sources as object[]),
    { id: 'fr-2026-14132', title: 'UAE rule', publisher: 'Federal Register', date: '2026-07-14', url: 'https://www.federalregister.gov/documents/2026/07/14/2026-14132/x', reliability: 'primary' },
  ];
  for (const [key, value] of Object.entries(raw)) writeFileSync(join(dir, `${key}.json`), JSON.stringify(value, null, 2));
  return dir;
}

type Answer = { status: number; body: unknown } | Error;
const json = (body: unknown): Answer => ({ status: 200, body });

/** Answers each URL as the recorded APIs did; `route` may answer first. */
function recorded(route: (url: URL) => Answer | undefined = () => undefined) {
  const requests: { url: URL; headers: Record<string, string> }[] = [];
  const fetchFn: FetchLike = async (href, init) => {
    const url = new URL(href);
    requests.push({ url, headers: init.headers });
    const answer = route(url) ?? recordedAnswer(url);
    if (answer instanceof Error) throw answer;
    return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, json: async () => answer.body };
  };
  return { fetchFn, requests };
}

function recordedAnswer(url: URL): Answer {
  if (url.hostname === 'www.federalregister.gov') {
    const term = url.searchParams.get('conditions[term]');
    if (term === '3A090') return json(fixture('federal-register-3A090.json'));
    if (term === '"advanced computing"') return json(fixture('federal-register-advanced-computing.json'));
    return json(fixture('federal-register-empty.json'));
  }
  if (url.hostname === 'data.sec.gov') {
    const file = `edgar-submissions-${url.pathname.split('/').pop()}`;
    return readdirSync(FIXTURES).includes(file) ? json(fixture(file)) : { status: 404, body: null };
  }
  if (url.hostname === 'efts.sec.gov') return json(fixture(`edgar-full-text-CIK${url.searchParams.get('ciks')}.json`));
  return { status: 404, body: null };
}

async function watch(args: string[], fetchFn: FetchLike, dir = dataDir()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: WatchIo = { fetch: fetchFn, out: (l) => out.push(l), err: (l) => err.push(l), today: () => '2026-12-07', env: { CHIPLENS_SEC_CONTACT: 'maintainers@example.org' } };
  const code = await runWatch(args, dir, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rules watch on recorded answers', () => {
  it('lists what is new since the given day, newest first, with the chips and records each may touch', async () => {
    const { fetchFn } = recorded();
    const r = await watch(['--since', '2026-06-24', '--json'], fetchFn);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const candidates = JSON.parse(r.out) as Candidate[];
    expect(candidates.map((c) => [c.date, c.source, c.title])).toEqual([
      ['2026-09-30', 'Federal Register', expect.stringMatching(/^Notice: Agency Information Collection Activities/)],
      ['2026-08-26', 'SEC EDGAR', 'NVIDIA CORP 10-Q, period 2026-07-26'],
      ['2026-08-26', 'SEC EDGAR', 'NVIDIA CORP 8-K, period 2026-08-26'],
      ['2026-08-24', 'Federal Register', 'Rule: Revisions to the Entity List'],
      ['2026-07-14', 'Federal Register', expect.stringMatching(/^Rule: Enhanced Favorable Treatment for the United Arab Emirates/)],
    ]);
    const entityList = candidates.find((c) => c.title.includes('Entity List'))!;
    expect(entityList).toMatchObject({
      url: 'https://www.federalregister.gov/documents/2026/08/24/2026-17231/revisions-to-the-entity-list',
      why: 'found by 3A090, "advanced computing"',
      chips: ['nvidia-h20', 'nvidia-h200'],
    });
    const uae = candidates.find((c) => c.title.includes('United Arab Emirates'))!;
    expect(uae.chips).toEqual([]);
    expect(uae.records).toContain('already cited as source fr-2026-14132');
    const tenQ = candidates.find((c) => c.title.includes('10-Q'))!;
    expect(tenQ).toMatchObject({ url: 'https://www.sec.gov/Archives/edgar/data/1045810/000104581026000075/nvda-20260726.htm', why: 'mentions "export license" and China' });
    expect(tenQ.chips).toContain('nvidia-h200');
    expect(tenQ.chips).not.toContain('amd-mi308');
  });

  it('never prints a link that is not the source’s own https address', async () => {
    const r = await watch(['--since', '2026-06-24'], recorded().fetchFn);
    expect(r.out).not.toContain('javascript:');
    expect(r.out).toContain('https://www.federalregister.gov/d/2026-20058');
  });

  it('prints each candidate for a person: date, source, title, link, chips by name, records', async () => {
    const r = await watch(['--since', '2026-06-24'], recorded().fetchFn);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^5 candidates since 2026-06-24 \(asked the Federal Register \(BIS\) and SEC EDGAR \(nvidia, amd\)\): review each; no data was changed\./);
    expect(r.out).toContain('2026-08-24  Federal Register  Rule: Revisions to the Entity List\n            https://www.federalregister.gov/documents/2026/08/24/2026-17231/revisions-to-the-entity-list');
    expect(r.out).toContain('            chips: H20, H200\n');
    expect(r.out).toContain('records: already cited as source fr-2026-14132');
  });

  it('leaves out 8-Ks without the export-licence words, other forms, and filings before the day', async () => {
    const r = await watch(['--since', '2026-06-24', '--json'], recorded().fetchFn);
    const urls = (JSON.parse(r.out) as Candidate[]).map((c) => c.url).join('\n');
    expect(urls).not.toContain('000104581026000070'); // 8-K of 2026-08-20, not found by the full-text search
    expect(urls).not.toContain('000104581026000081'); // Form 4
    expect(urls).not.toContain('nvda-20260426.htm'); // 10-Q of May
    expect(urls).not.toContain('amd-20260328.htm'); // AMD's 10-Q of May
  });

  it('asks the Federal Register for BIS documents per term, and SEC EDGAR with a contact in the User-Agent', async () => {
    const { fetchFn, requests } = recorded();
    await watch(['--since', '2026-06-24'], fetchFn);
    const fr = requests.filter((r) => r.url.hostname === 'www.federalregister.gov');
    expect(fr.map((r) => r.url.searchParams.get('conditions[term]'))).toEqual(['3A090', '4A090', '3A001.z', '"advanced computing"']);
    for (const r of fr) {
      expect(r.url.pathname).toBe('/api/v1/documents.json');
      expect(r.url.searchParams.getAll('conditions[agencies][]')).toEqual(['industry-and-security-bureau']);
      expect(r.url.searchParams.get('conditions[publication_date][gte]')).toBe('2026-06-24');
    }
    const sec = requests.filter((r) => r.url.hostname.endsWith('sec.gov'));
    expect(sec.map((r) => r.url.href)).toEqual([
      'https://data.sec.gov/submissions/CIK0001045810.json',
      expect.stringMatching(/^https:\/\/efts\.sec\.gov\/LATEST\/search-index\?q=%22export\+license%22\+China&.*ciks=0001045810&forms=10-Q%2C10-K%2C8-K/),
      'https://data.sec.gov/submissions/CIK0000002488.json', // no AMD filing since: no full-text search
    ]);
    for (const r of sec) expect(r.headers['user-agent']).toBe('ChipLens rules watch maintainers@example.org');
  });

  it('starts from the day the sources were checked through by default, and says when nothing is new', async () => {
    const { fetchFn, requests } = recorded();
    const r = await watch([], fetchFn);
    expect(requests[0]!.url.searchParams.get('conditions[publication_date][gte]')).toBe('2026-11-20');
    expect(r.code).toBe(0);
    expect(r.out).toBe('✔ nothing new since 2026-11-20 (asked the Federal Register (BIS) and SEC EDGAR (nvidia, amd))');
  });

  it('an empty answer from every source is no candidate and no error', async () => {
    const empty = recorded((url) => (url.hostname === 'www.federalregister.gov' ? json(fixture('federal-register-empty.json')) : undefined));
    const r = await watch(['--since', '2026-06-24', '--only', 'fr', '--json'], empty.fetchFn);
    expect(r).toEqual({ code: 0, out: '[]', err: '' });
  });

  it('changes no data', async () => {
    const dir = dataDir();
    const before = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    await watch(['--since', '2026-06-24'], recorded().fetchFn, dir);
    expect(readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
  });
});

describe('rules watch when a source fails', () => {
  it.each<[string, (url: URL) => Answer | undefined, string]>([
    ['no network', () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }), 'rules watch: The Federal Register API could not be reached (ENOTFOUND): check the network and try again'],
    ['a timeout', () => new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'rules watch: The Federal Register API did not answer within 20 s: try again later'],
    ['a rate limit (429)', (u) => (u.hostname === 'www.federalregister.gov' ? { status: 429, body: null } : undefined), 'rules watch: The Federal Register API is limiting requests (HTTP 429): wait a few minutes and try again'],
    [
      'EDGAR refusing (403)',
      (u) => (u.hostname === 'data.sec.gov' ? { status: 403, body: null } : undefined),
      'rules watch: SEC EDGAR refused the request (HTTP 403): SEC EDGAR wants a User-Agent with a contact (--contact or CHIPLENS_SEC_CONTACT) and limits request rates; wait and try again',
    ],
    ['a server error', (u) => (u.hostname === 'efts.sec.gov' ? { status: 503, body: null } : undefined), 'rules watch: SEC EDGAR full-text search answered HTTP 503: try again later'],
    ['an answer of another shape', (u) => (u.hostname === 'data.sec.gov' ? json({ filings: 'none' }) : undefined), 'rules watch: SEC EDGAR answered in a shape rules watch does not know (filings): the API may have changed'],
  ])('%s: one clear line and exit 1, no candidates', async (_what, route, message) => {
    const r = await watch(['--since', '2026-06-24'], recorded(route).fetchFn);
    expect(r).toEqual({ code: 1, out: '', err: message });
  });

  it('without a contact for SEC EDGAR it asks for one (exit 2) before any request', async () => {
    const { fetchFn, requests } = recorded();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runWatch([], dataDir(), { fetch: fetchFn, out: (l) => out.push(l), err: (l) => err.push(l), today: () => '2026-12-07', env: {} });
    expect(code).toBe(2);
    expect(err).toEqual(['rules watch: SEC EDGAR asks who is querying: give --contact you@example.org (or set CHIPLENS_SEC_CONTACT), or use --only fr']);
    expect(requests).toEqual([]);
  });
});
