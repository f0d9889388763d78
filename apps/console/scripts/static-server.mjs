// A small static server for the built console (dist/): correct types for wasm and the snapshot,
// long caching for content-hashed files, index.html for client-side routes, and the brotli or
// gzip copy a build writes beside a file (scripts/precompress.mjs) to browsers that accept it.
// Node only, no deps.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.tar': 'application/x-tar',
  '.gz': 'application/gzip',
  '.woff2': 'font/woff2',
};

function statOrNull(file) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Precompressed copies, best first: `<file>.br`, `<file>.gz`, chosen by the request's Accept-Encoding. */
const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

/** Whether an Accept-Encoding header allows `name` (listed without `;q=0`, or `*`). */
function accepts(header, name) {
  return String(header ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(([coding, ...params]) => (coding === name || coding === '*') && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)));
}

/**
 * Serves `root` on `host:port` (port 0 = any free one); resolves once listening. `onResponse`, when
 * given, hears of every file sent (path, bytes on the wire, encoding), for benchmarks.
 */
export function startStaticServer({ root, port = 0, host = '127.0.0.1', onResponse }) {
  const base = resolve(root);
  const index = join(base, 'index.html');
  if (!existsSync(index)) throw new Error(`找不到 ${index}：请先构建控制台（pnpm --filter @fazhi/console build）`);
  const server = createServer((req, res) => {
    try {
      serve(req, res);
    } catch {
      // Whatever one request does wrong, the server answers it and keeps serving the others.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('服务器内部错误');
    }
  });

  /** The file a request path names inside `base`, or null when the path is malformed or leaves it. */
  const fileFor = (rawUrl = '/') => {
    let path;
    let sent;
    try {
      path = decodeURIComponent(new URL(rawUrl, 'http://x').pathname);
      // As sent, before the URL parser quietly resolves `..`: a request that tries is refused.
      sent = decodeURIComponent(rawUrl.split('?')[0]);
    } catch {
      return null; // bad percent-encoding, e.g. /%E0%A4%A
    }
    // NUL cannot be in a file name; `..` segments (also encoded, %2E%2E%2F) try to leave `base`.
    if (sent.includes('\0') || sent.split('/').includes('..')) return null;
    const file = normalize(join(base, path));
    if (!file.startsWith(base + sep) && file !== base) return null;
    return { path, file };
  };

  const serve = (req, res) => {
    const target = fileFor(req.url);
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('请求地址无效');
      return;
    }
    const { path } = target;
    let file = target.file;
    let info = statOrNull(file);
    // Client-side routes (/mediation/…) get the app; missing files with an extension get 404.
    if (!info || info.isDirectory()) {
      if (extname(path)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
        return;
      }
      file = index;
      info = statSync(file);
    }
    const hashed = path.startsWith('/assets/') || /\/demo\/fazhi-(demo|empty|homes)-[0-9a-f]+\./.test(path);
    const type = types[extname(file)] ?? 'application/octet-stream';
    // The same content, smaller: the type stays the file's own, the encoding says how it travels.
    let encoding;
    for (const e of encodings) {
      const copy = accepts(req.headers['accept-encoding'], e.name) ? statOrNull(file + e.suffix) : null;
      if (copy?.isFile()) {
        file += e.suffix;
        info = copy;
        encoding = e.name;
        break;
      }
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': info.size,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      // Caches must keep the encodings apart: a proxy may not give the br copy to a client without br.
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    onResponse?.({ path, bytes: req.method === 'HEAD' ? 0 : info.size, encoding });
    if (req.method === 'HEAD') res.end();
    // A file that vanishes or cannot be read mid-response ends that response, not the server.
    else createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({
        url: `http://${host}:${address.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
