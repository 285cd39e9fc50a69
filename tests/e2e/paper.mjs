// Documents as their reader meets them: PDFs read back with poppler (page size, where every
// word sits, the text) and turned into PNG pages to look at; Word and Excel files the app
// downloads opened by LibreOffice headless and converted to PDF and CSV.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { root } from './helpers.mjs';

export const outDir = join(root, 'test-output', 'documents');

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;

/** Every word of the PDF with its page and box, from pdftotext's bounding boxes. */
export function words(pdf) {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const out = [];
  let page = 0;
  for (const line of xhtml.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = line.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/);
    if (!m) continue;
    const w = { page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] };
    // LibreOffice writes a word with Vietnamese diacritics as several boxes that touch:
    // they are one word.
    const last = out.at(-1);
    if (last && last.page === page && Math.abs(last.yMin - w.yMin) < 0.5 && w.xMin - last.xMax < 0.5) {
      last.xMax = w.xMax;
      last.text += w.text;
    } else out.push(w);
  }
  return out;
}

/** Prints the page to `name`.pdf, as the print dialogue would, and renders its pages. */
export async function printed(page, name) {
  mkdirSync(outDir, { recursive: true });
  const pdf = join(outDir, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  return readPdf(pdf, name);
}

/** The PDF at `pdf` read back and rendered to PNG pages named `name`. */
export function readPdf(pdf, name) {
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(outDir, name)]);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { pdf, info, text, words: words(pdf) };
}

/** LibreOffice headless, with a profile of its own (a desktop session may hold the usual one). */
function soffice(args) {
  execFileSync('soffice', [`-env:UserInstallation=file://${join(outDir, '.lo-profile')}`, '--headless', ...args],
    { stdio: 'pipe', timeout: 120000 });
}

/** Clicks `button` and saves the file the app offers, checking its name. */
export async function downloaded(page, button, namePattern) {
  mkdirSync(outDir, { recursive: true });
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  assert.match(file.suggestedFilename(), namePattern);
  const path = join(outDir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** A Word file opened and printed to PDF by LibreOffice, read back like a printed page. */
export function wordAsPdf(docx) {
  soffice(['--convert-to', 'pdf', '--outdir', outDir, docx]);
  const pdf = docx.replace(/\.docx$/, '.pdf');
  return readPdf(pdf, basename(docx, '.docx') + '-word');
}

/** An Excel file opened by LibreOffice: each sheet's rows as CSV text (UTF-8) by sheet
 *  name, from its header row (the title row above it is in `sheets.titles`, by sheet name),
 *  and the whole workbook printed to PDF pages to look at. */
export function excelSheets(xlsx) {
  const stem = basename(xlsx, '.xlsx');
  const dir = join(outDir, `${stem}-sheets`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Comma, double quote, UTF-8, from row 1, cells as shown (dates dd/mm/yyyy), every sheet.
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', dir, xlsx]);
  soffice(['--convert-to', 'pdf', '--outdir', dir, xlsx]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '2', join(dir, `${stem}.pdf`), join(outDir, `${stem}-excel`)]);
  const sheets = {};
  const titles = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const name = f.slice(stem.length + 1, -4) || f;
    const [title, ...rows] = parseCsv(readFileSync(join(dir, f), 'utf8'));
    titles[name] = title[0];
    sheets[name] = rows;
  }
  Object.defineProperty(sheets, 'titles', { value: titles, enumerable: false });
  return sheets;
}

/** An Excel file opened by a second, independent reader (Python's openpyxl, Debian's
 *  python3-openpyxl): by sheet name, its title, header, frozen pane, print titles, page
 *  setup, merged cells, the kind of each cell (number, date, text, none) and the rows
 *  made taller; null (with the reason) when /usr/bin/python3 or openpyxl is absent. */
export function openpyxlSheets(xlsx) {
  const script = join(root, 'tests', 'e2e', 'xlsx_openpyxl.py');
  try {
    return { sheets: JSON.parse(execFileSync('/usr/bin/python3', [script, xlsx], { encoding: 'utf8' })) };
  } catch (e) {
    if (e.code === 'ENOENT') return { skipped: '/usr/bin/python3 is absent' };
    if (e.status === 3) return { skipped: 'openpyxl is not installed (scripts/setup installs python3-openpyxl)' };
    throw e;
  }
}

/** RFC 4180 CSV into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** A4 portrait, and every word inside the margins (top and bottom 20 mm, left 30, right 15),
 *  but the page number, which sits centred in the top margin from page 2 on (`numbers`:
 *  "document", "none" for letters printed together, "sections" for a Word file of several). */
export function checkPage(doc, { numbers: numbering = 'document' } = {}) {
  assert.match(doc.info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/, doc.info);
  const outside = doc.words.filter((w) => w.xMin < 30 * MM - 1 || w.xMax > 595.28 - 15 * MM + 1
    || w.yMax > 841.89 - 20 * MM + 1 || (w.yMin < 20 * MM - 1 && !/^\d+$/.test(w.text)));
  assert.deepEqual(outside, [], 'words outside the margins');
  const numbers = doc.words.filter((w) => w.yMin < 20 * MM - 1);
  if (numbering === 'none') {
    assert.deepEqual(numbers, [], 'no page numbers');
    return;
  }
  if (numbering === 'sections') return;
  assert.ok(numbers.every((w) => Number(w.text) === w.page && w.page > 1), `page numbers: ${JSON.stringify(numbers)}`);
  const pages = Math.max(...doc.words.map((w) => w.page));
  assert.equal(numbers.length, pages - 1, 'a number on every page but the first');
  const centre = (595.28 - 15 * MM + 30 * MM) / 2;
  for (const w of numbers) assert.ok(Math.abs((w.xMin + w.xMax) / 2 - centre) < 12, `centred: ${JSON.stringify(w)}`);
}

