import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { distDir } from './browser.js';

/** `pnpm start`'s server, as a user starts it: the address and accounts it prints, what it serves. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

let output = '';
let stop: () => void = () => undefined;
let url = '';

beforeAll(async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [join(distDir, '../scripts/serve.mjs')], { env: { ...process.env, PORT: String(port) } });
  stop = () => child.kill();
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('Ctrl+C')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
  });
  url = output.match(/http:\/\/127\.0\.0\.1:\d+\//)![0];
}, 30_000);
afterAll(() => stop());

describe('pnpm start (scripts/serve.mjs)', () => {
  test('prints the address on 127.0.0.1 and every demo account with the password', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const who of ['supervisor', 'admin', 'mediation', 'legal-aid', 'viewer']) expect(output).toContain(`${who}@demo.fazhi.example`);
    expect(output).toContain('fazhi-demo-2024');
  });

  test('serves the app for client routes, wasm with its type, 404 for missing files, nothing outside dist', async () => {
    const route = await fetch(`${url}mediation/mediation-cases`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    const wasmFile = readdirSync(join(distDir, 'assets')).find((f) => f.startsWith('pglite') && f.endsWith('.wasm'))!;
    const wasm = await fetch(`${url}assets/${wasmFile}`, { method: 'HEAD' });
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const manifest = (await fetch(`${url}demo/manifest.json`).then((r) => r.json())) as { snapshot: string; shippedHomes: { file: string } };
    // Content-hashed: kept by the browser for good (the snapshot, and the demo accounts' first figures computed on it).
    for (const file of [manifest.snapshot, manifest.shippedHomes.file]) {
      const sent = await fetch(`${url}demo/${file}`, { method: 'HEAD' });
      expect(sent.status).toBe(200);
      expect(sent.headers.get('cache-control')).toContain('immutable');
    }
    expect((await fetch(`${url}assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${url}..%2F..%2Fpackage.json`)).status).not.toBe(200);
  });
});
