// The public sources `rules watch` asks what is new: the Federal Register API (documents of the
// Bureau of Industry and Security that touch advanced computing) and SEC EDGAR (new 10-Q, 10-K
// and 8-K filings of the chip vendors in the dataset). Every answer is checked with zod before
// use; every failure becomes a WatchError with one line a maintainer can act on. The fetch
// function is passed in, so tests run on recorded answers without a network.
import { z } from 'zod';

/** The part of fetch this module uses (the global fetch fits). */
export type FetchLike = (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** One line, already in words for the maintainer. */
export class WatchError extends Error {}

const TIMEOUT_MS = 20_000;

const FEDERAL_REGISTER_API = 'https://www.federalregister.gov/api/v1/documents.json';
const BIS_AGENCY = 'industry-and-security-bureau';
/** The Federal Register searches: the ECCNs of advanced computing, and the words its rules use. */
const FEDERAL_REGISTER_TERMS = ['3A090', '4A090', '3A001.z', '"advanced computing"'] as const;

/** EDGAR ids (CIK, 10 digits) of the vendors with US filings, by vendor name in lower case. */
export const VENDOR_CIKS: Readonly<Record<string, string>> = { nvidia: '0001045810', amd: '0000002488', intel: '0000050863' };
const FILING_FORMS = ['10-Q', '10-K', '8-K'] as const;
/** What the full-text search looks for in a filing: a licence for exports, and China. */
const FULL_TEXT_QUERY = '"export license" China';

async function getJson(fetchFn: FetchLike, url: string, what: string, headers: Record<string, string>): Promise<unknown> {
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const e = error as { name?: string; code?: string; cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new WatchError(`${what} did not answer within ${TIMEOUT_MS / 1000} s: try again later`);
    const code = e.cause?.code ?? e.code;
    throw new WatchError(`${what} could not be reached${code && /^[A-Z_]{2,32}$/.test(code) ? ` (${code})` : ''}: check the network and try again`);
  }
  if (response.status === 429) throw new WatchError(`${what} is limiting requests (HTTP 429): wait a few minutes and try again`);
  if (response.status === 403) {
    throw new WatchError(`${what} refused the request (HTTP 403): SEC EDGAR wants a User-Agent with a contact (--contact or CHIPLENS_SEC_CONTACT) and limits request rates; wait and try again`);
  }
  if (!response.ok) throw new WatchError(`${what} answered HTTP ${response.status}: try again later`);
  try {
    return await response.json();
  } catch {
    throw new WatchError(`${what} did not answer JSON: try again later`);
  }
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new WatchError(`${what} answered in a shape rules watch does not know (${result.error.issues[0]?.path.join('.') || 'top level'}): the API may have changed`);
  return result.data;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// ── Federal Register ─────────────────────────────────────────────────────────────────────────

const FederalRegisterAnswer = z.object({
  count: z.number().optional(),
  // An empty search answers without `results`.
  results: z
    .array(
      z.object({
        title: z.string().max(2_000),
        abstract: z.string().max(20_000).nullable().optional(),
        document_number: z.string().max(40),
        publication_date: day,
        html_url: z.string().max(2_000).optional(),
        type: z.string().max(40).optional(),
      }),
    )
    .default([]),
});

export interface FederalRegisterDocument {
  number: string;
  date: string;
  type: string;
  title: string;
  abstract: string;
  url: string;
  /** The searches that found it (3A090, "advanced computing"…). */
  terms: string[];
}

function federalRegisterUrl(term: string, since: string): string {
  const q = new URLSearchParams();
  q.append('conditions[agencies][]', BIS_AGENCY);
  q.append('conditions[term]', term);
  q.append('conditions[publication_date][gte]', since);
  q.append('order', 'newest');
  q.append('per_page', '100');
  for (const f of ['title', 'abstract', 'document_number', 'publication_date', 'html_url', 'type']) q.append('fields[]', f);
  return `${FEDERAL_REGISTER_API}?${q}`;
}

/** The BIS documents since `since` (inclusive) that any term finds, newest first, each once. */
export async function federalRegisterDocuments(fetchFn: FetchLike, since: string): Promise<FederalRegisterDocument[]> {
  const found = new Map<string, FederalRegisterDocument>();
  for (const term of FEDERAL_REGISTER_TERMS) {
    const what = 'The Federal Register API';
    const answer = parsed(FederalRegisterAnswer, await getJson(fetchFn, federalRegisterUrl(term, since), what, {}), what);
    for (const r of answer.results) {
      if (r.publication_date < since) continue;
      const known = found.get(r.document_number);
      if (known) {
        known.terms.push(term);
        continue;
      }
      // Links are printed for a person to open: https on the Federal Register's own site only.
      const url = r.html_url?.startsWith('https://www.federalregister.gov/') ? r.html_url : `https://www.federalregister.gov/d/${encodeURIComponent(r.document_number)}`;
      found.set(r.document_number, { number: r.document_number, date: r.publication_date, type: r.type ?? 'Document', title: r.title, abstract: r.abstract ?? '', url, terms: [term] });
    }
  }
  return [...found.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

// ── SEC EDGAR ────────────────────────────────────────────────────────────────────────────────

const Submissions = z.object({
  name: z.string().max(200).optional(),
  filings: z.object({
    recent: z.object({
      accessionNumber: z.array(z.string().max(40)),
      filingDate: z.array(day),
      form: z.array(z.string().max(40)),
      primaryDocument: z.array(z.string().max(300)),
      primaryDocDescription: z.array(z.string().max(300)).optional(),
      reportDate: z.array(z.string().max(20)).optional(),
    }),
  }),
});

const FullTextAnswer = z.object({
  hits: z.object({
    hits: z.array(z.object({ _id: z.string().max(400), _source: z.object({ adsh: z.string().max(40).optional() }).loose() })),
  }),
});

export interface Filing {
  vendor: string;
  company: string;
  form: string;
  date: string;
  /** The period a 10-Q or 10-K covers, when EDGAR gives it. */
  reportDate: string | null;
  accession: string;
  url: string;
  /** The full-text search found "export license" and China in it. */
  mentionsExportLicences: boolean;
}

const submissionsUrl = (cik: string): string => `https://data.sec.gov/submissions/CIK${cik}.json`;

function fullTextUrl(cik: string, since: string, until: string): string {
  const q = new URLSearchParams({ q: FULL_TEXT_QUERY, dateRange: 'custom', startdt: since, enddt: until, ciks: cik, forms: FILING_FORMS.join(',') });
  return `https://efts.sec.gov/LATEST/search-index?${q}`;
}

/** EDGAR asks every program to say who runs it: "ChipLens rules watch <contact>". */
const edgarHeaders = (contact: string): Record<string, string> => ({ 'user-agent': `ChipLens rules watch ${contact}` });

/** A vendor's 10-Q, 10-K and 8-K filings since `since` (inclusive), newest first. */
export async function vendorFilings(fetchFn: FetchLike, vendor: string, cik: string, since: string, until: string, contact: string): Promise<Filing[]> {
  const headers = edgarHeaders(contact);
  const what = 'SEC EDGAR';
  const subs = parsed(Submissions, await getJson(fetchFn, submissionsUrl(cik), what, headers), what);
  const r = subs.filings.recent;
  const filings: Filing[] = [];
  r.accessionNumber.forEach((accession, i) => {
    const form = r.form[i] ?? '';
    const date = r.filingDate[i] ?? '';
    const doc = r.primaryDocument[i] ?? '';
    if (!(FILING_FORMS as readonly string[]).includes(form) || date < since || !/^[\d-]+$/.test(accession) || !/^[\w.-]+$/.test(doc)) return;
    filings.push({
      vendor,
      company: subs.name ?? vendor,
      form,
      date,
      reportDate: r.reportDate?.[i] || null,
      accession,
      url: `https://www.sec.gov/Archives/edgar/data/${Number(cik)}/${accession.replace(/-/g, '')}/${doc}`,
      mentionsExportLicences: false,
    });
  });
  if (filings.length === 0) return [];
  const hits = parsed(FullTextAnswer, await getJson(fetchFn, fullTextUrl(cik, since, until), 'SEC EDGAR full-text search', headers), 'SEC EDGAR full-text search');
  const mentioned = new Set(hits.hits.hits.map((h) => h._source.adsh ?? h._id.split(':')[0]));
  for (const f of filings) f.mentionsExportLicences = mentioned.has(f.accession);
  return filings.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
