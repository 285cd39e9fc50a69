// Serves a built folder on 127.0.0.1 and opens it in the default browser.
// Usage: node scripts/serve.mjs <folder> [port]
import { spawn } from 'node:child_process';
import { startStaticServer } from './static-server.mjs';

const [dir = 'dist', port = '8080'] = process.argv.slice(2);
const { url } = await startStaticServer(dir, { port: Number(port) });
console.log(`Dondoc is served at ${url}  (single file for disk use: ${dir}/dondoc.html)`);
console.log('Press Ctrl+C to stop.');
const opener = { darwin: 'open', win32: 'explorer' }[process.platform] || 'xdg-open';
spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => {
  console.log(`Open ${url} in your browser.`);
});
