// A small static server for the built console (dist/): correct types for wasm and the snapshot,
// long caching for content-hashed files, index.html for client-side routes. Node only, no deps.
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

/** Serves `root` on `host:port` (port 0 = any free one); resolves once listening. */
export function startStaticServer({ root, port = 0, host = '127.0.0.1' }) {
  const base = resolve(root);
  const index = join(base, 'index.html');
  if (!existsSync(index)) throw new Error(`找不到 ${index}：请先构建控制台（pnpm --filter @fazhi/console build）`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base + sep) && file !== base) {
      res.writeHead(403).end();
      return;
    }
    // Client-side routes (/mediation/…) get the app; missing files with an extension get 404.
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (extname(path)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
        return;
      }
      file = index;
    }
    const hashed = path.startsWith('/assets/') || /\/demo\/fazhi-demo-[0-9a-f]+\./.test(path);
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
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
