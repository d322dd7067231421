// @vitest-environment happy-dom
// The one climb up the tree: it follows the real parents, whatever a page's form fields are named.
import { expect, test } from 'vitest';
import { climb, parentElementOf, parentOf } from '../../../../engine/reading/dom';

test('a climb from inside a form whose fields are named parentNode and parentElement reaches the top', () => {
  document.body.innerHTML = '<main><form id="f"><input name="parentNode"><input name="parentElement"><p id="p">H20</p></form></main>';
  // What a browser does (happy-dom does not): the form's fields shadow its properties.
  const form = document.getElementById('f')!;
  for (const name of ['parentNode', 'parentElement']) {
    const field = form.querySelector(`[name=${name}]`);
    Object.defineProperty(form, name, { get: () => field });
  }
  const text = document.getElementById('p')!.firstChild!;
  const met: string[] = [];
  const top = climb(text, (n) => {
    met.push(n.nodeName);
    if (met.length > 20) throw new Error(`going round: ${met.join(' ')}`);
    return false;
  });
  expect(top).toBeNull();
  expect(met).toEqual(['#text', 'P', 'FORM', 'MAIN', 'BODY', 'HTML', '#document']);
  // Within the tree and by elements only, the same way up.
  expect(climb(text, (n) => n.nodeName === 'MAIN', parentOf)?.nodeName).toBe('MAIN');
  expect(climb(document.getElementById('f'), (n) => n.nodeName === 'BODY', parentElementOf)?.nodeName).toBe('BODY');
});

test('a climb crosses from a shadow root to its host, unless asked to stay in the tree', () => {
  document.body.innerHTML = '<section id="s"><div id="host"></div></section>';
  const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
  root.innerHTML = '<p>B300</p>';
  const inside = root.querySelector('p')!;
  const section = document.getElementById('s')!;
  expect(climb(inside, (n) => n === section)).toBe(section);
  expect(climb(inside, (n) => n === section, parentOf)).toBeNull();
});
