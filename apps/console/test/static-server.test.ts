import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { precompressFile } from '../scripts/precompress.mjs';
import { startStaticServer, type SentFile, type StaticServer } from '../scripts/static-server.mjs';

/** The static server of `pnpm start`, over real HTTP with raw request paths (no client normalisation). */
let root: string;
let server: StaticServer;
const sent: SentFile[] = [];
/** Compresses well: the build writes .br and .gz copies of it. */
const bigScript = `export const rows = [${Array.from({ length: 2000 }, (_, i) => `{ id: ${i}, name: '第${i}号' }`).join(', ')}];`;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fazhi-static-'));
  writeFileSync(join(root, 'index.html'), '<div id="root"></div>');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'a..b.js'), 'two dots');
  // Outside the served folder: must never be served.
  writeFileSync(join(root, '..', `${root.split('/').pop()}-secret.txt`), 'secret');
  writeFileSync(join(root, 'assets', 'big.js'), bigScript);
  expect((await precompressFile(join(root, 'assets', 'big.js'), { cacheDir: undefined })).map((w) => w.split(' ')[0])).toEqual(['.br', '.gz']);
  // Too small to be worth a copy.
  expect(await precompressFile(join(root, 'assets', 'app.js'), { cacheDir: undefined })).toEqual([]);
  server = await startStaticServer({ root, onResponse: (f) => sent.push(f) });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(`${root}-secret.txt`, { force: true });
});

/** GET with the path sent exactly as given. */
function get(path: string): Promise<{ status: number; body: string }> {
  return getRaw(path).then(({ status, body }) => ({ status, body: body.toString('utf8') }));
}

/** GET with the path and headers as given; the body as sent (not decoded). */
function getRaw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  test('serves files, client routes and names with two dots', async () => {
    expect(await get('/assets/app.js')).toEqual({ status: 200, body: 'console.log(1)' });
    expect(await get('/assets/a..b.js')).toEqual({ status: 200, body: 'two dots' });
    expect((await get('/mediation/cases')).body).toContain('id="root"');
    expect((await get('/assets/none.js')).status).toBe(404);
  });

  test('answers malformed and escaping paths with 400 and keeps running', async () => {
    const name = `${root.split('/').pop()}-secret.txt`;
    for (const path of ['/%E0%A4%A', '/%', '/%00', '/assets/app.js%00.html', '/../' + name, '/..%2F' + name, '/%2E%2E/' + name, '/assets/%2e%2e/%2e%2e/' + name]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.body, path).toBe('请求地址无效');
    }
    expect(await get('/assets/app.js')).toEqual({ status: 200, body: 'console.log(1)' });
  });

  test('sends the brotli or gzip copy a browser accepts, with the file\'s own type, and the file itself otherwise', async () => {
    const br = await getRaw('/assets/big.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(bigScript.length / 4);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(bigScript);

    const gz = await getRaw('/assets/big.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(bigScript);

    // br refused with q=0: gzip; nothing accepted: the file as it is.
    expect((await getRaw('/assets/big.js', { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    const plain = await getRaw('/assets/big.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(bigScript);
    // A file without copies is sent as it is to any browser.
    const small = await getRaw('/assets/app.js', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString('utf8')).toBe('console.log(1)');
    expect(sent.filter((f) => f.path === '/assets/big.js').map((f) => f.encoding)).toEqual(['br', 'gzip', 'gzip', undefined]);
    expect(sent.find((f) => f.encoding === 'br')?.bytes).toBe(br.body.length);
  });
});
