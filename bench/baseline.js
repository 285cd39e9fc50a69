/*
 * Dondoc benchmark baseline: the dashboard's figures and the project list, in plain
 * JavaScript with no framework, read from the data the app keeps in localStorage.
 *
 * It does the app's start-up work for these figures, no more and no less:
 *  - reads the manifest and every shard it names, unpacks each "dz1:" value (15 bits per
 *    UTF-16 unit) and inflates it with DecompressionStream('deflate') (zlib, checksum
 *    checked), then JSON.parse — as src/storage/repo.rs and src/storage/codec.rs do;
 *  - each project's latest figures, carried forward field by field (src/domain/latest.rs);
 *  - its schedule status (src/domain/status.rs), the officer's decision counting in its
 *    place (Project::effective_status), counted over non-archived projects
 *    (Dataset::status_counts in src/domain/summary.rs);
 *  - this year's capital across the portfolio (Dataset::portfolio_capital, summary.rs), as
 *    the dashboard's capital card shows it (src/ui/dashboard.rs);
 *  - the projects page's rows, in its default order (folded name; src/domain/portfolio.rs).
 * Numbers are formatted as src/i18n/format.rs does in Vietnamese.
 *
 * When everything is in the DOM: body[data-ready="1"] and window.__baseline.
 * Classic script (module scripts are blocked on file://), no network request.
 */
(function () {
  'use strict';
  const started = performance.now();
  const PREFIX = 'dondoc.d.';
  const STATUSES = ['completed', 'on_schedule', 'behind_schedule', 'investment_preparation'];
  const LABELS = {
    completed: 'Hoàn thành, đưa vào sử dụng',
    on_schedule: 'Đúng tiến độ',
    behind_schedule: 'Chậm tiến độ',
    investment_preparation: 'Chuẩn bị đầu tư',
  };
  const DEFAULT_TOLERANCE_POINTS = 10;

  // ---- storage (repo.rs, codec.rs) ----------------------------------------------------
  /** "dz1:<byte length>:<chars>" → the zlib bytes (codec.rs `decode`, before inflating). */
  function unpack(stored, key) {
    const m = /^dz1:(\d+):/.exec(stored);
    if (!m) throw new Error(key + ': not a dz1 value');
    const len = Number(m[1]);
    const bytes = new Uint8Array(len);
    let acc = 0, bits = 0, n = 0;
    for (let i = m[0].length; i < stored.length; i++) {
      const value = stored.charCodeAt(i) - 0x20;
      if (value < 0 || value >= 0x8000) throw new Error(key + ': damaged');
      acc = (acc << 15) | value;
      bits += 15;
      while (bits >= 8) {
        bits -= 8;
        if (n < len) bytes[n++] = (acc >> bits) & 0xff;
        acc &= (1 << bits) - 1;
      }
    }
    if (n < len) throw new Error(key + ': damaged (too short)');
    return bytes;
  }

  /** Inflates zlib bytes to text. (Measured in Chromium: reading the stream chunk by chunk is
   *  faster than Response.text(), and Response(bytes).body faster than Blob.stream().) */
  async function inflateText(bytes) {
    const reader = new Response(bytes).body.pipeThrough(new DecompressionStream('deflate')).getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      text += decoder.decode(value, { stream: true });
    }
  }

  /** Every collection the manifest names, as arrays of records (current schema only). */
  async function loadDataset() {
    const text = localStorage.getItem(PREFIX + 'manifest');
    if (text == null) throw new Error('nothing stored (no dondoc.d.manifest)');
    const manifest = JSON.parse(text);
    if (manifest.format !== 'dondoc-storage') throw new Error('manifest: unknown format');
    if (manifest.schema_version !== 2) {
      throw new Error('schema version ' + manifest.schema_version + ': the baseline reads 2 only');
    }
    const parts = [];
    for (const [collection, generations] of Object.entries(manifest.shards)) {
      generations.forEach((generation, shard) => {
        if (generation <= 0) return;
        const key = PREFIX + collection + '.' + shard + '.' + generation;
        const stored = localStorage.getItem(key);
        if (stored == null) throw new Error(key + ' is missing');
        parts.push(inflateText(unpack(stored, key)).then((json) => [collection, JSON.parse(json)]));
      });
    }
    const data = {};
    for (const [collection, records] of await Promise.all(parts)) {
      data[collection] = data[collection] ? data[collection].concat(records) : records;
    }
    return data;
  }

  // ---- latest figures (latest.rs, project.rs) -----------------------------------------
  const SITE_CLEARANCE = ['area_total_ha', 'area_handed_over_ha', 'households_total', 'households_handed_over', 'percent'];
  const CONSTRUCTION = ['packages_total', 'packages_under_construction', 'contracts_signed', 'volume_percent'];
  const CAPITAL = ['year', 'plan', 'allocated', 'disbursed', 'disbursed_percent', 'same_period_last_year_percent'];

  /** The group's fields (absent = null), or null when it gives none (the Default value). */
  function given(group, fields) {
    if (!group) return null;
    let out = null;
    for (const f of fields) {
      if (group[f] != null) (out || (out = {}))[f] = group[f];
    }
    if (out) for (const f of fields) if (out[f] === undefined) out[f] = null;
    return out;
  }

  /** `Overlay::overlay`: the newer figure wins, a figure it lacks is kept. */
  function overlay(old, newer, fields, isCapital) {
    if (!newer) return old;
    if (!old) return newer;
    // Capital figures belong to one year: a report of a new year starts afresh.
    if (isCapital && newer.year != null && old.year != null && newer.year !== old.year) return newer;
    const out = {};
    for (const f of fields) out[f] = newer[f] != null ? newer[f] : old[f];
    return out;
  }

  /** Chrono's RFC 3339 text ("…:05Z", "…:05.1764Z") made comparable as a string. */
  function instant(t) {
    const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(t);
    return m ? m[1] + '.' + (m[2] || '').padEnd(9, '0') : t;
  }
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  // `sort_by_key((as_of, created_at))`, stable over the collection's id order.
  const reportOrder = (a, b) => cmp(a.as_of, b.as_of)
    || cmp(instant(a.created_at), instant(b.created_at)) || cmp(a.id, b.id);

  function latestFigures(reports) {
    reports.sort(reportOrder);
    let sc = null, construction = null, capital = null;
    for (const r of reports) {
      sc = overlay(sc, given(r.site_clearance, SITE_CLEARANCE), SITE_CLEARANCE, false);
      construction = overlay(construction, given(r.construction, CONSTRUCTION), CONSTRUCTION, false);
      capital = overlay(capital, given(r.capital, CAPITAL), CAPITAL, true);
    }
    return { sc, construction, capital };
  }

  const ratio = (part, total) => (part != null && total != null && total > 0 ? part * 100 / total : null);

  function siteClearancePercent(sc) {
    if (!sc) return null;
    const area = ratio(sc.area_handed_over_ha, sc.area_total_ha);
    if (area != null) return area;
    const households = ratio(sc.households_handed_over, sc.households_total);
    return households != null ? households : sc.percent;
  }

  function disbursementPercent(c) {
    if (!c) return null;
    if (c.disbursed != null && c.plan != null) return ratio(c.disbursed, c.plan);
    return c.disbursed_percent;
  }

  // ---- schedule status (status.rs) ------------------------------------------------------
  const DAY = 86400000;
  const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;

  function computedStatus(project, volume, today, tolerance) {
    if (volume != null && volume >= 100) return 'completed';
    const start = project.planned_start ? dayNumber(project.planned_start) : null;
    const finish = project.planned_finish ? dayNumber(project.planned_finish) : null;
    const started = (start != null && start <= today) || (volume != null && volume > 0);
    if (!started) return 'investment_preparation';
    if (finish != null && finish < today) return 'behind_schedule';
    let expected = null; // planned_percent: share of the planned duration elapsed
    if (start != null && finish != null && finish - start > 0) {
      const total = finish - start;
      expected = Math.min(Math.max(today - start, 0), total) * 100 / total;
    }
    if (volume != null && expected != null && volume + tolerance < expected) return 'behind_schedule';
    return 'on_schedule';
  }

  // ---- portfolio capital (summary.rs) --------------------------------------------------
  /** Each project's latest report of `year` giving a plan, summed (archived ones too, as the app). */
  function portfolioCapital(reports, year) {
    const latest = new Map();
    for (const r of reports) {
      const c = r.capital;
      if (!c || c.year !== year || c.plan == null) continue;
      const slot = latest.get(r.project);
      // The app walks reports in id order and a later report of the same day replaces.
      if (!slot || slot.as_of < r.as_of || (slot.as_of === r.as_of && slot.id < r.id)) latest.set(r.project, r);
    }
    // Money is whole đồng; sums stay exact below 2^53 đồng (9 million tỷ).
    let plan = 0, allocated = 0, disbursed = 0;
    for (const r of latest.values()) {
      plan += r.capital.plan;
      allocated += r.capital.allocated || 0;
      disbursed += r.capital.disbursed || 0;
    }
    return { projects: latest.size, plan, allocated, disbursed };
  }

  // ---- text (text.rs fold, i18n/format.rs in Vietnamese) --------------------------------
  const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
  /** Lower case, diacritics removed, "đ" as "d", runs of white space as one space. */
  function fold(s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').replace(WHITE_SPACE, ' ').trim()
      .replace(/[đĐ]/g, 'd').toLowerCase();
  }

  /** Rust's `{:.2}`: like toFixed(2), but an exact tie rounds to even (x/8, x odd). */
  function fixed2(v) {
    const eighths = v * 8;
    if (Number.isInteger(eighths) && eighths % 2 !== 0) {
      const down = Math.floor(v * 100);
      return ((down % 2 === 0 ? down : down + 1) / 100).toFixed(2);
    }
    return v.toFixed(2);
  }

  function formatDecimal(value) {
    if (!Number.isFinite(value)) return '—';
    const text = fixed2(Math.abs(value));
    const [int, frac] = text.split('.');
    const decimals = frac.replace(/0+$/, '');
    const sign = value < 0 && /[1-9]/.test(text) ? '-' : '';
    return sign + int.replace(/\B(?=(\d{3})+$)/g, '.') + (decimals ? ',' + decimals : '');
  }
  const formatPercent = (v) => formatDecimal(v) + '%';
  /** Đồng → "1.234,56 tỷ đồng", to the hundredth of a billion, half up (exact, in BigInt). */
  function formatBillions(vnd) {
    const v = BigInt(vnd);
    const sign = v > 0n ? 1n : v < 0n ? -1n : 0n;
    const hundredths = (v * 100n + 500000000n * sign) / 1000000000n;
    return formatDecimal(Number(hundredths) / 100) + ' tỷ đồng';
  }

  // ---- the page -----------------------------------------------------------------------
  function tolerancePoints() {
    try {
      const t = JSON.parse(localStorage.getItem('dondoc.settings') || 'null');
      if (t && typeof t.tolerance_points === 'number' && t.tolerance_points >= 0 && t.tolerance_points <= 100) {
        return t.tolerance_points;
      }
    } catch (_) { /* unreadable settings: the default, as the app */ }
    return DEFAULT_TOLERANCE_POINTS;
  }

  function compute(data, now) {
    const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY; // local date
    const tolerance = tolerancePoints();
    const reports = data.progress_reports || [];
    const reportsOf = new Map();
    for (const r of reports) {
      const list = reportsOf.get(r.project);
      if (list) list.push(r); else reportsOf.set(r.project, [r]);
    }
    const counts = { completed: 0, on_schedule: 0, behind_schedule: 0, investment_preparation: 0 };
    const rows = [];
    for (const p of data.projects || []) {
      if (p.archived) continue;
      const latest = latestFigures(reportsOf.get(p.id) || []);
      const volume = latest.construction ? latest.construction.volume_percent : null;
      const computed = computedStatus(p, volume, today, tolerance);
      const shown = p.schedule_status ? p.schedule_status.status : computed;
      counts[shown] += 1;
      const name = p.short_name || p.name;
      rows.push({
        id: p.id, name, key: fold(name), status: shown, computed,
        siteClearance: siteClearancePercent(latest.sc), volume,
        disbursement: disbursementPercent(latest.capital),
      });
    }
    rows.sort((a, b) => cmp(a.key, b.key) || cmp(a.id, b.id));
    return { counts, rows, capital: portfolioCapital(reports, now.getFullYear()), year: now.getFullYear() };
  }

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function render(f, now) {
    const total = f.rows.length;
    const summary = STATUSES.filter((s) => f.counts[s] > 0)
      .map((s) => f.counts[s] + '/' + total + ' ' + LABELS[s].toLowerCase()).join(' · ');
    document.getElementById('b-active').textContent = String(total);
    document.getElementById('b-status').textContent = summary;

    const c = f.capital;
    const pct = (part) => (c.plan > 0 ? ' (' + formatPercent(part * 100 / c.plan) + ')' : '');
    const card = document.createDocumentFragment();
    card.append(el('h3', 'Vốn năm của các dự án trọng điểm, năm ' + f.year + ' (' + c.projects + ' dự án)'));
    const dl = el('dl');
    dl.append(el('dt', 'Kế hoạch vốn'), el('dd', formatBillions(c.plan)),
      el('dt', 'Đã phân bổ'), el('dd', formatBillions(c.allocated) + pct(c.allocated)),
      el('dt', 'Đã giải ngân'), el('dd', formatBillions(c.disbursed) + pct(c.disbursed)));
    card.append(dl);
    document.getElementById('b-capital-body').append(card);

    const cell = (v) => (v == null ? el('td', '—', 'num muted') : el('td', formatPercent(v), 'num'));
    const body = document.createDocumentFragment();
    for (const r of f.rows) {
      const tr = el('tr');
      const status = el('td', LABELS[r.status]);
      if (r.computed !== r.status) status.append(el('br'), el('span', 'tính từ số liệu: ' + LABELS[r.computed], 'muted'));
      tr.append(el('th', r.name), cell(r.siteClearance), cell(r.volume), cell(r.disbursement), status);
      tr.firstChild.scope = 'row';
      body.append(tr);
    }
    const tbody = document.getElementById('b-rows');
    tbody.append(body);
    const dd = (n) => String(n).padStart(2, '0');
    document.getElementById('b-today').textContent =
      'Hôm nay: ' + dd(now.getDate()) + '/' + dd(now.getMonth() + 1) + '/' + now.getFullYear();
    return tbody.rows.length;
  }

  async function main() {
    const now = new Date();
    const data = await loadDataset();
    const loaded = performance.now();
    const f = compute(data, now);
    const computed = performance.now();
    const rendered = render(f, now);
    window.__baseline = {
      statusCounts: {
        completed: f.counts.completed, onSchedule: f.counts.on_schedule,
        behind: f.counts.behind_schedule, preparation: f.counts.investment_preparation,
      },
      plan: f.capital.plan, allocated: f.capital.allocated, disbursed: f.capital.disbursed,
      capitalProjects: f.capital.projects,
      projects: rendered,
      rows: f.rows.map(({ key, ...row }) => row),
      timings: { load: loaded - started, compute: computed - loaded, render: performance.now() - computed },
    };
    document.body.dataset.ready = '1'; // last: the benchmark's ready signal
  }

  main().catch((e) => {
    const p = el('p', 'Không đọc được dữ liệu: ' + (e && e.message ? e.message : e), 'error');
    document.body.prepend(p);
    window.__baseline = { error: String(e && e.message ? e.message : e) };
    document.body.dataset.ready = 'error';
  });
})();
