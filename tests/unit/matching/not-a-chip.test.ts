// Words near a name that say it is not a chip outweigh the name (issue #13): real cases from
// news, in English and Chinese, with and without chip context around them.
import { describe, expect, test } from 'vitest';
import { compileMatcher, prepareMatcher } from '../../../matching/matcher';
import { FIXTURE_INDEX } from './fixture-index';

// B200, as H100, needs no context: only the words around it can say it is an aircraft.
const INDEX = { ...FIXTURE_INDEX, chips: [...FIXTURE_INDEX.chips, { id: 'nvidia-b200', names: ['B200'], needsContext: [] }] };
const matcher = compileMatcher(INDEX);
const marks = (text: string, context?: boolean) => matcher.scan(text, { context }).map((m) => m.text);

describe('a name that something near it says is not a chip is not marked', () => {
  test.each([
    // Each is marked without the cues: B200 and H100 need no context; A100, B40 and a loose H-20
    // are marked where the page vouches for every name.
    'The Beechcraft King Air B200 crashed on approach to Wichita.',
    'A King Air B200 turboprop landed safely.',
    'a B200 aircraft on the runway',
    'The Hyundai H100 van is sold as the Porter in Korea.',
    "Hyundai's H100 is a light truck.",
    'the fleet of H100 vans was replaced',
    'Berlin extends the A100 motorway to Treptow.',
    'Die Autobahn A100 ist gesperrt.',
    'the A100 road in north London',
    'China shows its H-20 stealth bomber.',
    'Indonesia keeps its B40 biodiesel blend.',
    '现代H100面包车召回',
    '一辆现代H100货车在高速公路上抛锚',
    '柏林A100高速公路延长段通车',
    '国产H-20轰炸机首飞',
    '一架B200公务机在机场降落',
  ])('%s', (text) => {
    expect(marks(text)).toEqual([]);
    // Even where the page vouches for every name (a chip in its title), the words win.
    expect(marks(text, true)).toEqual([]);
  });
});

describe('a chip word right beside the name outweighs the cue; a cue in another sentence does not count', () => {
  test.each<[string, string[]]>([
    ['Nvidia H100 chips were delivered by van.', ['H100']],
    ['英伟达H100芯片用货车运输', ['H100']],
    ['Nvidia H100 shipments rose. The van was late.', ['H100']],
    ['H100 servers ship. Hyundai vans do not.', ['H100']],
    ['The H100 ships this week.', ['H100']],
    ['the H200 road map', ['H200']],
    ['the control plane of an H100 cluster and its memory bus', ['H100']],
    ['Jan van der Berg said the H20 is popular.', ['H20']],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  test('a vetoed name does not vouch for a name that needs context', () => {
    // "H100" would give the block chip context for A100; as a van it gives none.
    expect(marks('The Hyundai H100 van passed the A100 sign.')).toEqual([]);
    expect(marks('Nvidia H100 and A100 prices fell.')).toEqual(['H100', 'A100']);
  });
});

test('the cue table travels in the prepared matcher as data', () => {
  const prepared = prepareMatcher(FIXTURE_INDEX);
  expect(prepared.notChip).toContain('motorway');
  expect(prepared.notChip).toContain('面包车');
  expect(() => new RegExp(prepared.notChip, 'i')).not.toThrow();
});
