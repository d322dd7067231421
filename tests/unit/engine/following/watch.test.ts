// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { watchChanges, type ChangeSink } from '../../../../engine/following/watch';
import { manualSession } from '../manual-session';

interface Batch {
  roots: Node[];
  all: boolean;
  attributes: Element[];
}

/** What the watcher hands on after `change`: it waits for the idle callback the change asks for. */
async function changes(html: string, change: () => void): Promise<Batch> {
  document.body.innerHTML = html;
  const batch: Batch = { roots: [], all: false, attributes: [] };
  const sink: ChangeSink = {
    rescan: (roots) => void batch.roots.push(...roots),
    rescanAll: () => void (batch.all = true),
    attributesChanged: (els) => void batch.attributes.push(...els),
  };
  const session = manualSession();
  const watcher = watchChanges(session, sink);
  watcher.observe(document);
  change();
  await session.scheduled(); // the observer saw the change and asked for an idle moment
  session.runAll();
  watcher.disconnect();
  return batch;
}

const $ = (selector: string) => document.querySelector(selector)!;
afterEach(() => void (document.body.innerHTML = ''));

describe('watchChanges', () => {
  test('an added block is re-read on its own, not its parent', async () => {
    const batch = await changes('<main><p>old</p></main>', () => {
      const p = document.createElement('p');
      p.id = 'new';
      $('main').append(p);
    });
    expect(batch.roots).toEqual([$('#new')]);
  });

  test('text added or changed inside inline tags re-reads the block around it', async () => {
    const batch = await changes('<p id="p">The <b id="b">H2</b>00</p>', () => {
      ($('#b').firstChild as Text).data = 'GB3';
      $('#b').append(' more');
    });
    expect(new Set(batch.roots)).toEqual(new Set([$('#p')]));
  });

  test('a ticker rewriting a few cells thousands of times re-reads those cells, not the whole page', async () => {
    const batch = await changes('<table><tr><td id="a">1</td><td id="b">2</td></tr></table>', () => {
      const [a, b] = [$('#a').firstChild as Text, $('#b').firstChild as Text];
      for (let i = 0; i < 3000; i++) (i % 2 ? a : b).data = String(i);
    });
    expect(batch.all).toBe(false);
    expect(new Set(batch.roots)).toEqual(new Set([$('#a'), $('#b')]));
  });

  test('removed inline text re-reads its block; a removed block needs no reading', async () => {
    const batch = await changes('<div id="d"><p id="gone">x</p>a <i id="i">b</i></div>', () => {
      $('#gone').remove();
      $('#i').remove();
    });
    expect(batch.roots).toEqual([$('#d')]);
  });

  test("ChipLens's own card host is ignored", async () => {
    const batch = await changes('<p>x</p>', () => {
      const card = document.createElement('chiplens-card');
      document.documentElement.append(card);
      card.append('H20');
      card.remove();
    });
    expect(batch.roots).toEqual([]);
  });

  test('past 1000 added nodes the whole page is re-read', async () => {
    const batch = await changes('<main></main>', () => {
      for (let i = 0; i < 1001; i++) $('main').append(document.createElement('p'));
    });
    expect(batch.all).toBe(true);
  });

  test('attribute changes that can reveal hidden text are passed on', async () => {
    const batch = await changes('<p id="p" hidden>H20</p>', () => $('#p').removeAttribute('hidden'));
    expect(batch.attributes).toEqual([$('#p')]);
  });
});
