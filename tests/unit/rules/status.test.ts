import { describe, expect, it } from 'vitest';
import { resolveDestination, resolveStatus, statusTimeline } from '../../../rules/status';
import { chip, event, EVENTS, fixtureDataset } from './fixture-dataset';

const data = fixtureDataset();
const ids = (events: { id: string }[]) => events.map((e) => e.id);

describe('resolveStatus: transitions modelled on the real history', () => {
  it.each([
    // chip, destination, date, status, since, controlling events (newest first)
    ['nvidia-a800', 'CN', '2023-06-01', 'not-controlled', '2022-11-07', ['2022-10-07-3a090']],
    ['nvidia-a800', 'CN', '2023-11-16', 'not-controlled', '2022-11-07', ['2022-10-07-3a090']],
    ['nvidia-a800', 'CN', '2023-11-17', 'denied', '2023-11-17', ['2023-10-17-3a090-update']],
    ['nvidia-h800', 'CN', '2023-06-01', 'not-controlled', '2023-03-21', ['2022-10-07-3a090']],
    ['nvidia-h800', 'CN', '2024-01-01', 'denied', '2023-11-17', ['2023-10-17-3a090-update']],
    ['nvidia-h20', 'CN', '2024-06-01', 'not-controlled', '2023-11-09', ['2022-10-07-3a090']],
    ['nvidia-h20', 'CN', '2025-04-09', 'denied', '2025-04-09', ['2025-04-09-is-informed']],
    ['nvidia-h20', 'CN', '2025-08-07', 'denied', '2025-04-09', ['2025-04-09-is-informed']],
    ['nvidia-h20', 'CN', '2025-08-08', 'licensed', '2025-08-08', ['2025-08-08-h20-licences']],
    // H20 is not sold in the US, so the Jan-2026 window does not reach it.
    ['nvidia-h20', 'CN', '2026-06-01', 'licensed', '2025-08-08', ['2025-08-08-h20-licences']],
    // The 2022 and 2023 rules both deny the H200: one run, both events shown.
    ['nvidia-h200', 'CN', '2025-06-01', 'denied', '2023-11-13', ['2023-10-17-3a090-update', '2022-10-07-3a090']],
    ['nvidia-h200', 'CN', '2026-01-14', 'denied', '2023-11-13', ['2023-10-17-3a090-update', '2022-10-07-3a090']],
    ['nvidia-h200', 'CN', '2026-01-15', 'case-by-case', '2026-01-15', ['2026-01-13-case-by-case']],
    ['nvidia-gb300', 'AE', '2025-06-01', 'case-by-case', '2025-03-18', ['2025-05-13-gulf-deals', '2023-10-17-3a090-update']],
    ['nvidia-gb300', 'SA', '2025-12-01', 'licensed', '2025-11-19', ['2025-11-19-gulf-licences']],
    ['nvidia-gb300', 'CN', '2026-06-01', 'denied', '2025-03-18', ['2023-10-17-3a090-update']],
    // The AI Diffusion rule applied from 2025-01-15 until it was rescinded on 2025-05-13.
    ['nvidia-h100', 'DE', '2025-03-01', 'licensed', '2025-01-15', ['2025-01-15-ai-diffusion']],
    ['nvidia-h100', 'DE', '2025-05-13', 'unknown', null, []],
  ])('%s to %s on %s: %s since %s', (chipId, dest, date, status, since, events) => {
    const r = resolveStatus(data, chipId, dest, date);
    expect(r.status).toBe(status);
    expect(r.since).toBe(since);
    expect(ids(r.events)).toEqual(events);
  });

  it('carries the winning effect’s conditions', () => {
    expect(resolveStatus(data, 'nvidia-h20', 'CN', '2025-09-01').conditions.map((c) => c.en)).toEqual(['15% of revenue to the US government']);
    expect(resolveStatus(data, 'nvidia-gb300', 'AE', '2025-12-01').conditions.map((c) => c.zh)).toEqual(['安全与报告条件']);
  });

  it('gives unknown with no since for a chip no rule selects, and for an unknown chip id', () => {
    expect(resolveStatus(data, 'nvidia-b30a', 'DE', '2026-01-01')).toMatchObject({ status: 'unknown', since: null, events: [] });
    expect(resolveStatus(data, 'nvidia-h21', 'CN', '2026-01-01')).toMatchObject({ status: 'unknown', since: null, events: [] });
  });
});

describe('destinations', () => {
  it.each([
    ['CN', 'CN'], ['HK', 'CN'], ['mo', 'CN'], ['AE', 'AE'], ['SA', 'SA'], ['DE', 'OTHER'], ['OTHER', 'OTHER'], ['XX', 'OTHER'],
  ])('%s → %s', (code, id) => {
    expect(resolveDestination(data, code)).toBe(id);
  });

  it('resolves Hong Kong to the China status', () => {
    const hk = resolveStatus(data, 'nvidia-h20', 'HK', '2025-05-01');
    expect(hk).toMatchObject({ destination: 'CN', status: 'denied' });
  });
});

describe('watch items', () => {
  it('shows China-side measures in force and bills, not the events that set the status', () => {
    const r = resolveStatus(data, 'nvidia-h200', 'CN', '2026-02-01');
    expect(ids(r.watch)).toEqual(['2025-12-04-safe-chips-act', '2025-11-05-state-dc-ban']);
  });

  it('shows reports only when dated since the current status began', () => {
    expect(ids(resolveStatus(data, 'nvidia-h200', 'CN', '2025-12-10').watch)).toContain('2025-12-03-warren-letter');
    expect(ids(resolveStatus(data, 'nvidia-h200', 'CN', '2026-02-01').watch)).not.toContain('2025-12-03-warren-letter');
  });

  it('shows a published status change that is not yet effective', () => {
    expect(ids(resolveStatus(data, 'nvidia-h200', 'CN', '2026-01-14').watch)).toContain('2026-01-13-case-by-case');
  });

  it('leaves out anything dated after the date asked about', () => {
    expect(resolveStatus(data, 'nvidia-h20', 'CN', '2025-07-01').watch).toEqual([]);
  });

  it('leaves out measures that have ended', () => {
    const ended = fixtureDataset({
      events: [...EVENTS, event('2026-02-01-lifted', '2026-02-01', 'china-measure', [{ chips: { ids: ['nvidia-h20'] }, destinations: ['CN'] }], { ended: '2026-03-01' })],
    });
    expect(ids(resolveStatus(ended, 'nvidia-h20', 'CN', '2026-02-15').watch)).toContain('2026-02-01-lifted');
    expect(ids(resolveStatus(ended, 'nvidia-h20', 'CN', '2026-03-01').watch)).not.toContain('2026-02-01-lifted');
  });
});

describe('precedence', () => {
  const chips = [chip('nvidia-h200', { names: ['H200'], tpp: 15830, bw: 4800, c2023: '3A090.a' }), chip('nvidia-x1', { names: ['X1'], c2023: '3A090.a' })];
  const sel = { tpp: { lt: 21000 } };

  it('an effect naming the chip beats a selector with the same start, wherever it stands in the file', () => {
    const d = fixtureDataset({
      chips,
      events: [
        event('by-id', '2026-01-15', 'rule', [{ chips: { ids: ['nvidia-h200'] }, destinations: ['CN'], status: 'denied' }]),
        event('by-selector', '2026-01-15', 'rule', [{ chips: sel, destinations: ['CN'], status: 'case-by-case' }]),
      ],
    });
    expect(resolveStatus(d, 'nvidia-h200', 'CN', '2026-02-01')).toMatchObject({ status: 'denied', events: [{ id: 'by-id' }] });
  });

  it('between equals, the later one in the file wins', () => {
    const d = fixtureDataset({
      chips,
      events: [
        event('first', '2026-01-15', 'rule', [{ chips: sel, destinations: ['CN'], status: 'denied' }]),
        event('second', '2026-01-15', 'rule', [{ chips: sel, destinations: ['CN'], status: 'case-by-case' }]),
      ],
    });
    expect(resolveStatus(d, 'nvidia-h200', 'CN', '2026-02-01').status).toBe('case-by-case');
  });

  it('a later selector beats an earlier named effect; `except` and unknown figures keep a chip out', () => {
    const d = fixtureDataset({
      chips,
      events: [
        event('named', '2025-01-01', 'rule', [{ chips: { ids: ['nvidia-h200', 'nvidia-x1'] }, destinations: ['CN'], status: 'denied' }]),
        event('window', '2026-01-15', 'rule', [{ chips: { ...sel, except: ['nvidia-h200'] }, destinations: ['CN'], status: 'case-by-case' }]),
        event('everyone', '2026-03-01', 'rule', [{ chips: { classification: { regime: '2023', in: ['3A090.a'] } }, destinations: ['CN'], status: 'licensed' }]),
      ],
    });
    expect(resolveStatus(d, 'nvidia-h200', 'CN', '2026-02-01').status).toBe('denied');
    // X1's TPP is unknown, so "TPP < 21,000" cannot hold for it.
    expect(resolveStatus(d, 'nvidia-x1', 'CN', '2026-02-01').status).toBe('denied');
    expect(resolveStatus(d, 'nvidia-h200', 'CN', '2026-03-01')).toMatchObject({ status: 'licensed', since: '2026-03-01' });
  });

  it('effects without a status never set it', () => {
    const d = fixtureDataset({
      chips,
      events: [
        event('rule', '2025-01-01', 'rule', [{ chips: { ids: ['nvidia-h200'] }, destinations: ['CN'], status: 'denied' }]),
        event('statement', '2025-06-01', 'announcement', [{ chips: { ids: ['nvidia-h200'] }, destinations: ['CN'] }]),
      ],
    });
    const r = resolveStatus(d, 'nvidia-h200', 'CN', '2025-07-01');
    expect(r).toMatchObject({ status: 'denied', since: '2025-01-01' });
    expect(ids(r.watch)).toEqual(['statement']);
  });

  it('carries an unconfirmed winner’s confidence', () => {
    const d = fixtureDataset({
      chips,
      events: [event('rumour', '2025-01-01', 'licence-decision', [{ chips: { ids: ['nvidia-x1'] }, destinations: ['CN'], status: 'licensed' }], { confidence: { level: 'reported' } })],
    });
    expect(resolveStatus(d, 'nvidia-x1', 'CN', '2025-02-01').confidence).toEqual({ level: 'reported' });
  });
});

describe('statusTimeline', () => {
  it('lists each change once, starting when the chip appeared', () => {
    expect(statusTimeline(data, 'nvidia-h20', 'CN')).toEqual([
      { from: '2023-11-09', status: 'not-controlled', eventId: '2022-10-07-3a090' },
      { from: '2025-04-09', status: 'denied', eventId: '2025-04-09-is-informed' },
      { from: '2025-08-08', status: 'licensed', eventId: '2025-08-08-h20-licences' },
    ]);
  });

  it('records the fall back to unknown when a rule is rescinded', () => {
    expect(statusTimeline(data, 'nvidia-h100', 'OTHER')).toEqual([
      { from: '2025-01-15', status: 'licensed', eventId: '2025-01-15-ai-diffusion' },
      { from: '2025-05-13', status: 'unknown', eventId: null },
    ]);
  });

  it('is empty for a chip that only appeared after every rule had ended', () => {
    expect(statusTimeline(data, 'nvidia-b30a', 'OTHER')).toEqual([]);
  });
});
