import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../../scripts/appPackage/drawIcons';

const FOLDER = path.resolve(__dirname, '../../../appPackage');
const readIcon = (name: string): PNG => PNG.sync.read(fs.readFileSync(path.join(FOLDER, name)));

function pixels(png: PNG): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < png.data.length; i += 4)
    out.push([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!]);
  return out;
}

describe('the app icons', () => {
  const color = readIcon('color.png');
  const outline = readIcon('outline.png');

  it('are 192x192 (colour) and 32x32 (outline)', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('outline: only white or fully transparent pixels', () => {
    const offenders = pixels(outline).filter(
      ([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255),
    );
    expect(offenders).toEqual([]);
  });

  it('outline: a real transparent background around a solid white symbol', () => {
    const alphas = pixels(outline).map(([, , , a]) => a);
    const transparent = alphas.filter((a) => a === 0).length / alphas.length;
    const solid = alphas.filter((a) => a === 255).length / alphas.length;
    expect(transparent).toBeGreaterThan(0.3);
    expect(solid).toBeGreaterThan(0.2);
    const corners = [0, 31, 32 * 31, 32 * 32 - 1].map((i) => alphas[i]);
    expect(corners).toEqual([0, 0, 0, 0]);
  });

  it('colour: fully opaque, no alpha holes, with a white symbol on the accent colour', () => {
    const all = pixels(color);
    expect(all.filter(([, , , a]) => a !== 255)).toEqual([]);
    expect(all[0]).toEqual([0x00, 0x5e, 0xb8, 255]);
    expect(all.filter(([r, g, b]) => r === 255 && g === 255 && b === 255).length).toBeGreaterThan(
      all.length * 0.1,
    );
  });

  it('are what scripts/makeIcons.ts draws (the committed files are not stale)', () => {
    expect(Buffer.compare(color.data, drawColorIcon().data)).toBe(0);
    expect(Buffer.compare(outline.data, drawOutlineIcon().data)).toBe(0);
  });
});
