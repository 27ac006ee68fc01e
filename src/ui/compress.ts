import zlib from 'node:zlib';

/** Pages below this size go as they are: the headers would outweigh the saving. */
const MIN_BYTES = 1024;

/**
 * Compresses a rendered page in one synchronous call. A page is a few KB of HTML: a streaming
 * compressor per response cost more than the compression itself (≈0.8 ms per page, measured
 * with scripts/profile-page.ts), while brotli at quality 4 or gzip at level 4 takes a few tenths
 * of that and compresses nearly as well.
 */
export function compressForClient(html: string, acceptEncoding: string | undefined): { encoding?: 'br' | 'gzip'; body: string | Buffer } {
  if (!acceptEncoding || Buffer.byteLength(html) < MIN_BYTES) return { body: html };
  if (/\bbr\b/.test(acceptEncoding)) {
    return { encoding: 'br', body: zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }) };
  }
  if (/\bgzip\b/.test(acceptEncoding)) return { encoding: 'gzip', body: zlib.gzipSync(html, { level: 4 }) };
  return { body: html };
}
