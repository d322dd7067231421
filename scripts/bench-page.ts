// Generates the benchmark's news page: thousands of English and Chinese paragraphs with inline
// tags, links, code blocks and a steady share of chip names, or the same page with every chip
// name replaced (the "no names" variant). Deterministic, so runs are comparable.

export interface BenchPageOptions {
  /** Chip names to mention (every name and alias from the dataset). Empty → the no-names page. */
  names: readonly string[];
  paragraphs: number;
  /** Seed for the deterministic generator. */
  seed?: number;
}

export interface BenchPage {
  html: string;
  /** How many chip names were written into the page's prose (outside code blocks). */
  mentions: number;
  paragraphs: number;
}

/** A small deterministic PRNG (mulberry32) so every run builds the same page. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// {chip} is replaced by a chip name (or a neutral word on the no-names page).
const EN = [
  'Officials said licences for the {chip} would be reviewed case by case, with <em>conditions on end use</em> and quarterly reporting.',
  'Analysts at <a href="https://example.com/research">a Hong Kong brokerage</a> estimate that shipments of the {chip} accelerator could reach several hundred thousand units next year.',
  'The data centre in the desert will run on a mix of solar power and grid electricity, operators said, and expects its first racks in the spring.',
  'Cloud providers have been renting capacity by the hour while they wait for deliveries, a practice that has pushed spot prices up by a third.',
  'According to a filing, the company booked a charge of several billion dollars on inventory of the <strong>{chip}</strong> it could no longer ship.',
  'Lawmakers from both parties wrote to the Commerce Department asking why the {chip} chip was treated differently from its predecessors.',
  'The memory bandwidth of the new part is the figure most buyers ask about, a sales engineer said, more than its peak arithmetic throughput.',
  'Some customers said they would rather wait for the next generation than buy the {chip} GPU at current prices.',
  'Smuggling cases in Singapore and Malaysia have raised questions about how exports are tracked once servers leave the factory.',
  'A spokesperson declined to comment on the timing of deliveries, citing <a href="https://example.com/policy">company policy</a>.',
];
const ZH = [
  '据知情人士透露，{chip}芯片的出口许可将逐案审批，并附带最终用途条件。',
  '分析师估计，明年<a href="https://example.com/zh/research">英伟达的{chip}芯片</a>出货量可能达到数十万颗。',
  '该数据中心位于沙漠地区，将使用太阳能与电网混合供电，预计明年春天部署首批机柜。',
  '多家云服务商在等待交付期间按小时出租算力，使现货价格上涨了约三分之一。',
  '公司在文件中披露，因无法出货的<strong>{chip}</strong>库存计提了数十亿美元的损失。',
  '国会两党议员联名致信商务部，询问为何对{chip}采取与前代产品不同的政策。',
  '一位销售工程师表示，买家最关心的是新产品的显存带宽，而不是峰值算力。',
  '部分客户表示，与其以现价购买{chip}，不如等待下一代产品。',
  '新加坡和马来西亚的走私案件引发了外界对服务器出厂后如何追踪的质疑。',
  '发言人以<a href="https://example.com/zh/policy">公司政策</a>为由，拒绝评论交付时间。',
];
const NEUTRAL = { en: 'new', zh: '新款' };

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function codeBlock(name: string): string {
  return `<pre><code>// device check\nif (gpu.model === "${escapeHtml(name)}") {\n  useSmallBatches();\n}</code></pre>`;
}

export function buildBenchPage({ names, paragraphs, seed = 20251208 }: BenchPageOptions): BenchPage {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const parts: string[] = [];
  let mentions = 0;
  for (let i = 0; i < paragraphs; i++) {
    const zh = i % 3 === 2; // a third of the page is Chinese
    const template = pick(zh ? ZH : EN);
    const sentence = template.replace(/\{chip\}/g, () => {
      if (names.length === 0) return zh ? NEUTRAL.zh : NEUTRAL.en;
      mentions++;
      return escapeHtml(pick(names));
    });
    const filler = pick(zh ? ZH : EN).replace(/\{chip\}/g, zh ? NEUTRAL.zh : NEUTRAL.en);
    if (i % 40 === 0) parts.push(`<h2>${zh ? '第' + (i / 40 + 1) + '节' : 'Section ' + (i / 40 + 1)}</h2>`);
    parts.push(`<p${zh ? ' lang="zh-CN"' : ''}>${sentence} ${filler}</p>`);
    if (i % 150 === 75) parts.push(codeBlock(names.length ? pick(names) : 'generic'));
  }
  const title = names.length ? 'Benchmark: chip news' : 'Benchmark: news without chip names';
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    '<style>body{font:16px/1.6 Georgia,serif;max-width:900px;margin:0 auto;padding:16px}' +
    'pre{background:#eee;padding:8px}</style></head><body><article>' +
    `<h1>${title}</h1>${parts.join('\n')}</article></body></html>`;
  return { html, mentions, paragraphs };
}
