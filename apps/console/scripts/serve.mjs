// `pnpm start`: serves the built console on 127.0.0.1 and prints where and how to sign in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const root = fileURLToPath(new URL('../dist', import.meta.url));
const wanted = Number(process.env.PORT ?? 4173);
let server;
for (let port = wanted; !server; port++) {
  try {
    server = await startStaticServer({ root, port });
  } catch (e) {
    if (e.code !== 'EADDRINUSE' || port > wanted + 20) throw e;
  }
}
const manifest = JSON.parse(readFileSync(join(root, 'demo/manifest.json'), 'utf8'));
console.log(`\n法治政府建设工作台已启动：${server.url}\n`);
console.log(`数据保存在浏览器本机（PGlite + IndexedDB），首次打开会载入演示数据。演示账号（密码均为 ${manifest.password}）：`);
for (const a of manifest.accounts) console.log(`  ${a.email.padEnd(32)} ${a.displayName}`);
console.log('\n按 Ctrl+C 停止。');
