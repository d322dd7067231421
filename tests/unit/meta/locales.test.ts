// The manifest's name, description, toolbar title and shortcut words come from public/_locales in
// English and Simplified Chinese: every __MSG_x__ the config uses exists in both, with text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './source-files';

const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
const used = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
const messages = (locale: string) =>
  JSON.parse(readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

it('the manifest takes its name, description and shortcut words from _locales', () => {
  expect(used).toEqual(expect.arrayContaining(['extName', 'extDescription', 'actionTitle']));
  expect(config).toMatch(/default_locale: 'en'/);
});

it.each(['en', 'zh_CN'])('%s has every message the manifest uses, each with text', (locale) => {
  const m = messages(locale);
  for (const key of used) expect([key, m[key]?.message.trim().length ?? 0]).not.toEqual([key, 0]);
});

it('the Chinese messages are Chinese', () => {
  expect(messages('zh_CN').extDescription!.message).toMatch(/[\u4e00-\u9fff]/);
});
