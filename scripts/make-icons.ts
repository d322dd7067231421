// Draws ChipLens's icon (a chip with pins, seen through a lens ring) into public/icon-<size>.png,
// the names WXT finds and puts in the manifest. Shapes are sampled 4×4 per pixel for smooth
// edges; the PNG is written with node:zlib, so no image library is needed.
//   npx tsx scripts/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
type RGBA = [number, number, number, number];

const NAVY: RGBA = [22, 44, 84, 255];
const CHIP: RGBA = [240, 244, 250, 255];
const AMBER: RGBA = [245, 166, 35, 255];

/** What covers point (x, y) of the unit square, top layer last. */
function paint(x: number, y: number): RGBA | null {
  const inRoundedSquare = (cx: number, cy: number, half: number, r: number): boolean => {
    const dx = Math.max(Math.abs(x - cx) - (half - r), 0);
    const dy = Math.max(Math.abs(y - cy) - (half - r), 0);
    return dx * dx + dy * dy <= r * r;
  };
  let colour: RGBA | null = null;
  if (inRoundedSquare(0.5, 0.5, 0.5, 0.18)) colour = NAVY;
  // Pins: four on each side of the chip body.
  for (let i = 0; i < 4; i++) {
    const p = 0.31 + i * 0.127;
    const onPin = (a: number, b: number): boolean => Math.abs(a - p) < 0.035 && b > 0.14 && b < 0.86;
    if (onPin(x, y) || onPin(y, x)) colour = CHIP;
  }
  if (inRoundedSquare(0.5, 0.5, 0.27, 0.05)) colour = CHIP;
  // The lens: an amber ring with a navy core, in the chip's middle.
  const d = Math.hypot(x - 0.5, y - 0.5);
  if (d < 0.17) colour = AMBER;
  if (d < 0.1) colour = NAVY;
  return colour;
}

function render(size: number): Buffer {
  const S = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = paint((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) sum[k]! += c[k]! * c[3];
          sum[3]! += c[3];
        }
      }
      const a = sum[3]!;
      const o = 1 + px * 4;
      if (a > 0) for (let k = 0; k < 3; k++) row[o + k] = Math.round(sum[k]! / a);
      row[o + 3] = Math.round(a / (S * S));
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon-${size}.png`, render(size));
console.log(`wrote public/icon-{${SIZES.join(',')}}.png`);
