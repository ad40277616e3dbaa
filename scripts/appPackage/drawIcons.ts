import { PNG } from 'pngjs';

/** NHS Blue: the colour icon's background and the manifest's accent colour. */
export const ACCENT_COLOUR = '#005EB8';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

interface Circle {
  cx: number;
  cy: number;
  r: number;
}

/** A head and a pair of shoulders (the top half of an ellipse standing on a common baseline). */
interface Figure {
  head: Circle;
  shoulders: { cx: number; rx: number; ry: number };
}

const BASELINE = 0.86;
const GAP = 0.045;
/** Two people side by side, the host in front and the visitor just behind: "come and see what I do". */
const HOST: Figure = { head: { cx: 0.62, cy: 0.34, r: 0.13 }, shoulders: { cx: 0.62, rx: 0.25, ry: 0.34 } };
const VISITOR: Figure = {
  head: { cx: 0.36, cy: 0.38, r: 0.11 },
  shoulders: { cx: 0.36, rx: 0.21, ry: 0.29 },
};
/** The symbol spans x 0.15-0.87 and y 0.21-0.86 in its own unit square; these centre it. */
const SYMBOL_CENTRE = { x: 0.51, y: 0.535 };
const SYMBOL_WIDTH = 0.72;
const SAMPLES = 4;

function insideFigure(figure: Figure, x: number, y: number, grow = 0): boolean {
  const { head, shoulders } = figure;
  const r = head.r + grow;
  if ((x - head.cx) ** 2 + (y - head.cy) ** 2 <= r * r) return true;
  if (y > BASELINE) return false;
  const rx = shoulders.rx + grow;
  const ry = shoulders.ry + grow;
  return ((x - shoulders.cx) / rx) ** 2 + ((y - BASELINE) / ry) ** 2 <= 1;
}

/** True where the symbol is drawn; the visitor is cut back where the host stands in front. */
export function insideSymbol(x: number, y: number): boolean {
  if (insideFigure(HOST, x, y)) return true;
  return insideFigure(VISITOR, x, y) && !insideFigure(HOST, x, y, GAP);
}

/** Share of a pixel the symbol covers (0..1), sampled on a small grid for smooth edges. */
function coverage(px: number, py: number, size: number, fill: number): number {
  const scale = SYMBOL_WIDTH / (fill * size);
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy += 1) {
    for (let sx = 0; sx < SAMPLES; sx += 1) {
      const x = SYMBOL_CENTRE.x + (px + (sx + 0.5) / SAMPLES - size / 2) * scale;
      const y = SYMBOL_CENTRE.y + (py + (sy + 0.5) / SAMPLES - size / 2) * scale;
      if (insideSymbol(x, y)) hits += 1;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** 192x192, fully opaque: a white symbol on NHS Blue, inside the central safe area Teams asks for. */
export function drawColorIcon(): PNG {
  const size = COLOR_ICON_SIZE;
  const png = new PNG({ width: size, height: size });
  const [br, bg, bb] = hexToRgb(ACCENT_COLOUR);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const c = coverage(px, py, size, 0.56);
      const i = (py * size + px) * 4;
      png.data[i] = Math.round(br + (255 - br) * c);
      png.data[i + 1] = Math.round(bg + (255 - bg) * c);
      png.data[i + 2] = Math.round(bb + (255 - bb) * c);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** 32x32: white only, on a transparent background; edges are softened with alpha, never with grey. */
export function drawOutlineIcon(): PNG {
  const size = OUTLINE_ICON_SIZE;
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const i = (py * size + px) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(coverage(px, py, size, 0.9) * 255);
    }
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}
