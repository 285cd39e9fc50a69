/*
 * Dondoc benchmark baseline: the dashboard (src/ui/projects/dashboard.rs, `Overview`) in plain
 * JavaScript with no framework, read from the data the app keeps in localStorage.
 *
 * It does the dashboard's start-up work, no more and no less:
 *  - reads the manifest and every shard it names, unpacks each "dz1:" value (15 bits per
 *    UTF-16 unit) and inflates it with DecompressionStream('deflate') (zlib, checksum
 *    checked), then JSON.parse — as src/storage/repo.rs and src/storage/codec.rs do;
 *  - reads the settings ('dondoc.settings') as Settings::load does (src/ui/browser.rs): the
 *    schedule tolerance and the days that count as "due soon";
 *  - each active project's latest figures, carried forward field by field (src/domain/latest.rs),
 *    and its schedule status (src/domain/status.rs), the officer's decision counting in its
 *    place (Dataset::project_facts in src/domain/summary.rs): the active count, the status
 *    summary (status_summary, src/ui/projects/project_list.rs) and the projects behind schedule with
 *    their main open obstacle (Dataset::behind_with_obstacles);
 *  - the unresolved obstacles counted, and the active projects with no report in 45 days
 *    (Dataset::projects_without_recent_report);
 *  - the capital card: this year's capital across the portfolio (Dataset::portfolio_capital),
 *    the same period of last year when reports were entered for it (same_period_last_year)
 *    and the latest public-investment figures of any committee (latest_public_investment);
 *  - the directives followed (Dataset::followed: group headings left out) counted per
 *    follow-up state (src/domain/followup.rs, Deadline::due), and the overdue ones listed
 *    (directive_state_counts, directives_in_state);
 *  - the next meeting date (Dataset::next_meeting_date);
 *  - what each active project's latest report of the last 30 days changed
 *    (Dataset::recent_changes, changes_since_previous in src/domain/latest.rs).
 * Each list shows its first 10 and "… N more", as the dashboard does (paging::folded_rows: all
 * of a list of at most 15). Numbers and
 * dates are formatted as src/i18n/format.rs does in Vietnamese, the app's default language
 * (the settings' `lang` is not read: a browser set to English would show the app in English). The head's brief is made only
 * when its button is clicked, so the baseline shows the button and makes no brief.
 *
 * When everything is in the DOM: body[data-ready="1"] and window.__baseline, with the figures
 * shown. Its directiveCounts has one entry per follow-up state, zero included, under the
 * state's name in snake case: overdue, due_soon, open_within_term, no_deadline, done_late,
 * done_on_time, cancelled, transferred (FollowUpState::ALL order).
 * Classic script (module scripts are blocked on file://), no network request.
 */
(function () {
  'use strict';
  const started = performance.now();
  const PREFIX = 'dondoc.d.';
  const SETTINGS_KEY = 'dondoc.settings';
  const STATUSES = ['completed', 'on_schedule', 'behind_schedule', 'investment_preparation'];
  const LABELS = {
    completed: 'Hoàn thành, đưa vào sử dụng',
    on_schedule: 'Đúng tiến độ',
    behind_schedule: 'Chậm tiến độ',
    investment_preparation: 'Chuẩn bị đầu tư',
  };
  // FollowUpState::ALL, with labels::follow_up_state and widgets::state_class.
  const STATES = ['overdue', 'due_soon', 'open_within_term', 'no_deadline', 'done_late', 'done_on_time', 'cancelled', 'transferred'];
  const STATE_LABELS = {
    overdue: 'Quá hạn', due_soon: 'Sắp đến hạn', open_within_term: 'Trong hạn', no_deadline: 'Không thời hạn',
    done_late: 'Hoàn thành trễ hạn', done_on_time: 'Hoàn thành đúng hạn', cancelled: 'Đã huỷ', transferred: 'Đã chuyển nơi khác',
  };
  const STATE_CLASSES = {
    overdue: 'st overdue', due_soon: 'st soon', open_within_term: 'st open', no_deadline: 'st none',
    done_late: 'st late', done_on_time: 'st done', cancelled: 'st closed', transferred: 'st closed',
  };
  const DEFAULT_TOLERANCE_POINTS = 10;
  const DEFAULT_DUE_SOON_DAYS = 7;
  const STALE_REPORT_DAYS = 45;
  const RECENT_CHANGE_DAYS = 30;
  const FOLDED_ROWS = 10;
  /** `paging::folded_rows`: a screenful, or all of a list folding would hide little of. */
  const folded = (total) => (total <= FOLDED_ROWS + FOLDED_ROWS / 2 ? total : FOLDED_ROWS);

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
    // Format 4 adds units' endings and directives' hand-overs, format 5 the ids joined into
    // a record at import, format 6 a directive's own label; the dashboard shows none of
    // them: the baseline reads 3 to 7.
    if (manifest.schema_version < 3 || manifest.schema_version > 7) {
      throw new Error('schema version ' + manifest.schema_version + ': the baseline reads 3 to 7');
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

  // ---- settings (ui/browser.rs) ---------------------------------------------------------
  const isText = (v) => typeof v === 'string';
  const optional = (v, ok) => v === undefined || v === null || ok(v);
  /** `Settings::load`: the stored preferences, or the defaults (an empty object) when they
   *  cannot be read, serde refusing the whole record when one field has the wrong type. The
   *  fields are those of `Settings`; unknown fields are ignored, as serde does. */
  function loadSettings() {
    let s;
    try { s = JSON.parse(localStorage.getItem(SETTINGS_KEY)); } catch (_) { return {}; }
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return {};
    const fits = optional(s.lang, isText)
      && (s.officer_name === undefined || isText(s.officer_name))
      && (s.office === undefined || isText(s.office))
      && optional(s.tolerance_points, (v) => typeof v === 'number')
      && optional(s.due_soon_days, (v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff) // u32
      && optional(s.last_export_at, (v) => isText(v)
        && /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/.test(v)); // RFC 3339
    return fits ? s : {};
  }

  /** `Settings::tolerance_points`: the stored tolerance when within 0..=100, else 10. */
  function tolerancePoints(settings) {
    const t = settings.tolerance_points;
    return t != null && t >= 0 && t <= 100 ? t : DEFAULT_TOLERANCE_POINTS;
  }

  /** `Settings::due_soon_days`: the stored number of days, else 7. */
  function dueSoonDays(settings) {
    return settings.due_soon_days != null ? settings.due_soon_days : DEFAULT_DUE_SOON_DAYS;
  }

  // ---- dates (chrono's NaiveDate as a day number: days since 1970-01-01) ----------------
  const DAY = 86400000;
  /** A date (y, m, d) as a day number; day 0 of a month is the last day of the month before. */
  function dayFromYmd(y, m, d) {
    const t = new Date(0);
    t.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, years 0–99 stay themselves
    return t.getTime() / DAY;
  }

  /** "yyyy-mm-dd" (chrono's text; signed beyond year 9999) as a day number. */
  function dayOf(iso) {
    if (iso.length === 10 && iso.charCodeAt(0) !== 48) { // the usual case: year 1000–9999
      return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
    }
    const m = /^([+-]?\d+)-(\d\d)-(\d\d)$/.exec(iso);
    return m ? dayFromYmd(+m[1], +m[2], +m[3]) : NaN;
  }

  const ymd = (day) => {
    const t = new Date(day * DAY);
    return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  };
  const two = (n) => String(n).padStart(2, '0');
  /** `format_date` (dates::dd_mm_yyyy): "02/12/2026". */
  function formatDate(day) {
    const [y, m, d] = ymd(day);
    return two(d) + '/' + two(m) + '/' + y;
  }
  /** A day number as "yyyy-mm-dd" (for window.__baseline). */
  const isoDate = (day) => { const [y, m, d] = ymd(day); return String(y).padStart(4, '0') + '-' + two(m) + '-' + two(d); };

  // ---- text order and cuts -----------------------------------------------------------------
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  /** Rust's `str` order (UTF-8 bytes, that is code points). UTF-16 units give the same order
   *  but between a surrogate (U+10000 and above) and a unit from U+E000 to U+FFFF. */
  function cmpText(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      let x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x === y) continue;
      if (x >= 0xd800 && y >= 0xd800) {
        x = x < 0xe000 ? x + 0x2000 : x - 0x800;
        y = y < 0xe000 ? y + 0x2000 : y - 0x800;
      }
      return x < y ? -1 : 1;
    }
    return cmp(a.length, b.length);
  }

  /** `s.chars().take(n)`: the first n characters (code points, not UTF-16 units). */
  function firstChars(s, n) {
    let i = 0;
    for (let count = 0; i < s.length && count < n; count++) {
      const c = s.charCodeAt(i);
      i += c >= 0xd800 && c < 0xdc00 && i + 1 < s.length ? 2 : 1;
    }
    return s.slice(0, i);
  }

  /** `Project::display_name`, `Unit::display_name`: the short name, else the name. */
  const displayName = (r) => r.short_name || r.name;

  // ---- latest figures (latest.rs, project.rs) -----------------------------------------
  const SITE_CLEARANCE = ['area_total_ha', 'area_handed_over_ha', 'households_total', 'households_handed_over', 'percent'];
  const CONSTRUCTION = ['packages_total', 'packages_under_construction', 'contracts_signed', 'volume_percent'];
  const CAPITAL = ['year', 'plan', 'allocated', 'disbursed', 'disbursed_percent', 'same_period_last_year_percent'];

  /** The group's fields (absent = null), or null when it gives none (the Default value). */
  function given(group, fields) {
    if (!group || !fields.some((f) => group[f] != null)) return null;
    const out = {};
    for (const f of fields) out[f] = group[f] != null ? group[f] : null;
    return out;
  }

  /** A report's three groups as `given` reads them, once per report (`figures`). */
  function reportFigures(r) {
    r.figures = {
      sc: given(r.site_clearance, SITE_CLEARANCE),
      construction: given(r.construction, CONSTRUCTION),
      capital: given(r.capital, CAPITAL),
    };
  }

  /** `ProgressReport::has_figures`: whether the report gives any figure (not only words). */
  const hasFigures = (r) => r.figures.sc != null || r.figures.construction != null || r.figures.capital != null;

  /** `carry` and `Overlay::overlay`, in place: the newer figure wins, a figure it lacks is kept. */
  function carry(latest, group, newer, fields) {
    if (!newer) return;
    const old = latest[group];
    // Capital figures belong to one year: a report of a new year starts afresh.
    if (!old || (group === 'capital' && newer.year != null && old.year != null && newer.year !== old.year)) {
      latest[group] = { ...newer }; // a copy: the latest figures are changed in place
      return;
    }
    for (const f of fields) if (newer[f] != null) old[f] = newer[f];
  }

  /** The figures of `reports[from..to]` laid over `latest`, in order. */
  function carryForward(latest, reports, from, to) {
    for (let i = from; i < to; i++) {
      const g = reports[i].figures;
      carry(latest, 'sc', g.sc, SITE_CLEARANCE);
      carry(latest, 'construction', g.construction, CONSTRUCTION);
      carry(latest, 'capital', g.capital, CAPITAL);
    }
    return latest;
  }
  const noFigures = () => ({ sc: null, construction: null, capital: null });
  const copyFigures = (l) => ({ sc: l.sc && { ...l.sc }, construction: l.construction && { ...l.construction }, capital: l.capital && { ...l.capital } });

  /** Chrono's RFC 3339 text ("…:05Z", "…:05.1764Z") made comparable as a string. */
  function instant(t) {
    const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(t);
    return m ? m[1] + '.' + (m[2] || '').padEnd(9, '0') : t;
  }
  // `sort_by_key((as_of, created_at))`, stable over the collection's id order.
  const reportOrder = (a, b) => cmp(a.day, b.day)
    || cmp(instant(a.created_at), instant(b.created_at)) || cmp(a.id, b.id);

  /** `Dataset::reports_by_project`: each project's reports, in the order `from_reports`
   *  reads them (each report's date kept as a day number, `day`, and its `figures`). */
  function reportsByProject(reports) {
    const byProject = new Map();
    for (const r of reports) {
      r.day = dayOf(r.as_of);
      reportFigures(r);
      const list = byProject.get(r.project);
      if (list) list.push(r); else byProject.set(r.project, [r]);
    }
    for (const list of byProject.values()) list.sort(reportOrder);
    return byProject;
  }

  /** `LatestFigures::from_reports`, the reports in `reportOrder`. */
  const latestFigures = (reports) => carryForward(noFigures(), reports, 0, reports.length);

  const ratio = (part, total) => (part != null && total != null && total > 0 ? part * 100 / total : null);

  /** `SiteClearance::overall_percent`: by area, else by households, else as reported. */
  function siteClearancePercent(sc) {
    if (!sc) return null;
    const area = ratio(sc.area_handed_over_ha, sc.area_total_ha);
    if (area != null) return area;
    const households = ratio(sc.households_handed_over, sc.households_total);
    return households != null ? households : sc.percent;
  }

  /** `Capital::disbursement_percent`. */
  function disbursementPercent(c) {
    if (!c) return null;
    if (c.disbursed != null && c.plan != null) return ratio(c.disbursed, c.plan);
    return c.disbursed_percent;
  }

  /** `Capital::allocation_percent`. */
  const allocationPercent = (c) => ratio(c.allocated, c.plan);

  // ---- what the latest report changed (latest.rs) -------------------------------------
  // Measure::ALL; the dashboard shows the three percentages (`SHOWN`).
  const MEASURES = ['households_handed_over', 'area_handed_over_ha', 'site_clearance_percent', 'volume_percent', 'disbursed_billions', 'disbursement_percent'];
  const CAPITAL_MEASURES = ['disbursed_billions', 'disbursement_percent'];
  const SHOWN = ['site_clearance_percent', 'volume_percent', 'disbursement_percent'];

  /** `LatestFigures::measure`. */
  function measure(latest, m) {
    const sc = latest.sc, c = latest.capital;
    switch (m) {
      case 'households_handed_over': return sc ? sc.households_handed_over : null;
      case 'area_handed_over_ha': return sc ? sc.area_handed_over_ha : null;
      case 'site_clearance_percent': return siteClearancePercent(sc);
      case 'volume_percent': return latest.construction ? latest.construction.volume_percent : null;
      case 'disbursed_billions': return c && c.disbursed != null ? c.disbursed / 1e9 : null;
      default: return disbursementPercent(c);
    }
  }

  /** `changes_since_previous`: the latest report's date and, per measure it changed, the
   *  value before and after (`reports` in `reportOrder`); null when no report gives figures.
   *  A report that gives none changes nothing, so both sets of figures are read in one pass:
   *  those before the latest date that reports gave figures on, then those of that date.
   *  (The dashboard does not show the previous report's date, so it is not computed.) */
  function changesSincePrevious(reports) {
    let end = reports.length;
    while (end > 0 && !hasFigures(reports[end - 1])) end--;
    if (end === 0) return null;
    const latest = reports[end - 1].day;
    let split = end - 1;
    while (split > 0 && reports[split - 1].day === latest) split--;
    const before = carryForward(noFigures(), reports, 0, split);
    const after = carryForward(copyFigures(before), reports, split, end);
    const year = (f) => (f.capital ? f.capital.year : null);
    const sameYear = year(before) === year(after);
    const changes = [];
    for (const m of MEASURES) {
      const a = measure(after, m);
      if (a == null) continue;
      let b = measure(before, m);
      if (!sameYear && CAPITAL_MEASURES.includes(m)) b = null;
      if (b !== a) changes.push({ measure: m, before: b, after: a });
    }
    return { latest, changes };
  }

  // ---- schedule status (status.rs) ------------------------------------------------------
  /** `computed_status`, with `planned_percent`. */
  function computedStatus(project, volume, today, tolerance) {
    if (volume != null && volume >= 100) return 'completed';
    const start = project.planned_start ? dayOf(project.planned_start) : null;
    const finish = project.planned_finish ? dayOf(project.planned_finish) : null;
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

  // ---- projects (summary.rs) ------------------------------------------------------------
  /** `Dataset::active_projects`: the projects not archived, in id order. */
  function activeProjects(projects) {
    return projects.filter((p) => !p.archived).sort((a, b) => cmp(a.id, b.id));
  }

  /** `Dataset::project_facts`: each active project with its status shown (the officer's
   *  decision where there is one, `Project::effective_status`). */
  function projectFacts(active, byProject, today, tolerance) {
    return active.map((project) => {
      const latest = latestFigures(byProject.get(project.id) || []);
      const volume = latest.construction ? latest.construction.volume_percent : null;
      const computed = computedStatus(project, volume, today, tolerance);
      return { project, shown: project.schedule_status ? project.schedule_status.status : computed };
    });
  }

  /** `Dataset::status_counts`: active projects per status shown. */
  function statusCounts(facts) {
    const counts = { completed: 0, on_schedule: 0, behind_schedule: 0, investment_preparation: 0 };
    for (const f of facts) counts[f.shown] += 1;
    return counts;
  }

  /** `status_summary` (project_list.rs): "142/300 đúng tiến độ · 158/300 chậm tiến độ". */
  function statusSummary(counts) {
    const total = STATUSES.reduce((n, s) => n + counts[s], 0);
    return STATUSES.filter((s) => counts[s] > 0)
      .map((s) => counts[s] + '/' + total + ' ' + LABELS[s].toLowerCase()).join(' · ');
  }

  /** The dashboard's count of open obstacles (all projects', `resolved_on` unset). */
  function unresolvedObstacles(obstacles) {
    return obstacles.filter((o) => o.resolved_on == null);
  }

  /** `Dataset::behind_with_obstacles`: the projects shown behind schedule, each with its main
   *  open obstacle (the longest-standing; undated ones after dated ones; the first in id
   *  order on a tie), in name order. */
  function behindWithObstacles(facts, open) {
    const main = new Map();
    for (const o of open) {
      const since = o.since != null ? dayOf(o.since) : Infinity;
      const slot = main.get(o.project);
      if (!slot || since < slot.since || (since === slot.since && o.id < slot.obstacle.id)) {
        main.set(o.project, { since, obstacle: o });
      }
    }
    return facts.filter((f) => f.shown === 'behind_schedule')
      .map((f) => ({ project: f.project, obstacle: main.has(f.project.id) ? main.get(f.project.id).obstacle : null }))
      .sort((a, b) => cmpText(displayName(a.project), displayName(b.project)));
  }

  /** `Dataset::projects_without_recent_report`: active projects whose latest report is older
   *  than `days` (or that have none), in id order. */
  function projectsWithoutRecentReport(active, byProject, today, days) {
    const cutoff = today - days;
    return active.filter((p) => {
      const reports = byProject.get(p.id);
      return !reports || reports[reports.length - 1].day < cutoff; // the latest is last
    });
  }

  /** `Dataset::recent_changes`: active projects whose reports of the last `days` changed a
   *  figure, latest first, then by name. */
  function recentChanges(active, byProject, today, days) {
    const cutoff = today - days;
    const list = [];
    for (const p of active) {
      const changes = changesSincePrevious(byProject.get(p.id) || []);
      if (changes && changes.latest >= cutoff && changes.changes.length > 0) list.push({ project: p, changes });
    }
    return list.sort((a, b) => cmp(b.changes.latest, a.changes.latest)
      || cmpText(displayName(a.project), displayName(b.project)));
  }

  // ---- capital (summary.rs) ------------------------------------------------------------
  /** `Dataset::portfolio_capital_as_of`: each project's latest report of `year` giving a plan
   *  and dated on or before `asOf`, summed (archived projects too, as the app). */
  function portfolioCapitalAsOf(reports, year, asOf) {
    const latest = new Map();
    for (const r of reports) {
      const c = r.capital;
      if (!c || c.year !== year || c.plan == null || r.day > asOf) continue;
      const slot = latest.get(r.project);
      // The app walks reports in id order and a later report of the same day replaces.
      if (!slot || slot.day < r.day || (slot.day === r.day && slot.id < r.id)) latest.set(r.project, r);
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

  /** `Dataset::portfolio_capital`: the year's capital from each project's latest report of it. */
  const portfolioCapital = (reports, year) => portfolioCapitalAsOf(reports, year, Infinity);

  /** `Dataset::same_period_last_year`: the previous year's capital as known a year ago today
   *  (`checked_sub_months(12)`: 29 February gives the 28th), or null when none was entered. */
  function samePeriodLastYear(reports, today) {
    const [y, m, d] = ymd(today);
    const lastDay = ymd(dayFromYmd(y - 1, m + 1, 0))[2];
    const totals = portfolioCapitalAsOf(reports, y - 1, dayFromYmd(y - 1, m, Math.min(d, lastDay)));
    return totals.projects > 0 ? totals : null;
  }

  /** `Dataset::latest_public_investment`: the latest public-investment figures reported to any
   *  committee (`max_by_key`: the last of the latest, committees in id order). */
  function latestPublicInvestment(committees) {
    let best = null;
    for (const c of [...committees].sort((a, b) => cmp(a.id, b.id))) {
      for (const dc of c.public_investment || []) {
        const day = dayOf(dc.as_of);
        if (!best || day >= best.day) best = { day, capital: dc.capital || {} };
      }
    }
    return best;
  }

  // ---- directives (dataset.rs, followup.rs, deadline/mod.rs) --------------------------
  /** `last_day_of_month`, or null for a month outside 1..=12. */
  function lastDayOfMonth(year, month) {
    return month >= 1 && month <= 12 ? dayFromYmd(year, month + 1, 0) : null;
  }

  /** `Deadline::due`: the last day on which doing the work still counts as on time. */
  function due(deadline) {
    switch (deadline.kind) {
      case 'before': return dayOf(deadline.date) - 1;
      case 'on': return dayOf(deadline.date);
      case 'month': return lastDayOfMonth(deadline.year, deadline.month);
      case 'quarter': return deadline.quarter >= 1 && deadline.quarter <= 4 ? lastDayOfMonth(deadline.year, deadline.quarter * 3) : null;
      case 'half_year': return deadline.half >= 1 && deadline.half <= 2 ? lastDayOfMonth(deadline.year, deadline.half * 6) : null;
      case 'year': return dayFromYmd(deadline.year, 12, 31);
      default: return null; // none, continuous
    }
  }

  /** `follow_up_state`: the state of a directive on `today`, from its recorded status and due day. */
  function followUpState(status, dueDay, today, dueSoon) {
    switch (status.state) {
      case 'done': return dueDay != null && dayOf(status.on) > dueDay ? 'done_late' : 'done_on_time';
      case 'cancelled': return 'cancelled';
      case 'transferred': return 'transferred';
      default: // not_started, in_progress
        if (dueDay == null) return 'no_deadline';
        if (today > dueDay) return 'overdue';
        return today + dueSoon >= dueDay ? 'due_soon' : 'open_within_term';
    }
  }

  /** `DirectivePath::parse` of a stored path (its Display, "3.2"): the numbers, [3, 2]. */
  const pathParts = (path) => path.split('.').map(Number);
  /** `DirectivePath`'s order: number by number, an item before its sub-items. */
  function cmpPath(a, b) {
    for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  }

  /** `Dataset::headings`: the directives with no deadline (kind "none") that have sub-items,
   *  as a set of ids. Stored paths are written as Display writes them ("3.2"), so an item's
   *  parents are the prefixes of its path text. */
  function headings(directives) {
    const untimed = directives.filter((d) => d.deadline.kind === 'none');
    if (untimed.length === 0) return new Set();
    const parents = new Set();
    for (const d of directives) {
      for (let i = d.path.indexOf('.'); i >= 0; i = d.path.indexOf('.', i + 1)) {
        parents.add(d.conclusion + ' ' + d.path.slice(0, i));
      }
    }
    return new Set(untimed.filter((d) => parents.has(d.conclusion + ' ' + d.path)).map((d) => d.id));
  }

  /** `Directive::deadline_on`: the latest extension granted on or before `day`, else the
   *  original deadline (of two granted the same day, the one recorded later). */
  function deadlineOn(d, day) {
    let best = null;
    for (const e of d.extensions || []) {
      const g = dayOf(e.granted_on);
      if (g <= day && (best == null || g >= best.g)) best = { g, deadline: e.deadline };
    }
    return best ? best.deadline : d.deadline;
  }

  /** `Directive::due_judged`: a done item against the original deadline when done by it,
   *  else the one in force on the day it was done; any other against the one in force today. */
  function dueJudged(d, today) {
    if (!d.extensions || d.extensions.length === 0) return due(d.deadline);
    if (d.status.state === 'done') {
      const on = dayOf(d.status.on);
      const original = due(d.deadline);
      return original != null && on <= original ? original : due(deadlineOn(d, on));
    }
    return due(deadlineOn(d, today));
  }

  /** `Dataset::followed`: every directive but the group headings, each with its due day. */
  function followed(directives, today) {
    const heads = headings(directives);
    const items = [];
    for (const d of directives) if (!heads.has(d.id)) items.push({ directive: d, due: dueJudged(d, today) });
    return items;
  }

  /** `Dataset::directive_state_counts` over the followed directives, each given its `state`. */
  function directiveStateCounts(items, today, dueSoon) {
    const counts = {};
    for (const s of STATES) counts[s] = 0;
    for (const item of items) {
      item.state = followUpState(item.directive.status, item.due, today, dueSoon);
      counts[item.state] += 1;
    }
    return counts;
  }

  /** `Dataset::directives_in_state`: soonest (or most overdue) due date first, then by path
   *  (then in id order, the sort being stable over the collection). */
  function directivesInState(items, state) {
    const parts = (item) => item.parts || (item.parts = pathParts(item.directive.path));
    return items.filter((item) => item.state === state).sort((a, b) => cmp(a.due, b.due)
      || cmpPath(parts(a), parts(b)) || cmp(a.directive.id, b.directive.id));
  }

  /** `Dataset::next_meeting_date`: the earliest meeting date or "next meeting" on or after today. */
  function nextMeetingDate(meetings, today) {
    let next = null;
    for (const m of meetings) {
      for (const iso of [m.date, m.next_meeting]) {
        if (iso == null) continue;
        const day = dayOf(iso);
        if (day >= today && (next == null || day < next)) next = day;
      }
    }
    return next;
  }

  // ---- numbers (i18n/format.rs, i18n/figures.rs, in Vietnamese) -------------------------
  /** Rust's `{:.2}`: like toFixed(2), but an exact tie rounds to even (x/8, x odd). */
  function fixed2(v) {
    const eighths = v * 8;
    if (Number.isInteger(eighths) && eighths % 2 !== 0) {
      const down = Math.floor(v * 100);
      return ((down % 2 === 0 ? down : down + 1) / 100).toFixed(2);
    }
    return v.toFixed(2);
  }

  /** `format_decimal(value, 2, Vi)`: "1.234,5". */
  function formatDecimal(value) {
    if (!Number.isFinite(value)) return '—';
    const text = fixed2(Math.abs(value));
    const [int, frac] = text.split('.');
    const decimals = frac.replace(/0+$/, '');
    const sign = value < 0 && /[1-9]/.test(text) ? '-' : '';
    return sign + int.replace(/\B(?=(\d{3})+$)/g, '.') + (decimals ? ',' + decimals : '');
  }
  /** `format_percent`. */
  const formatPercent = (v) => formatDecimal(v) + '%';
  /** `format_points`: "+5,3 điểm phần trăm". */
  function formatPoints(diff) {
    const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
    return sign + formatDecimal(Math.abs(diff)) + ' điểm phần trăm';
  }
  /** `format_money_billions`: đồng → "1.234,56 tỷ đồng", to the hundredth of a billion, half
   *  up (exact, in BigInt). */
  function formatBillions(vnd) {
    const v = BigInt(vnd);
    const sign = v > 0n ? 1n : v < 0n ? -1n : 0n;
    const hundredths = (v * 100n + 500000000n * sign) / 1000000000n;
    return formatDecimal(Number(hundredths) / 100) + ' tỷ đồng';
  }
  /** `measure_step` (figures.rs) of a percentage: "65,31% → 75,24%", or the value alone. */
  const measureStep = (c) => (c.before != null ? formatPercent(c.before) + ' → ' : '') + formatPercent(c.after);

  // ---- the page -----------------------------------------------------------------------
  function compute(data, now) {
    const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY; // local date
    const settings = loadSettings();
    const tolerance = tolerancePoints(settings);
    const dueSoon = dueSoonDays(settings);
    const reports = data.progress_reports || [];
    const byProject = reportsByProject(reports);
    const active = activeProjects(data.projects || []);
    const facts = projectFacts(active, byProject, today, tolerance);
    const open = unresolvedObstacles(data.obstacles || []);
    const items = followed(data.directives || [], today);
    const directiveCounts = directiveStateCounts(items, today, dueSoon);
    return {
      today,
      year: ymd(today)[0],
      active: active.length,
      counts: statusCounts(facts),
      obstacles: open.length,
      behind: behindWithObstacles(facts, open),
      stale: projectsWithoutRecentReport(active, byProject, today, STALE_REPORT_DAYS),
      capital: portfolioCapital(reports, ymd(today)[0]),
      lastYear: samePeriodLastYear(reports, today),
      province: latestPublicInvestment(data.committees || []),
      directiveCounts,
      overdue: directivesInState(items, 'overdue'),
      nextMeeting: nextMeetingDate(data.meetings || [], today),
      recent: recentChanges(active, byProject, today, RECENT_CHANGE_DAYS),
      conclusions: data.conclusions || [],
      units: data.units || [],
    };
  }

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }
  function link(href, text) {
    const a = el('a', text);
    a.href = href;
    return a;
  }
  function list(items) {
    const ul = el('ul', null, 'plain');
    ul.dataset.empty = 'Chưa có';
    ul.append(...items);
    return ul;
  }
  /** `more_link`: "… 42 dự án khác: xem danh sách dự án." under a folded list. */
  function more(total, href, what) {
    if (total <= folded(total)) return [];
    const li = el('li', null, 'muted');
    li.append(link(href, '… ' + (total - folded(total)) + ' ' + what));
    return [li];
  }
  const MORE_PROJECTS = 'dự án khác: xem danh sách dự án.';
  const MORE_DIRECTIVES = 'nhiệm vụ khác: xem trang đôn đốc.';
  const projectHref = (p) => '#/projects/' + p.id;

  function renderProjects(f) {
    const card = document.createDocumentFragment();
    card.append(el('p', String(f.active), 'big-number'), el('p', statusSummary(f.counts)),
      el('p', 'Vướng mắc: ' + f.obstacles + ' chưa tháo gỡ'));
    const behind = f.behind.slice(0, folded(f.behind.length)).map(({ project, obstacle }) => {
      const li = el('li');
      li.append(link(projectHref(project), displayName(project)));
      if (obstacle) li.append(el('span', ' · ' + obstacle.description, 'muted'));
      return li;
    });
    card.append(el('h3', 'Dự án chậm tiến độ và vướng mắc chính'),
      list(behind.concat(more(f.behind.length, '#/projects', MORE_PROJECTS))));
    const stale = f.stale.slice(0, folded(f.stale.length)).map((p) => {
      const li = el('li');
      li.append(link(projectHref(p), displayName(p)));
      return li;
    });
    card.append(el('h3', 'Dự án chưa có báo cáo trong 45 ngày (' + f.stale.length + ')'),
      list(stale.concat(more(f.stale.length, '#/projects', MORE_PROJECTS))));
    document.getElementById('b-projects-body').append(card);
  }

  function figures(pairs) {
    const dl = el('dl', null, 'figures');
    for (const [term, value] of pairs) dl.append(el('dt', term), el('dd', value));
    return dl;
  }
  const pct = (p) => (p != null ? ' (' + formatPercent(p) + ')' : '');

  function renderCapital(f) {
    const c = f.capital;
    const part = (v) => (c.plan > 0 ? v * 100 / c.plan : null); // CapitalTotals::*_percent
    const card = document.createDocumentFragment();
    card.append(el('h3', 'Vốn năm của các dự án trọng điểm, năm ' + f.year + ' (' + c.projects + ' dự án)'));
    const rows = [
      ['Kế hoạch vốn', formatBillions(c.plan)],
      ['Đã phân bổ', formatBillions(c.allocated) + pct(part(c.allocated))],
      ['Đã giải ngân', formatBillions(c.disbursed) + pct(part(c.disbursed))],
    ];
    const ly = f.lastYear;
    if (ly) {
      const then = ly.plan > 0 ? ly.disbursed * 100 / ly.plan : null;
      const change = part(c.disbursed) != null && then != null ? ' · ' + formatPoints(part(c.disbursed) - then) : '';
      rows.push(['Cùng kỳ năm trước (' + ly.projects + ' dự án)', formatBillions(ly.disbursed) + pct(then) + change]);
    }
    card.append(figures(rows));
    if (f.province) {
      const pc = f.province.capital;
      const money = (v) => (v != null ? formatBillions(v) : '');
      card.append(el('h3', 'Vốn đầu tư công của tỉnh ' + (pc.year != null ? pc.year : '')
        + ' · số liệu đến ngày ' + formatDate(f.province.day)));
      card.append(figures([
        ['Kế hoạch vốn', money(pc.plan)],
        ['Đã phân bổ', money(pc.allocated) + pct(allocationPercent(pc))],
        ['Đã giải ngân', money(pc.disbursed) + pct(disbursementPercent(pc))],
        ['Cùng kỳ năm trước', pc.same_period_last_year_percent != null ? formatPercent(pc.same_period_last_year_percent) : ''],
      ]));
    }
    document.getElementById('b-capital-body').append(card);
  }

  function renderMeeting(f) {
    document.getElementById('b-meeting-body').append(f.nextMeeting != null
      ? el('p', formatDate(f.nextMeeting), 'big-number') : el('p', 'Chưa có', 'muted'));
  }

  function renderDirectives(f) {
    const card = document.createDocumentFragment();
    const states = el('ul', null, 'states');
    for (const s of STATES) {
      if (f.directiveCounts[s] === 0) continue;
      const li = el('li');
      li.append(el('span', STATE_LABELS[s], STATE_CLASSES[s]), ' ', el('strong', String(f.directiveCounts[s])));
      states.append(li);
    }
    const conclusions = new Map(f.conclusions.map((c) => [c.id, c]));
    const units = new Map(f.units.map((u) => [u.id, u]));
    const overdue = f.overdue.slice(0, folded(f.overdue.length)).map(({ directive, due: day }) => {
      const conclusion = conclusions.get(directive.conclusion);
      const unit = directive.lead_unit != null ? units.get(directive.lead_unit) : null;
      const li = el('li');
      li.append(link('#/conclusions/' + directive.conclusion, (conclusion ? conclusion.number_symbol : '') + ' · ' + directive.path),
        ' ', firstChars(directive.text, 120),
        el('span', ' · ' + (unit ? displayName(unit) : '') + ' · ' + formatDate(day), 'muted'));
      return li;
    });
    card.append(states, el('h3', 'Nhiệm vụ quá hạn'), list(overdue.concat(more(f.overdue.length, '#/follow-up', MORE_DIRECTIVES))));
    document.getElementById('b-directives-body').append(card);
  }

  function renderRecent(f) {
    const body = document.createDocumentFragment();
    for (const { project, changes } of f.recent.slice(0, folded(f.recent.length))) {
      const tr = el('tr');
      const th = el('th');
      th.scope = 'row';
      th.append(link(projectHref(project), displayName(project)));
      const date = el('td', formatDate(changes.latest));
      date.dataset.label = 'Ngày báo cáo gần nhất';
      tr.append(th, date);
      SHOWN.forEach((m, i) => {
        const change = changes.changes.find((c) => c.measure === m);
        const td = el('td', change ? measureStep(change) : '', 'num');
        td.dataset.label = ['Giải phóng mặt bằng', 'Khối lượng xây lắp', 'Giải ngân'][i];
        tr.append(td);
      });
      body.append(tr);
    }
    if (f.recent.length > folded(f.recent.length)) {
      const tr = el('tr');
      const td = el('td');
      td.colSpan = 5;
      td.append(link('#/projects', '… ' + (f.recent.length - folded(f.recent.length)) + ' ' + MORE_PROJECTS));
      tr.append(td);
      body.append(tr);
    }
    document.getElementById('b-recent-rows').append(body);
  }

  function render(f) {
    renderProjects(f);
    renderCapital(f);
    renderMeeting(f);
    renderDirectives(f);
    renderRecent(f);
    document.getElementById('b-today').textContent = 'Hôm nay: ' + formatDate(f.today);
  }

  async function main() {
    const now = new Date();
    const data = await loadDataset();
    const loaded = performance.now();
    const f = compute(data, now);
    const computed = performance.now();
    render(f);
    window.__baseline = {
      statusCounts: {
        completed: f.counts.completed, onSchedule: f.counts.on_schedule,
        behind: f.counts.behind_schedule, preparation: f.counts.investment_preparation,
      },
      plan: f.capital.plan, allocated: f.capital.allocated, disbursed: f.capital.disbursed,
      capitalProjects: f.capital.projects,
      obstacles: f.obstacles,
      behind: f.behind.length,
      stale: f.stale.length,
      directiveCounts: f.directiveCounts,
      overdue: f.overdue.length,
      nextMeeting: f.nextMeeting != null ? isoDate(f.nextMeeting) : null,
      recent: f.recent.length,
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
