// Writes dondoc.html: the built app as one self-contained file that starts from file://.
//
// Chromium refuses, on a page opened from disk, both the ES module script and the fetch of
// the .wasm that a normal build uses. What works: import the wasm-bindgen glue from a
// data: URL and hand init() the wasm compiled from inline gzipped base64 (below: in parts,
// compiled while the page is parsed).
// Run by Trunk as a post-build hook (TRUNK_STAGING_DIR) or by hand with a dist folder.
//
// Both pages also get a Content-Security-Policy (a <meta http-equiv>): nothing loads from
// outside the app and nothing connects anywhere but its own origin, enforced by the browser.
// Their inline scripts are allowed by their hashes; the wasm needs 'wasm-unsafe-eval'; the
// single file imports its glue from a data: URL, so only it allows data: scripts.
//
// index.html also starts compiling the wasm from the top of the page (compileEarly below).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const files = readdirSync(dir);
const js = files.find((f) => /^dondoc-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^dondoc-[0-9a-f]+_bg\.wasm$/.test(f));
if (!js || !wasm) {
  console.error(`single-file: glue or wasm not found in ${dir}: ${files.join(', ')}`);
  process.exit(1);
}
// A page this script already wrote has its policy and its early compile: drop them, so
// that running it again gives the same pages.
const TRUNK_INIT = `init({ module_or_path: './${wasm}' })`;
const EARLY_INIT = `init({ module_or_path: window.dondocWasm || './${wasm}' }).catch(window.dondocFailed)`;
const html = readFileSync(join(dir, 'index.html'), 'utf8')
  .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '')
  .replace(/\s*<script>window\.dondocWasm = [^<]*<\/script>/g, '')
  .replace(/init\(\{ module_or_path: window\.dondocWasm[^)]*\}\)(\.catch\(window\.dondocFailed\))?/, TRUNK_INIT);

/** The sha256 source expressions of the page's inline scripts. */
function scriptHashes(page) {
  const hashes = [...page.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  if (!hashes.length) throw new Error('single-file: no inline script');
  return hashes.join(' ');
}

/**
 * index.html as served: the wasm is fetched and compiled from the top of the page, as its
 * bytes arrive, instead of once the glue module has loaded and the page is parsed (Trunk's
 * loader, which starts compiling 10–15 ms later). The glue's init() takes the compiled
 * module (or fetches the wasm itself if this script did not run). A server that sends the
 * wasm with another type than exactly application/wasm (octet-stream, or with a charset),
 * which compileStreaming refuses, gets it compiled from its bytes, as the glue itself would
 * do. A server that refuses the wasm (IIS answers 404 for a type it does not know) sends
 * the officer to dondoc.html, the same app in one HTML page, when the server has it; if
 * that cannot be, or the wasm does not compile, the page says why and what to do, in both
 * languages, instead of staying blank. The early script holds no "<": running this script
 * again finds it whole.
 */
function compileEarly(page) {
  if (!page.includes(TRUNK_INIT)) throw new Error('single-file: Trunk init call not found');
  const early = `<script>window.dondocWasm = fetch('./${wasm}').then((r) => {
    if (!r.ok) {
      const failed = new Error('HTTP ' + r.status + ' ' + r.url);
      // Refused (a type the server does not serve, a missing file), not a passing error
      // (5xx): the single file, if the server has it. Never from itself: a server that
      // answers every address with this page would have it reload for ever.
      const refused = [403, 404, 410, 415].includes(r.status) && !/dondoc[.]html$/.test(location.pathname);
      if (!refused) throw failed;
      return fetch('./dondoc.html', { method: 'HEAD' }).then((single) => {
        // A server that answers no HEAD (405, 501) may still have it.
        if (!single.ok && ![405, 501].includes(single.status)) throw failed;
        location.replace('./dondoc.html' + location.hash);
        return new Promise(() => {});
      }, () => { throw failed; });
    }
    const type = (r.headers.get('Content-Type') || '').trim().toLowerCase();
    return type === 'application/wasm' ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then((b) => WebAssembly.compile(b));
  });
  window.dondocWasm.then(() => { window.dondocCompiled = true; }, () => {}); // a failure is reported by init(), which awaits it
  window.dondocFailed = (e) => {
    const box = document.createElement('div');
    box.className = 'banner error';
    box.setAttribute('role', 'alert');
    box.style.display = 'block';
    const say = (text) => { const p = document.createElement('p'); p.textContent = text; p.style.margin = '.4rem 0'; box.append(p); return p; };
    const detail = ' (' + (e && e.message || e) + '). ';
    if (window.dondocCompiled) {
      // The program loaded and failed while starting: not the server's doing.
      say('Dondoc gặp lỗi khi khởi động' + detail + 'Hãy tải lại trang; nếu vẫn lỗi, hãy mở tệp dondoc.html trong cùng thư mục và báo cho người phụ trách ứng dụng.');
      say('Dondoc failed while starting' + detail + 'Reload the page; if it fails again, open dondoc.html in the same folder and tell whoever looks after the app.');
    } else {
      say('Dondoc không khởi động được: không tải hoặc không chạy được tệp chương trình' + detail + 'Hãy mở tệp dondoc.html trong cùng thư mục, hoặc nhờ người quản trị máy chủ cho phép tải tệp .wasm với kiểu application/wasm.');
      say('Dondoc could not start: the program file could not be loaded or run' + detail + 'Open dondoc.html in the same folder, or ask the server administrator to serve .wasm files as application/wasm.');
    }
    const link = document.createElement('a');
    link.href = './dondoc.html' + location.hash;
    link.textContent = 'Mở dondoc.html / Open dondoc.html';
    say('').append(link);
    document.body.prepend(box);
    throw e;
  };
  </script>`;
  return page
    .replace(TRUNK_INIT, EARLY_INIT)
    .replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/g, '')
    .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${early}`);
}

/** The page with its policy as the first thing after <meta charset>. */
function withPolicy(page, scripts) {
  const policy = [
    "default-src 'none'",
    `script-src ${scripts} ${scriptHashes(page)} 'wasm-unsafe-eval'`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const charset = '<meta charset="utf-8">';
  if (!page.includes(charset)) throw new Error('single-file: no <meta charset> to put the policy after');
  return page.replace(charset, `${charset}\n  ${meta}`);
}
const glue = readFileSync(join(dir, js)).toString('base64');
// The wasm gzipped, then base64: a third of the raw base64, so the page is read and parsed
// three times faster from disk; the browser inflates it (DecompressionStream).
const bytes = gzipSync(readFileSync(join(dir, wasm)), { level: 9 }).toString('base64');

// The gzipped wasm comes in parts, a classic script each, inflated and compiled as the page
// is parsed: a part is handed on the moment the parser reaches it, so the wasm is compiled
// (off the main thread) while the rest of the page is still read. One script holding it all
// ran only once the whole 1.3 MB page was parsed, then inflated and compiled it: 20–30 ms
// later on every start from disk.
const PART = 65536; // base64 characters, a multiple of 4: each part decodes alone
const parts = [];
for (let i = 0; i < bytes.length; i += PART) parts.push(`<script>dondocPart('${bytes.slice(i, i + PART)}')</script>`);
const loader = `<script>
window.dondocWasm = null;
window.dondocPart = () => {};
window.dondocEnd = () => {};
if (typeof DecompressionStream !== 'undefined') {
  const inflate = new DecompressionStream('gzip');
  const writer = inflate.writable.getWriter();
  const decode = (b64) => {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  };
  // A damaged part fails the compile, which init() reports once; the writes' own
  // rejections would repeat it for every part after.
  window.dondocPart = (b64) => { writer.write(decode(b64)).catch(() => {}); };
  window.dondocEnd = () => { writer.close().catch(() => {}); };
  // Compiled as it is inflated (a wasm response is compiled while it streams in).
  window.dondocWasm = WebAssembly.compileStreaming(new Response(inflate.readable, { headers: { 'Content-Type': 'application/wasm' } }));
}
</script>
${parts.join('\n')}
<script>dondocEnd()</script>
<script type="module">
import init from 'data:text/javascript;base64,${glue}';
if (!window.dondocWasm) {
  document.body.textContent = 'Trình duyệt này quá cũ để mở Dondoc từ tệp. This browser is too old to open Dondoc from a file.';
} else {
  await init({ module_or_path: window.dondocWasm });
}
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
out = withPolicy(out, 'data:');
writeFileSync(join(dir, 'dondoc.html'), out);
writeFileSync(join(dir, 'index.html'), withPolicy(compileEarly(html), "'self'"));
console.log(`single-file: wrote ${join(dir, 'dondoc.html')} (${Math.round(out.length / 1024)} KB)`);
