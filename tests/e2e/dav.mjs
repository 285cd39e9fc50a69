// A real WebDAV server for the shared-folder tests: Debian's Apache with mod_dav, started on
// 127.0.0.1 with a configuration of its own (nothing of the machine's Apache is used but its
// modules). It serves the built app three times:
//   /rw/  writable with WebDAV (the office's shared folder next to the app),
//   /ro/  read-only (a server that forbids writing),
//   /dr/  writable, but the app's folder only: its shared file's name points into a folder
//         that does not exist.
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist } from './helpers.mjs';

export const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export async function startDav() {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-dav-'));
  chmodSync(dir, 0o755);
  const www = join(dir, 'www');
  for (const folder of ['rw', 'ro', 'dr']) {
    mkdirSync(join(www, folder), { recursive: true });
    cpSync(dist, join(www, folder), { recursive: true });
  }
  mkdirSync(join(dir, 'lock'));
  const port = await freePort();
  const modules = ['mpm_event', 'authz_core', 'mime', 'dir', 'dav', 'dav_fs', 'headers']
    .map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`).join('\n');
  const conf = `
ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile "${dir}/httpd.pid"
Mutex file:${dir}
${modules}
${asRoot ? 'User www-data\nGroup www-data' : ''}
TypesConfig /etc/mime.types
AddType application/wasm .wasm
ErrorLog "${dir}/error.log"
LogLevel warn
DocumentRoot "${www}"
<Directory />
  AllowOverride None
  Require all denied
</Directory>
DirectoryIndex index.html
DavLockDB "${dir}/lock/DavLock"
FileETag MTime Size
<Directory "${www}">
  Require all granted
  Options None
  AllowOverride None
  Header set Cache-Control "no-cache"
</Directory>
<Location "/rw/">
  Dav On
</Location>
<Location "/dr/">
  Dav On
</Location>
<Location "/ro/">
  <LimitExcept GET HEAD OPTIONS>
    Require all denied
  </LimitExcept>
</Location>
`;
  writeFileSync(join(dir, 'httpd.conf'), conf);
  if (asRoot) execFileSync('chown', ['-R', 'www-data:www-data', www, join(dir, 'lock')]);
  const child = spawn(APACHE, ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/rw/index.html`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (i > 100) {
      child.kill('SIGTERM');
      const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
      throw new Error(`Apache did not start: ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    dir,
    url: (folder) => `${base}/${folder}/`,
    path: (folder, name = 'dondoc-data.json') => join(www, folder, name),
    read: (folder, name = 'dondoc-data.json') => {
      const p = join(www, folder, name);
      return existsSync(p) ? readFileSync(p, 'utf8') : null;
    },
    write: (folder, text, name = 'dondoc-data.json') => {
      const p = join(www, folder, name);
      writeFileSync(p, text);
      if (asRoot) execFileSync('chown', ['www-data:www-data', p]);
    },
    remove: (folder, name = 'dondoc-data.json') => rmSync(join(www, folder, name), { force: true }),
    errors: () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''),
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
