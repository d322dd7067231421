// The extension has an icon at every size the stores and browsers ask for (Chrome Web Store 128,
// toolbar 16/32, Firefox 48/96), as real PNGs of that size that WXT puts in the manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './source-files';

const SIZES = [16, 32, 48, 96, 128];

it.each(SIZES)('public/icon-%i.png is a %i px square PNG', (size) => {
  const png = readFileSync(join(ROOT, 'public', `icon-${size}.png`));
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
});
