/** Small files that file-type recognises by their first bytes, for the media tests. */

function filled(header: number[] | Uint8Array, size: number, fill = 0x41): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set(header, 0);
  return bytes;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function be32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

/** An ISO-BMFF file whose `ftyp` box names `brand`, followed by an `mdat` box of patterned bytes. */
function isoFile(brand: string, size: number): Uint8Array {
  const ftyp = [...be32(20), ...ascii('ftyp'), ...ascii(brand), ...be32(0x200), ...ascii('isom')];
  const mdat = [...be32(size - ftyp.length), ...ascii('mdat')];
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 251;
  bytes.set([...ftyp, ...mdat], 0);
  return bytes;
}

/** A "video" (MP4, brand isom): every byte after the header is `i % 251`, so ranges can be checked. */
export function fakeMp4(size = 64 * 1024): Uint8Array {
  return isoFile('isom', size);
}

export function fakeM4a(size = 8 * 1024): Uint8Array {
  return isoFile('M4A ', size);
}

/** MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) with an ID3v2 tag in front. */
export function fakeMp3(size = 16 * 1024): Uint8Array {
  const id3 = [...ascii('ID3'), 4, 0, 0, 0, 0, 0, 0];
  const bytes = new Uint8Array(size);
  bytes.set(id3, 0);
  for (let i = id3.length; i + 4 <= size; i += 417) bytes.set([0xff, 0xfb, 0x90, 0x64], i);
  return bytes;
}

export function fakeWav(size = 8 * 1024): Uint8Array {
  return filled([...ascii('RIFF'), ...be32(size - 8).reverse(), ...ascii('WAVEfmt ')], size, 0);
}

export function fakeWebm(size = 8 * 1024): Uint8Array {
  // EBML header with DocType "webm".
  return filled([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, ...ascii('webm'), 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02], size, 0);
}

/** The ELF magic of a Linux executable. */
export function fakeElf(size = 8 * 1024): Uint8Array {
  return filled([0x7f, ...ascii('ELF'), 2, 1, 1, 0], size, 0);
}

/** A one-page PDF with a line of text. */
export function tinyPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 24 Tf 40 100 Td (Jiangtang PDF) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
