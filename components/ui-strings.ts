// The card's own words in English and Chinese (the CardModel's strings arrive already localised;
// these are the labels around them). The content script bundles these; the popup's and the
// options page's own words are in page-strings.ts, kept out of it.
import type { Lang } from '../rules/card-model';

const en = {
  since: 'since',
  noRuleYet: 'No rule has applied',
  conditions: 'Conditions',
  events: 'Controlling events',
  watch: 'Things to watch',
  noEvents: 'No controlling events recorded.',
  whyControlled: 'Why controlled',
  spec: 'Spec',
  value: 'Value',
  derived: 'derived',
  unknown: 'unknown',
  met: 'met',
  notMet: 'not met',
  test: 'Test',
  notInForce: 'not in force',
  availability: { shipping: 'Shipping', reported: 'Reported', discontinued: 'Discontinued' },
  chinaSpecific: 'Made for the China market',
};

export type UiStrings = typeof en;

const zh: UiStrings = {
  since: '起始',
  noRuleYet: '尚无规则适用',
  conditions: '条件',
  events: '管制事件',
  watch: '值得关注',
  noEvents: '暂无管制事件记录。',
  whyControlled: '为何受管制',
  spec: '指标',
  value: '数值',
  derived: '推算',
  unknown: '未知',
  met: '达到',
  notMet: '未达到',
  test: '测试',
  notInForce: '未生效',
  availability: { shipping: '在售', reported: '据报道', discontinued: '已停产' },
  chinaSpecific: '中国市场特供',
};

export function uiStrings(lang: Lang): UiStrings {
  return lang === 'zh' ? zh : en;
}
