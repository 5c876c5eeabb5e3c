import { DomainError } from '../errors.ts';

/**
 * Reads a request body into memory, refusing it (413) as soon as it passes the limit, whether the
 * client declared its length or not. A body cut short in transit is a 413 too (the server's own
 * request size limit ends the stream the same way).
 */
export async function readBodyBytes(request: Request, maxBytes: number, tooLarge = `请求内容过大（上限 ${maxBytes} 字节）。`): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new DomainError('payload_too_large', tooLarge);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new DomainError('payload_too_large', tooLarge);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('payload_too_large', '请求内容过大或传输中断。');
  }
  return new Uint8Array(Buffer.concat(chunks));
}
