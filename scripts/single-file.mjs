// Writes dondoc.html: the built app as one self-contained file that starts from file://.
//
// Chromium refuses, on a page opened from disk, both the ES module script and the fetch of
// the .wasm that a normal build uses. What works: import the wasm-bindgen glue from a
// data: URL and hand the wasm bytes, decoded from inline base64, to init().
// Run by Trunk as a post-build hook (TRUNK_STAGING_DIR) or by hand with a dist folder.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const files = readdirSync(dir);
const js = files.find((f) => /^dondoc-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^dondoc-[0-9a-f]+_bg\.wasm$/.test(f));
if (!js || !wasm) {
  console.error(`single-file: glue or wasm not found in ${dir}: ${files.join(', ')}`);
  process.exit(1);
}
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const glue = readFileSync(join(dir, js)).toString('base64');
const bytes = readFileSync(join(dir, wasm)).toString('base64');

const loader = `<script type="module">
import init from 'data:text/javascript;base64,${glue}';
const b64 = '${bytes}';
const bin = atob(b64);
const bytes = new Uint8Array(bin.length);
for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
await init({ module_or_path: bytes });
</script>`;

// Drop Trunk's preload links and its loader script; put ours in their place.
let out = html
  .replace(/<link rel="modulepreload"[^>]*>/g, '')
  .replace(/<link rel="preload"[^>]*>/g, '');
const start = out.indexOf('<script type="module"');
const end = out.indexOf('</script>', start);
if (start < 0 || end < 0) {
  console.error('single-file: Trunk loader script not found in index.html');
  process.exit(1);
}
out = out.slice(0, start) + loader + out.slice(end + '</script>'.length);
writeFileSync(join(dir, 'dondoc.html'), out);
console.log(`single-file: wrote ${join(dir, 'dondoc.html')} (${Math.round(out.length / 1024)} KB)`);
