// The card's sheet, read as text: both themes define every colour, each text colour stands out
// from its background (WCAG AA, 4.5:1) in light and in dark, motion is off for readers who ask,
// and nothing is sized in rem/em (the page's root font size must not reach the card) or wider
// than a 320 px window.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../components/chip-card.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The --cl-* variables set in the first `.cl-card { … }` block after `from`. */
function vars(from: number): Record<string, string> {
  const open = css.indexOf('.cl-card {', from);
  const body = css.slice(open, css.indexOf('}', open));
  return Object.fromEntries([...body.matchAll(/(--cl-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}
const light = vars(0);
const dark = vars(css.indexOf('@media (prefers-color-scheme: dark)'));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** Text colour → the background it is drawn on. */
const PAIRS: [string, string][] = [
  ['--cl-fg', '--cl-bg'],
  ['--cl-muted', '--cl-bg'],
  ['--cl-link', '--cl-bg'],
  ['--cl-amber-fg', '--cl-bg'], // confidence notes
  ...['green', 'blue', 'amber', 'red', 'grey'].map((c): [string, string] => [`--cl-${c}-fg`, `--cl-${c}-bg`]),
];

describe('chip-card.css', () => {
  it('defines every colour in light and again for dark (prefers-color-scheme)', () => {
    expect(Object.keys(light).length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort());
    expect(dark['--cl-bg']).not.toBe(light['--cl-bg']);
  });

  it.each([
    ['light', light],
    ['dark', dark],
  ])('every text colour meets 4.5:1 on its background in %s', (_, theme) => {
    for (const [fg, bg] of PAIRS) expect({ pair: `${fg} on ${bg}`, ratio: contrast(theme[fg]!, theme[bg]!) >= 4.5 }).toEqual({ pair: `${fg} on ${bg}`, ratio: true });
  });

  it('turns motion off for readers who ask (prefers-reduced-motion)', () => {
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*\{[^}]*transition: none[^}]*animation: none/);
  });

  it('sizes in px, never rem or em, and fits a 320 px window (narrowing, wrapping long words)', () => {
    expect(css).not.toMatch(/\d(?:r?em)\b/);
    const card = css.slice(css.indexOf('.cl-card {'), css.indexOf('}', css.indexOf('.cl-card {')));
    expect(card).toContain('max-width: calc(100vw - 16px)');
    expect(card).toContain('overflow-wrap: anywhere');
    expect(css).toMatch(/@media \(max-width: 400px\)/);
    // No fixed width anywhere else that could push past the window.
    expect([...css.matchAll(/(?<![-\w])width:\s*(\d+)px/g)].map((m) => Number(m[1]))).toEqual([360]);
  });
});
