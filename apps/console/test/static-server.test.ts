import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../scripts/static-server.mjs';

/** The static server of `pnpm start`, over real HTTP with raw request paths (no client normalisation). */
let root: string;
let server: StaticServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fazhi-static-'));
  writeFileSync(join(root, 'index.html'), '<div id="root"></div>');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'a..b.js'), 'two dots');
  // Outside the served folder: must never be served.
  writeFileSync(join(root, '..', `${root.split('/').pop()}-secret.txt`), 'secret');
  server = await startStaticServer({ root });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(`${root}-secret.txt`, { force: true });
});

/** GET with the path sent exactly as given. */
function get(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
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
});
