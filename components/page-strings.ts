// The popup's and the options page's own words in English and Chinese, with the card's
// (ui-strings.ts): the content script, which shows only the card, does not carry these.
import type { Lang } from '../rules/card-model';
import { statusLabel } from '../rules/labels';
import type { StatusCode } from '../rules/schema';
import { uiStrings, type UiStrings } from './ui-strings';

const en = {
  searchLabel: 'Look up a chip',
  searchPlaceholder: 'e.g. H20, MI308X, 英伟达H20',
  searching: 'Looking up…',
  notFound: (q: string) => `No chip called “${q}” in the dataset.`,
  found: (name: string) => `Found ${name}.`,
  didYouMean: (q: string) => `No chip called “${q}”. Did you mean:`,
  suggestionsHint: (n: number) => (n === 1 ? '1 name to try below.' : `${n} names to try below.`),
  onThisPage: 'On this page',
  statusFor: (destination: string) => `Status for ${destination}, today`,
  /** A status in two or three words, for badges in lists. */
  statusShort: {
    'not-controlled': 'No licence needed',
    licensed: 'Licences granted',
    'case-by-case': 'Case by case',
    denied: 'Not allowed',
    unknown: 'Unknown',
  } as Record<StatusCode, string>,
  /** A status in full, for the headings of the browse list. */
  statusName: (status: StatusCode) => statusLabel(status, 'en'),
  browseAll: (n: number) => `All ${n} chips, by status`,
  chipsInGroup: (n: number) => (n === 1 ? '1 chip' : `${n} chips`),
  changeFocus: 'Change the destination in Settings',
  nothingOnPage: 'No chips marked on this page.',
  marks: (n: number) => (n === 1 ? '1 mark' : `${n} marks`),
  markOn: (host: string) => `Mark chips on ${host}`,
  notRunning: 'ChipLens doesn’t run on this page.',
  settings: 'Settings',
  optionsTitle: 'ChipLens settings',
  language: 'Language',
  langAuto: 'Auto (the page’s, then the browser’s)',
  langHint: 'Auto: a Chinese or English page in its own language, any other in the browser’s.',
  destination: 'Destination of interest',
  destinationHint: 'Cards and the popup lead with the status for this destination.',
  hoverDelay: 'Delay before a card opens on hover (ms)',
  markInCode: 'Also mark chip names inside code blocks',
  offSites: 'Sites where marking is off',
  noOffSites: 'None: ChipLens marks chips on every site.',
  remove: (host: string) => `Turn marking back on for ${host}`,
  removeShort: 'Remove',
  dataTitle: 'Export-control data',
  dataVersion: (version: string, asOf: string) => `Version ${version}, reviewed ${asOf}.`,
  checkedThrough: (date: string) => `Sources checked through ${date}.`,
  dataBundled: 'Bundled with this version of ChipLens.',
  dataUpdated: (when: string) => `Updated ${when} from the signed published copy.`,
  lastCheck: 'Last look for an update:',
  neverChecked: 'ChipLens looks for a signed update twice a day; it has not looked yet.',
  checkNow: 'Check now',
  checking: 'Checking…',
};

type PageOnly = typeof en;
export type PageStrings = UiStrings & PageOnly;

const zh: PageOnly = {
  searchLabel: '查询芯片',
  searchPlaceholder: '如 H20、MI308X、英伟达H20',
  searching: '查询中…',
  notFound: (q) => `数据集中没有名为“${q}”的芯片。`,
  found: (name) => `找到 ${name}。`,
  didYouMean: (q) => `没有名为“${q}”的芯片。您是不是要找：`,
  suggestionsHint: (n) => `下方有 ${n} 个相近名称可选。`,
  onThisPage: '本页芯片',
  statusFor: (destination) => `今日对${destination}的状态`,
  statusShort: {
    'not-controlled': '无需许可证',
    licensed: '已发放许可',
    'case-by-case': '逐案审查',
    denied: '不予放行',
    unknown: '未知',
  },
  statusName: (status) => statusLabel(status, 'zh'),
  browseAll: (n) => `按状态浏览全部 ${n} 款芯片`,
  chipsInGroup: (n) => `${n} 款`,
  changeFocus: '在设置中更改目的地',
  nothingOnPage: '本页没有标记的芯片。',
  marks: (n) => `${n} 处`,
  markOn: (host) => `在 ${host} 上标记芯片`,
  notRunning: 'ChipLens 不在此页面运行。',
  settings: '设置',
  optionsTitle: 'ChipLens 设置',
  language: '语言',
  langAuto: '自动（先按网页，再按浏览器）',
  langHint: '自动：中文或英文网页用网页的语言，其他网页用浏览器的语言。',
  destination: '关注的目的地',
  destinationHint: '卡片和弹出窗口首先显示对此目的地的状态。',
  hoverDelay: '悬停后打开卡片的延迟（毫秒）',
  markInCode: '也标记代码块中的芯片名称',
  offSites: '已关闭标记的网站',
  noOffSites: '无：ChipLens 在所有网站上标记芯片。',
  remove: (host) => `重新在 ${host} 上标记`,
  removeShort: '移除',
  dataTitle: '出口管制数据',
  dataVersion: (version, asOf) => `版本 ${version}，审阅于 ${asOf}。`,
  checkedThrough: (date) => `资料核查截至 ${date}。`,
  dataBundled: '随此版本的 ChipLens 附带。',
  dataUpdated: (when) => `已于 ${when} 从签名发布的副本更新。`,
  lastCheck: '上次检查更新：',
  neverChecked: 'ChipLens 每天检查两次签名更新，目前尚未检查。',
  checkNow: '立即检查',
  checking: '正在检查…',
};

export function pageStrings(lang: Lang): PageStrings {
  return { ...uiStrings(lang), ...(lang === 'zh' ? zh : en) };
}
