/** A file download: Chinese file names survive (RFC 5987), and nothing is cached on shared machines. */
export function fileResponse(file: { body: Uint8Array<ArrayBuffer> | string; contentType: string; filename: string }): Response {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
