/**
 * A first visit's download counted in the bytes that cross the network. A precompressed file
 * (brotli or gzip) is read by the page already inflated, so its bytes read are scaled by the
 * file's own ratio of bytes sent (Content-Length of the encoded body) to bytes inflated; a file
 * sent as it is counts as read.
 */
export interface ArrivingFile {
  /** Bytes read so far, inflated. */
  read: number;
  /** The file's whole size inflated (as the build wrote it). */
  inflated: number;
  /** What the server sends for it (Content-Length); unknown (no length, or sent on the fly): the inflated size. */
  sent?: number;
}

export function arrivedBytes(files: readonly ArrivingFile[]): { loaded: number; total: number } {
  let loaded = 0;
  let total = 0;
  for (const f of files) {
    const sent = f.sent ?? f.inflated;
    total += sent;
    loaded += f.inflated > 0 ? Math.min(sent, (f.read * sent) / f.inflated) : 0;
  }
  return { loaded: Math.round(loaded), total };
}

/**
 * What a response sends for its body: Content-Length when the body is encoded (the browser
 * inflates it); undefined when it is not (the bytes read are the bytes sent) or the length is unknown.
 */
export function encodedLength(headers: Headers): number | undefined {
  const encoding = headers.get('content-encoding');
  const length = Number(headers.get('content-length'));
  return encoding && encoding !== 'identity' && Number.isFinite(length) && length > 0 ? length : undefined;
}
