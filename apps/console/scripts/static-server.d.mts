export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

/** One file sent: the request path, the bytes on the wire, and `br` / `gzip` for a precompressed copy. */
export interface SentFile {
  path: string;
  bytes: number;
  encoding?: 'br' | 'gzip';
}

export function startStaticServer(opts: { root: string; port?: number; host?: string; onResponse?: (sent: SentFile) => void }): Promise<StaticServer>;
