import jsQR from 'jsqr';

/**
 * Decoding QR codes without a canvas: draw a module grid into an RGBA buffer by hand and hand it to
 * jsQR, the same decoder a phone-camera web app would use.
 */

const PIXELS_PER_MODULE = 4;

/** Decodes a grid of dark (true) and light modules, quiet zone included. */
export function decodeGrid(grid: boolean[][]): string | null {
  const side = grid.length * PIXELS_PER_MODULE;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  grid.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = r * PIXELS_PER_MODULE; y < (r + 1) * PIXELS_PER_MODULE; y++) {
        for (let x = c * PIXELS_PER_MODULE; x < (c + 1) * PIXELS_PER_MODULE; x++) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }),
  );
  return jsQR(rgba, side, side)?.data ?? null;
}

/** A blank grid of `size` modules a side. */
export function blankGrid(size: number): boolean[][] {
  return Array.from({ length: size }, () => Array<boolean>(size).fill(false));
}

/**
 * Reads back the `qrcode` package's SVG: a viewBox in modules and one stroked path of horizontal runs
 * (`M x y.5` starts a row, `m dx 0` skips light modules, `h n` paints n dark ones).
 */
export function gridFromSvg(svg: string): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !path) throw new Error('Not an SVG from the qrcode package');
  const grid = blankGrid(size);
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path.matchAll(/([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const first = Number(a);
    if (command === 'M') [x, y] = [first, Math.floor(Number(b))];
    else if (command === 'm') [x, y] = [x + first, y + Math.floor(Number(b))];
    else if (command === 'h') {
      for (let i = 0; i < first; i++) grid[y]![x + i] = true;
      x += first;
    }
  }
  return grid;
}
