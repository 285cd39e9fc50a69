// A CouchDB-protocol server for the end-to-end tests: PouchDB Server in memory (pinned in
// package-lock.json) on a free port, given an admin, set up by `dondoc network setup` as
// an office's IT would; stopped by its process id.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './helpers.mjs';

function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

export async function startCouch() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-couch-'));
  // Through tests/pouchdb-server.cjs: one difference from CouchDB corrected (see there).
  const child = spawn(process.execPath, [join(root, 'tests/pouchdb-server.cjs'),
    '--in-memory', '--no-stdout-logs', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: dir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(url)).ok) break; } catch { /* not yet */ }
    if (i > 300) throw new Error('pouchdb-server never answered');
    await new Promise((r) => setTimeout(r, 100));
  }
  await fetch(`${url}/_config/admins/admin`, { method: 'PUT', body: '"secret"' });
  return { url, admin: `http://admin:secret@127.0.0.1:${port}`, dir, close: () => child.kill() };
}

/** `dondoc network setup` with two officers and the units of `data`: the units' accounts
 *  and passwords by unit name. */
export function setUp(couch, data) {
  const file = join(couch.dir, 'units.json');
  writeFileSync(file, JSON.stringify(data));
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'dondoc', '--', 'network', 'setup', couch.admin,
    '--db', 'dondoc', '--office', 'vanphong:mat-khau-1', '--office', 'vanphong2:mat-khau-2',
    '--units-from', file, '--app', 'http://127.0.0.1'], { cwd: root, encoding: 'utf8' });
  const units = {};
  for (const line of out.split('\n')) {
    const [unit, account, password] = line.split('\t');
    if (password && unit !== 'unit') units[unit] = { account, password };
  }
  return units;
}
