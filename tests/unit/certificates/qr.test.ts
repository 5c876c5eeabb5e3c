import { describe, expect, test } from 'vitest';
import { createQrMatrix, QR_QUIET_ZONE_MODULES, renderQrSvg } from '../../../src/lib/certificates/qr.ts';
import { blankGrid, decodeGrid, gridFromSvg } from './qr-raster.ts';

const URL = 'https://jiangtang.example.cn/verify/7K3M-QX9D-2HFA';

describe('createQrMatrix', () => {
  test('encodes the verification URL so that a QR decoder reads it back', () => {
    const matrix = createQrMatrix(URL);
    const grid = blankGrid(matrix.size + 2 * QR_QUIET_ZONE_MODULES);
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) grid[row + QR_QUIET_ZONE_MODULES]![col + QR_QUIET_ZONE_MODULES] = matrix.isDark(row, col);
    }
    expect(decodeGrid(grid)).toBe(URL);
  });

  test('fits a typical verification URL in a version 4 symbol (33 modules) at level M', () => {
    expect(createQrMatrix(URL).size).toBe(33);
  });

  test('has the three finder patterns in the corners', () => {
    const { size, isDark } = createQrMatrix(URL);
    for (const [row, col] of [[0, 0], [0, size - 7], [size - 7, 0]] as const) {
      expect(isDark(row, col) && isDark(row + 6, col + 6) && isDark(row + 3, col + 3)).toBe(true);
      expect(isDark(row + 1, col + 1)).toBe(false);
    }
  });
});

describe('renderQrSvg', () => {
  test('is a standalone SVG sized by CSS, quiet zone included', async () => {
    const svg = await renderQrSvg(URL);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 41 41"/);
    expect(svg).not.toMatch(/width=|<script|on\w+=/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  test('draws the same symbol as the matrix, which decodes to the URL', async () => {
    const grid = gridFromSvg(await renderQrSvg(URL));
    const matrix = createQrMatrix(URL);
    expect(grid[QR_QUIET_ZONE_MODULES + 10]!.slice(QR_QUIET_ZONE_MODULES, -QR_QUIET_ZONE_MODULES)).toEqual(
      Array.from({ length: matrix.size }, (_, col) => matrix.isDark(10, col)),
    );
    expect(decodeGrid(grid)).toBe(URL);
  });
});
