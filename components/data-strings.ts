// The options page's data-section words. Apart from ui-strings.ts, which the content script
// bundles for the card: these are only the options page's, and that script is kept small.
import type { Lang } from '../rules/card-model';

const en = {
  dataTitle: 'Export-control data',
  dataVersion: (version: string, asOf: string) => `Version ${version}, facts as of ${asOf}.`,
  dataBundled: 'Bundled with this version of ChipLens.',
  dataUpdated: (when: string) => `Updated ${when} from the signed published copy.`,
  lastCheck: 'Last look for an update:',
  neverChecked: 'ChipLens looks for a signed update twice a day; it has not looked yet.',
  checkNow: 'Check now',
  checking: 'Checking…',
};

export type DataStrings = typeof en;

const zh: DataStrings = {
  dataTitle: '出口管制数据',
  dataVersion: (version, asOf) => `版本 ${version}，资料截至 ${asOf}。`,
  dataBundled: '随此版本的 ChipLens 附带。',
  dataUpdated: (when) => `已于 ${when} 从签名发布的副本更新。`,
  lastCheck: '上次检查更新：',
  neverChecked: 'ChipLens 每天检查两次签名更新，目前尚未检查。',
  checkNow: '立即检查',
  checking: '正在检查…',
};

export const dataStrings = (lang: Lang): DataStrings => (lang === 'zh' ? zh : en);
