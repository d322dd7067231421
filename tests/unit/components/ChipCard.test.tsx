/** @vitest-environment happy-dom */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ChipCard } from '../../../components/ChipCard';
import type { CardModel } from '../../../rules/card-model';
import { changeToward } from '../../../rules/changes';
import { cardModelFixture } from './card-model-fixture';

afterEach(cleanup);

describe('ChipCard', () => {
  it('answers on the first screen: the destination of interest, its status now, since when, and the event that set it', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const card = container.querySelector('[data-chip-id="nvidia-h20"]')!;
    expect(card).not.toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('H20');
    expect(card.textContent).toContain('NVIDIA · Hopper');

    const china = container.querySelector('section.cl-dest--primary')!;
    expect(china.getAttribute('data-destination')).toBe('CN');
    expect(china.querySelector('.cl-badge')!.textContent).toBe('Licence required; presumption of denial');
    expect(china.querySelector('.cl-lead')!.textContent).toBe('Now: licence required, none granted, since 15 Apr 2025.');
    const setBy = china.querySelector('.cl-set-by')!;
    expect(setBy.textContent).toContain('Set by: 2025-04-15 Rule BIS informs NVIDIA that H20 exports to China need a licence');
    expect(setBy.textContent).toContain('SEC (primary)'); // the source, graded
    // Nothing on the first screen is hidden behind a <details>.
    expect(china.closest('details')).toBeNull();
  });

  it('puts the rest on one expandable line each, closed: conditions, events, things to watch, other destinations, why', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const lines = [...container.querySelectorAll('article > details')];
    expect(lines.map((d) => d.querySelector('summary')!.textContent)).toEqual([
      'Conditions (1)',
      'Things to watch (1)',
      'Other destinations (2)',
      'Why controlled: below the 3A090 line; a licence is needed for China under the April 2025 bandwidth letters',
    ]);
    expect(lines.every((d) => !d.hasAttribute('open'))).toBe(true);
    expect(lines[0]!.textContent).toContain('Covers Hong Kong and Macau');
    expect(lines[1]!.textContent).toContain('2025-07'); // month precision
    expect(lines[1]!.textContent).toContain('Reported, not confirmed');
  });

  it('lists the events behind the status newest first when there is more than the one that set it', () => {
    const base = cardModelFixture();
    const cn = base.destinations.find((d) => d.destinationId === 'CN')!;
    const older = { ...cn.events[0]!, id: 'older', date: '2024-12-02', title: 'An older rule' };
    const model = cardModelFixture({ destinations: base.destinations.map((d) => (d === cn ? { ...cn, events: [cn.events[0]!, older] } : d)) });
    const { container } = render(<ChipCard model={model} />);
    const history = container.querySelector('details.cl-history')!;
    expect(history.querySelector('summary')!.textContent).toBe('Events, newest first (2)');
    expect([...history.querySelectorAll('[data-event-id]')].map((e) => e.getAttribute('data-event-id'))).toEqual(['bis-2025-04-h20-licence', 'older']);
  });

  it('lists the other destinations compactly, one line each, and each opens on its own', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const others = [...container.querySelectorAll('.cl-others li > details.cl-dest')];
    expect(others.map((d) => d.getAttribute('data-destination'))).toEqual(['AE', 'OTHER']);
    expect(others[0]!.querySelector('summary')!.textContent).toBe('UAE Licence required; granted with conditions since 2025-05-13');
    expect(others[1]!.querySelector('summary')!.textContent).toContain('No rule has applied');
    expect(others[0]!.textContent).toContain('End-user audits');
  });

  it('follows the destination of interest the model names', () => {
    const model = cardModelFixture({ focus: 'AE', lead: { destinationId: 'AE', statusNow: 'licensed', now: 'Now: licences granted with conditions, since 13 May 2025.' } });
    const { container } = render(<ChipCard model={model} />);
    expect(container.querySelector('section.cl-dest--primary')!.getAttribute('data-destination')).toBe('AE');
    expect([...container.querySelectorAll('.cl-others details')].map((d) => d.getAttribute('data-destination'))).toEqual(['CN', 'OTHER']);
  });

  it('links only https sources, opening safely in a new tab', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const links = [...new Set([...container.querySelectorAll('a')].map((a) => a.getAttribute('href')))];
    expect(links).toEqual(['https://www.sec.gov/nvidia-8k']);
    for (const a of container.querySelectorAll('a')) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // The http and javascript: sources are still named, as plain text.
    expect(container.textContent).toContain('Mirror');
    expect(container.textContent).toContain('Evil link');
    expect(container.innerHTML).not.toContain('javascript:');
  });

  it('explains why in words first, then test by test, marking derived figures', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const why = container.querySelector('.cl-why')!;
    // Never the bare code under a "Licence needed" status.
    expect(why.querySelector('summary')!.textContent).not.toBe('Why controlled: not-3A090');
    expect(why.querySelector('.cl-explanation')!.textContent).toBe('The April 2025 bandwidth line reaches it: DRAM 4,000 GB/s, against DRAM ≥ 1,400 GB/s.');
    const tpp = within(why as HTMLElement).getByRole('rowheader', { name: 'TPP' }).closest('tr')!;
    expect(tpp.textContent).toBe('TPP2,368 (derived)');
    const tests = [...why.querySelectorAll('.cl-tests li')].map((li) => li.textContent);
    expect(tests).toEqual(['TPP ≥ 4,800 not met', 'TPP ≥ 1,600 and PD ≥ 5.92 met', 'PD ≥ 3.2 unknown']);
  });

  it('explains TPP, PD and presumption of denial where each first appears, once', () => {
    const model = cardModelFixture({ destinations: cardModelFixture().destinations.map((d) => (d.destinationId === 'CN' ? { ...d, statusLabel: 'Licence needed — presumption of denial' } : d)) });
    const { container } = render(<ChipCard model={model} />);
    const terms = [...container.querySelectorAll('abbr.cl-term')];
    expect(terms.map((a) => a.textContent)).toEqual(['presumption of denial', '3A090', 'TPP', 'PD']);
    expect(terms[0]!.closest('.cl-badge')).not.toBeNull(); // first use: the status on the first screen
    expect(terms[2]!.getAttribute('title')).toMatch(/^Total processing performance/);
    expect(terms[3]!.getAttribute('title')).toMatch(/^Performance density/);
  });

  it('explains the terms in Chinese for a Chinese model', () => {
    const zh = cardModelFixture({ lang: 'zh' });
    const model = { ...zh, destinations: zh.destinations.map((d) => (d.destinationId === 'CN' ? { ...d, statusLabel: '需要许可证——推定拒绝／不予放行' } : d)) };
    const { container } = render(<ChipCard model={model} />);
    const denial = [...container.querySelectorAll('abbr.cl-term')].find((a) => a.textContent === '推定拒绝')!;
    expect(denial.getAttribute('title')).toBe('许可申请以拒绝为前提审查：实际上不予发放许可证。');
  });

  it('ends with how far the sources were checked, the version and the disclaimer', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const footer = container.querySelector('footer')!;
    expect(footer.textContent).toContain('Sources checked through 2026-11-20 · data version 2026.11.29');
    expect(footer.textContent).toContain('Information, not legal advice');
    // The review date (asOf) is not offered as the date of the facts.
    expect(container.textContent).not.toContain('2026-11-29');
    expect(container.querySelector('[role="note"]')).toBeNull();
  });

  it('says plainly when newer changes may be missing', () => {
    const stale = 'The sources reach only to 2026-09-15, 75 days ago: newer changes may be missing.';
    const { container } = render(<ChipCard model={cardModelFixture({ stale })} />);
    expect(container.querySelector('[role="note"]')!.textContent).toBe(stale);
  });

  it('labels its own words in Chinese for a Chinese model', () => {
    const { container } = render(<ChipCard model={cardModelFixture({ lang: 'zh', disclaimer: '仅供参考，不构成法律意见。' })} />);
    expect(container.textContent).toContain('起始 2025-05-13');
    expect(container.textContent).toContain('为何受管制');
    expect(container.textContent).toContain('其他目的地 (2)');
    expect(container.querySelector('article')!.getAttribute('lang')).toBe('zh-CN');
  });

  it('renders dataset text as text, never as markup', () => {
    const { container } = render(<ChipCard model={cardModelFixture({ summary: '<img src=x onerror=alert(1)>' })} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('then and now, and the attributes tests read', () => {
  const h20 = (lead: CardModel['lead']) => render(<ChipCard model={cardModelFixture({ lead })} />).container.querySelector('article')!;

  it('when the status changed since the article: both lines, then first, and the then-attributes', () => {
    const card = h20({
      destinationId: 'CN',
      statusNow: 'licensed',
      thenDate: '2025-04-16',
      statusThen: 'denied',
      then: 'When this was published (16 Apr 2025): licence required, none granted.',
      now: 'Now: licences granted with conditions, since 8 Aug 2025.',
    });
    expect(card.querySelector('.cl-lead')!.textContent).toBe(
      'When this was published (16 Apr 2025): licence required, none granted. Now: licences granted with conditions, since 8 Aug 2025.',
    );
    expect(card.querySelector('.cl-then')).not.toBeNull();
    expect([card.dataset.chipId, card.dataset.statusNow, card.dataset.thenDate, card.dataset.statusThen]).toEqual(['nvidia-h20', 'licensed', '2025-04-16', 'denied']);
  });

  it('when it is the same: one line, still dated', () => {
    const now = 'Same as when this was published (1 Sep 2025): licences granted with conditions, since 8 Aug 2025.';
    const card = h20({ destinationId: 'CN', statusNow: 'licensed', thenDate: '2025-09-01', statusThen: 'licensed', now });
    expect(card.querySelector('.cl-lead')!.textContent).toBe(now);
    expect(card.querySelector('.cl-then')).toBeNull();
    expect([card.dataset.thenDate, card.dataset.statusThen]).toEqual(['2025-09-01', 'licensed']);
  });

  it('without a date: now only, and no then-attributes', () => {
    const card = h20({ destinationId: 'CN', statusNow: 'denied', now: 'Now: licence required, none granted, since 15 Apr 2025.' });
    expect(card.querySelector('.cl-lead')!.textContent).toBe('Now: licence required, none granted, since 15 Apr 2025.');
    expect(card.dataset.statusNow).toBe('denied');
    expect(card.hasAttribute('data-then-date')).toBe(false);
    expect(card.hasAttribute('data-status-then')).toBe(false);
  });
});

describe('what changed since the reader last opened the card', () => {
  const fromModel = (model: CardModel) => {
    const now = { version: model.datasetVersion, day: model.date, statuses: Object.fromEntries(model.destinations.map((d) => [d.destinationId, d.status])) };
    return { now, lang: model.lang };
  };

  it('when the status toward the destination of interest changed: a tag, the sentence first, and data-changed-from', () => {
    const model = cardModelFixture();
    const { now, lang } = fromModel(model);
    const change = changeToward({ CN: 'licensed' }, now, 'CN', lang)!;
    const { container } = render(<ChipCard model={{ ...model, change }} />);
    const card = container.querySelector('article')!;
    expect(card.dataset.changedFrom).toBe('licensed');
    const china = card.querySelector('section.cl-dest--primary')!;
    expect(china.classList.contains('cl-dest--changed')).toBe(true);
    expect(china.querySelector('.cl-changed-tag')!.textContent).toBe('Changed');
    const line = china.querySelector('.cl-changed')!;
    expect(line.textContent).toBe('Changed since you last looked (data 2026.11.29): was licences granted with conditions; now licence required, none granted.');
    // Before the lead, so it is the first thing read after the status.
    expect(line.compareDocumentPosition(china.querySelector('.cl-lead')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('in Chinese for a Chinese model', () => {
    const model = cardModelFixture({ lang: 'zh' });
    const { now } = fromModel(model);
    const change = changeToward({ CN: 'licensed' }, now, 'CN', 'zh')!;
    const { container } = render(<ChipCard model={{ ...model, change }} />);
    expect(container.querySelector('.cl-changed-tag')!.textContent).toBe('有变化');
    expect(container.querySelector('.cl-changed')!.textContent).toContain('自您上次查看以来有变化（数据 2026.11.29）');
  });

  it('when nothing changed (or the change is toward another destination): none of it', () => {
    const model = cardModelFixture();
    for (const m of [model, { ...model, change: { ...changeToward({ CN: 'licensed' }, fromModel(model).now, 'CN', 'en')!, destinationId: 'AE' } }]) {
      const { container } = render(<ChipCard model={m} />);
      expect(container.querySelector('article')!.hasAttribute('data-changed-from')).toBe(false);
      expect(container.querySelector('.cl-changed, .cl-changed-tag, .cl-dest--changed')).toBeNull();
      cleanup();
    }
  });
});
