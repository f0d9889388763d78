export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

export function startStaticServer(opts: { root: string; port?: number; host?: string }): Promise<StaticServer>;
