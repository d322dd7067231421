// The one table of UI words (rules/ui-words.ts): both languages complete, and no page or component
// choosing its words by language on its own (that is what the table is for).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardWords } from '../../../rules/card-words';
import { cliWords, codeWords, modelWords, uiWords } from '../../../rules/ui-words';

const HAN = /\p{Script=Han}/u;
/** Words not in one language only: a language code, a placeholder showing both kinds of name. */
const SAME = new Set(['htmlLang', 'searchPlaceholder']);

function sample(value: unknown): string {
  // 'sold in the US and X' stands for any argument: testText translates the words around notation.
  if (typeof value === 'function') return String((value as (...a: unknown[]) => unknown)('sold in the US and X', 'Y'));
  return JSON.stringify(value);
}

describe('the UI words', () => {
  const en = uiWords('en');
  const zh = uiWords('zh');

  it('has every word in both languages, the Chinese in Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (key === 'statusName' || key === 'statusShort') continue;
      if (SAME.has(key)) continue;
      expect(sample(en[key]), key).not.toMatch(HAN);
      expect(sample(zh[key]), key).toMatch(HAN);
    }
    expect(zh.statusName('denied')).toMatch(HAN);
    expect(Object.values(zh.statusShort).every((w) => HAN.test(w))).toBe(true);
  });

  it('gives the card only its own words, all plain data (they cross a message)', () => {
    const words = cardWords('zh');
    expect(JSON.parse(JSON.stringify(words))).toEqual(words);
    expect(words.close).toBe('关闭');
    expect('searchLabel' in words).toBe(false);
  });

  it("puts a threshold test's words into the card's language and leaves its notation", () => {
    expect(modelWords('zh').testText('TPP ≥ 1,600 and PD ≥ 5.92')).toBe('TPP ≥ 1,600 且 PD ≥ 5.92');
    expect(modelWords('zh').testText('not sold in the US')).toBe('未在美国销售');
    expect(modelWords('zh').testText('Sold in the US')).toBe('在美国销售');
    expect(modelWords('en').testText('Sold in the US')).toBe('Sold in the US');
  });

  it('has the sentences of the card model, the words for the dataset codes and the CLI labels in both languages too', () => {
    for (const [en, zh] of [
      [codeWords('en'), codeWords('zh')],
      [modelWords('en'), modelWords('zh')],
      [cliWords('en'), cliWords('zh')],
    ] as [Record<string, unknown>, Record<string, unknown>][]) {
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(sample(en[key]), key).not.toMatch(HAN);
        // Some are Chinese punctuation only (the list separator, "X：Y。").
        expect(sample(zh[key]), key).toMatch(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u);
      }
    }
  });
});

describe('the pages, components and the card model', () => {
  it('choose no words by language themselves: every string comes from the table', () => {
    const dirs = ['components', 'entrypoints/popup', 'entrypoints/options', 'entrypoints/welcome', 'rules', 'rules/cli/commands'];
    const files = dirs.flatMap((dir) => {
      try {
        return readdirSync(dir).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
      } catch {
        return [];
      }
    });
    expect(files).toContain(join('rules', 'card-model-builder.ts'));
    const offenders = files.filter((f) => f !== join('rules', 'ui-words.ts')).filter((f) => /===\s*'zh'|\bzh\s*\?/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
