import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
const f = process.argv[2];
const pg = await PGlite.create({ loadDataDir: new Blob([readFileSync(f)], { type: 'application/x-tar' }) });
console.log((await pg.query("select * from private.deferred_indexes")).rows);
let t = performance.now();
const defs = (await pg.query("select definition from private.deferred_indexes")).rows;
for (const d of defs) { const t0 = performance.now(); await pg.exec(d.definition); console.log(Math.round(performance.now()-t0), d.definition.slice(0,80)); }
console.log('all', Math.round(performance.now()-t));
console.log((await pg.query("select relname, pg_relation_size(oid) from pg_class where relname like 'hotline%' order by 2 desc limit 12")).rows);
