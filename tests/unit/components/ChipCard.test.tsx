/** @vitest-environment happy-dom */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ChipCard } from '../../../components/ChipCard';
import { cardModelFixture } from './card-model-fixture';

afterEach(cleanup);

describe('ChipCard', () => {
  it('shows the chip, China first and expanded with status words, date, conditions and events', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const card = container.querySelector('[data-chip-id="nvidia-h20"]')!;
    expect(card).not.toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('H20');
    expect(card.textContent).toContain('NVIDIA · Hopper');

    const sections = container.querySelectorAll('[data-destination]');
    expect([...sections].map((s) => s.getAttribute('data-destination'))).toEqual(['CN', 'AE', 'OTHER']);
    const china = sections[0]!;
    expect(china.tagName).toBe('SECTION'); // expanded, not behind a <details>
    expect(china.textContent).toContain('Licence required; presumption of denial');
    expect(china.textContent).toContain('since 2025-04-15');
    expect(china.textContent).toContain('Covers Hong Kong and Macau');
    expect(china.textContent).toContain('2025-04-15');
    expect(china.textContent).toContain('Rule');
    expect(china.textContent).toContain('BIS informs NVIDIA');
    expect(china.querySelector('details.cl-watch summary')!.textContent).toBe('Things to watch (1)');
    expect(china.textContent).toContain('2025-07'); // month precision
    expect(china.textContent).toContain('Reported, not confirmed');
  });

  it('puts other destinations on one expandable line each', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const uae = container.querySelector('[data-destination="AE"]')!;
    expect(uae.tagName).toBe('DETAILS');
    expect(uae.hasAttribute('open')).toBe(false);
    expect(uae.querySelector('summary')!.textContent).toContain('UAE');
    expect(uae.querySelector('summary')!.textContent).toContain('Licence required; granted with conditions');
    const other = container.querySelector('[data-destination="OTHER"] summary')!;
    expect(other.textContent).toContain('No rule has applied');
  });

  it('links only https sources, opening safely in a new tab', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.sec.gov/nvidia-8k']);
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    // The http and javascript: sources are still named, as plain text.
    expect(container.textContent).toContain('Mirror');
    expect(container.textContent).toContain('Evil link');
    expect(container.innerHTML).not.toContain('javascript:');
  });

  it('explains why, test by test, marking derived figures', () => {
    const { container } = render(<ChipCard model={cardModelFixture()} />);
    const why = container.querySelector('.cl-why')!;
    expect(why.querySelector('summary')!.textContent).toBe('Why controlled: not-3A090');
    const tpp = within(why as HTMLElement).getByText('TPP').closest('tr')!;
    expect(tpp.textContent).toBe('TPP2,368 (derived)');
    const tests = [...why.querySelectorAll('.cl-tests li')].map((li) => li.textContent);
    expect(tests).toEqual(['TPP ≥ 4,800 not met', 'TPP ≥ 1,600 and PD ≥ 5.92 met', 'PD ≥ 3.2 unknown']);
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
    expect(container.textContent).toContain('起始 2025-04-15');
    expect(container.textContent).toContain('为何受管制');
    expect(container.querySelector('article')!.getAttribute('lang')).toBe('zh-CN');
  });

  it('renders dataset text as text, never as markup', () => {
    const { container } = render(<ChipCard model={cardModelFixture({ summary: '<img src=x onerror=alert(1)>' })} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
