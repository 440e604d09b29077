// orbitline's timeline page: the glue between the data `orbitline chart --format html` writes and
// vis-timeline. Items and groups come from the row model the SVG draws (data.plan) and the facts beside
// it (data.facts); nothing here computes a figure, it only shows the ones the command line computed.
// Every text from the catalog goes into the page as text (textContent, or DOM nodes), never as markup.
(function () {
  'use strict';
  performance.mark('page-script');
  var data = JSON.parse(document.getElementById('data').textContent);
  performance.mark('data-parsed');
  var $ = function (id) { return document.getElementById(id); };
  var DAY = 86400000;
  var tooltip = $('tooltip');

  function node(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  // Times in the row model are the JSON contract's instants ({utc, precision, …, as_published},
  // docs/json.md); the facts beside them are text as the command line prints it. One rule for showing a
  // time: as the command line does by default (Time::utc_text: `2025-04-24 09:17:31 UTC`, a date in its
  // own zone `2025-11-04 (+08:00 date)`); the published text, where it was a time of day in another zone,
  // in brackets in the side panel.
  function utc(t) { return t && typeof t === 'object' ? t.utc : t; }
  function shown(t) {
    if (!t) return '';
    var u = String(utc(t));
    var precision = typeof t === 'object' ? t.precision : 'second';
    if (precision === 'day') {
      var p = t.as_published, zone = p.slice(10);
      return p.slice(0, 10) + (zone === 'Z' || zone === '+00:00' ? ' (UTC date)' : zone ? ' (' + zone + ' date)' : ' (date)');
    }
    return u.slice(0, 10) + ' ' + u.slice(11, precision === 'minute' ? 16 : 19) + ' UTC';
  }
  function ms(t) { return new Date(utc(t)).getTime(); }
  function day(t) { return new Date(t).toISOString().slice(0, 10); }

  // The command line's fold: lowercase, no spaces, hyphens, punctuation or diacritics; other scripts kept.
  var LATIN = { 'ß': 'ss', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'þ': 'th', 'ð': 'd' };
  function fold(text) {
    return String(text).toLowerCase().replace(/ё/g, 'е').normalize('NFKD').replace(/\p{M}/gu, '')
      .replace(/[ßłøđæœıþð]/g, function (c) { return LATIN[c]; })
      .replace(/[^\p{L}\p{N}]/gu, '');
  }

  // ---- the items: one per bar of the row model, one per marker; station view apart ----
  var items = [];
  var meta = {};          // item id -> {row, bar, flight, kind}
  var flights = data.flights;
  var stayCount = 0;

  function groupOf(flightId, by) {
    var f = flights[flightId];
    if (!f) return 'other';
    if (by === 'nation') return f.nation.toUpperCase();
    if (by === 'station') return f.station || 'no station';
    return f.program;
  }

  function pct(t, a, b) { return Math.max(0, Math.min(100, (t - a) / (b - a) * 100)).toFixed(3); }

  // The bar, its ghost (to the planned return) and the hatching of an unfit spacecraft, as backgrounds of
  // one box spanning launch to the later of landing and planned return.
  function barStyle(bar, start, end, planned, boxEnd) {
    var images = [], sizes = [], positions = [];
    var e = Number(pct(end, start, boxEnd));
    if (bar.unfit_from) {
      var u = Number(pct(ms(bar.unfit_from), start, boxEnd));
      var w = Math.max(e - u, 0.5);
      images.push('repeating-linear-gradient(45deg, transparent 0 3px, rgba(0, 0, 0, 0.45) 3px 5px)');
      sizes.push(w.toFixed(3) + '% 100%');
      positions.push((w >= 100 ? 0 : u / (100 - w) * 100).toFixed(3) + '% 0');
    }
    images.push('linear-gradient(to right, var(--bar) ' + e + '%, transparent ' + e + '%)');
    sizes.push('100% 100%'); positions.push('0 0');
    if (planned !== null) {
      var g = pct(planned, start, boxEnd);
      if (planned < end) {
        // Came home late: the planned return is a tick on the bar.
        images.push('linear-gradient(to right, transparent calc(' + g + '% - 1px), var(--ghost-edge) calc(' + g + '% - 1px), var(--ghost-edge) calc(' + g + '% + 1px), transparent calc(' + g + '% + 1px))');
        images.unshift(images.pop());
        sizes.unshift('100% 100%'); positions.unshift('0 0');
      } else {
        images.push('linear-gradient(to right, var(--ghost) ' + g + '%, transparent ' + g + '%)');
        sizes.push('100% 100%'); positions.push('0 0');
      }
    }
    return 'background-image: ' + images.join(', ') + '; background-size: ' + sizes.join(', ') +
      '; background-position: ' + positions.join(', ') + ';';
  }

  function buildGantt(by) {
    var now = ms(data.now);
    data.plan.rows.forEach(function (row, i) {
      row.bars.forEach(function (bar, j) {
        var facts = data.facts[i][j] || {};
        var start = ms(bar.start);
        var end = bar.end ? ms(bar.end) : now;
        var planned = bar.planned_end ? ms(bar.planned_end) : null;
        var boxEnd = Math.max(end, planned || end, start + 60000);
        var id = 'b' + i + '.' + j;
        var label = node('span');
        if (bar.badge) { label.appendChild(node('span', bar.badge, 'badge')); label.appendChild(document.createTextNode(' ')); }
        label.appendChild(document.createTextNode(row.title));
        if (row.detail) label.appendChild(node('span', ' · ' + row.detail, 'detail'));
        var cls = 'stay bar-' + i + '-' + j + ' ' + bar.kind + (row.thin ? ' thin' : '') + (bar.end ? '' : ' open') +
          (bar.unfit_from ? ' unfit' : '') + (planned !== null ? ' planned' : '');
        // A box with a ghost or hatching is drawn whole (limitSize: false): its backgrounds are laid out
        // in percent of the whole span, which vis would otherwise cut to the window.
        items.push({ id: id, group: groupOf(facts.flight, by), start: start, end: boxEnd, content: label,
          className: cls, style: barStyle(bar, start, end, planned, boxEnd), type: 'range',
          limitSize: !(planned !== null || bar.unfit_from) });
        meta[id] = { row: i, bar: j, flight: facts.flight, kind: 'stay', stays: bar.stays };
        stayCount += 1;
        bar.markers.forEach(function (m, k) {
          var mid = 'm' + i + '.' + j + '.' + k;
          var mf = (facts.markers || [])[k] || {};
          var text = node('span', mf.title || m[1]);
          text.addEventListener('mouseenter', function (e) { showTooltip(mid, e.clientX, e.clientY); });
          text.addEventListener('mouseleave', function () { tooltip.hidden = true; });
          // A marker is a line across its group with its label at the top: background items take no
          // part in stacking, so a marker never pushes a bar onto another line.
          items.push({ id: mid, group: groupOf(facts.flight, by), start: ms(m[0]), end: ms(m[0]) + 1000,
            type: 'background', content: text, className: 'marker marker-' + m[1] });
          meta[mid] = { row: i, bar: j, marker: k, flight: facts.flight, kind: 'marker' };
        });
      });
    });
  }

  // A vehicle swap: a dashed line at the landing across the crew's group, labelled like a marker.
  var swaps = [];         // the swap items' ids
  function buildConnectors(by) {
    swaps = [];
    var rowOf = {};
    data.plan.rows.forEach(function (row, i) { rowOf[JSON.stringify(row.key)] = i; });
    data.plan.connectors.forEach(function (c, k) {
      var from = rowOf[JSON.stringify(c.from)], to = rowOf[JSON.stringify(c.to)];
      if (from === undefined || to === undefined) return;
      var facts = data.facts[from][0] || {};
      var id = 's' + k;
      var title = data.plan.rows[from].title + ' crew home on ' + data.plan.rows[to].title.replace(/ spacecraft$/, '');
      var text = node('span', title);
      items.push({ id: id, group: groupOf(facts.flight, by), start: ms(c.at), end: ms(c.at) + 1000,
        type: 'background', content: text, className: 'marker marker-swap' });
      meta[id] = { kind: 'swap', flight: facts.flight, title: title, at: c.at, from: from, to: to };
      swaps.push(id);
      text.addEventListener('mouseenter', function (e) { showTooltip(id, e.clientX, e.clientY); });
      text.addEventListener('mouseleave', function () { tooltip.hidden = true; });
    });
  }

  function buildStation() {
    var s = data.station;
    s.crews.forEach(function (c, i) {
      var id = 'c' + i;
      items.push({ id: id, group: 'aboard', start: ms(c[2]), end: c[3] ? ms(c[3]) : ms(data.now),
        content: node('span', c[0] + ' · ' + c[1]), className: 'stay crew band' + (i % 2), type: 'range' });
      meta[id] = { kind: 'crew-aboard', crew: c };
    });
    s.lanes.forEach(function (l, i) {
      var id = 'l' + i;
      var start = ms(l[2]);
      var end = l[3] ? ms(l[3]) : ms(data.now);
      items.push({ id: id, group: 'docked', start: start, end: end, content: node('span', l[1]),
        className: 'stay vehicle' + (l[4] ? ' unfit' : ''), type: 'range', limitSize: !l[4],
        style: barStyle({ unfit_from: l[4] }, start, end, null, end) });
      meta[id] = { kind: 'lane', flight: l[0], lane: l };
    });
    s.gaps.forEach(function (g, i) {
      var id = 'gap' + i;
      var text = node('span', g[2]);
      text.addEventListener('mouseenter', function (e) { showTooltip(id, e.clientX, e.clientY); });
      text.addEventListener('mouseleave', function () { tooltip.hidden = true; });
      // Labels of neighbouring gaps take turns between two lines, so back-to-back gaps both show.
      items.push({ id: id, start: ms(g[0]), end: g[1] ? ms(g[1]) : ms(data.now), type: 'background',
        content: text, className: 'gap' + (i % 2 ? ' gap-second' : '') });
      meta[id] = { kind: 'gap', gap: g };
    });
  }

  // ---- groups, filters, collapse ----
  var state = { group: 'program', nation: '', program: '', station: '', outcome: '', crewed: '', collapsed: {} };
  var view = data.view || {};
  if (view.nation) state.nation = view.nation.toUpperCase();
  if (view.program) state.program = view.program;
  if (view.station) state.station = view.station;
  if (view.station && !view.program && !view.nation) state.group = 'station';

  function admits(flightId) {
    var f = flights[flightId];
    if (!f) return true;
    if (state.nation && f.nation.toUpperCase() !== state.nation) return false;
    if (state.program && f.program.toLowerCase() !== state.program.toLowerCase()) return false;
    if (state.station && (f.station || '') !== state.station) return false;
    if (state.outcome && f.outcome !== state.outcome) return false;
    if (state.crewed === 'crewed' && !f.crewed) return false;
    if (state.crewed === 'uncrewed' && f.crewed) return false;
    return true;
  }

  var dataset = new vis.DataSet();
  var groups = new vis.DataSet();
  var itemView;

  function regroup() {
    items = []; meta = {}; stayCount = 0;
    if (data.kind === 'station') buildStation(); else { buildGantt(state.group); buildConnectors(state.group); }
    var firstOf = {}, counts = {};
    items.forEach(function (it) {
      if (it.group === undefined) return;
      if (!(it.group in firstOf) || it.start < firstOf[it.group]) firstOf[it.group] = it.start;
      if (meta[it.id].kind === 'stay' || meta[it.id].kind === 'crew-aboard' || meta[it.id].kind === 'lane') {
        counts[it.group] = (counts[it.group] || 0) + 1;
      }
    });
    var names = Object.keys(firstOf).sort(function (a, b) { return firstOf[a] - firstOf[b]; });
    var gs = names.map(function (g, order) {
      var label = data.kind === 'station' ? (g === 'aboard' ? 'People aboard' : 'Docked spacecraft') : g;
      var collapsed = !!state.collapsed[g];
      var content = node('span', (collapsed ? '▸ ' : '▾ ') + label + ' ');
      content.appendChild(node('span', String(counts[g] || 0), 'count'));
      return { id: g, order: order, content: content,
        className: collapsed ? 'collapsed' : '' };
    });
    dataset.clear();
    groups.clear();
    groups.add(gs);
    dataset.add(items);
    refilter();
  }

  function visibleItem(it) {
    var m = meta[it.id];
    if (!m) return false;
    if (it.group !== undefined && state.collapsed[it.group]) return false;
    if ((m.kind === 'marker' || m.kind === 'swap') && document.body.classList.contains('no-markers')) return false;
    return m.flight === undefined || admits(m.flight);
  }

  function refilter() {
    if (itemView) itemView.refresh();
    // A group with nothing left after the filters is hidden; a collapsed one stays, to be opened again.
    var shown = {};
    dataset.forEach(function (it) {
      var m = meta[it.id];
      if (it.group !== undefined && (m.flight === undefined || admits(m.flight))) shown[it.group] = true;
    });
    groups.update(groups.get().map(function (g) { return { id: g.id, visible: !!shown[g.id] }; }));
    saveHash();
  }

  itemView = new vis.DataView(dataset, { filter: visibleItem });

  // ---- the timeline ----
  // The span of everything the filters let through, with a little air on each side.
  function fullRange() {
    var lo = Infinity, hi = -Infinity;
    items.forEach(function (it) {
      if (!visibleItem(it)) return;
      lo = Math.min(lo, it.start); hi = Math.max(hi, it.end || it.start);
    });
    if (lo === Infinity) { lo = ms(data.now) - 365 * DAY; hi = ms(data.now); }
    var pad = (hi - lo) / 60;
    return [lo - pad, hi + pad];
  }

  regroup();
  performance.mark('items-built');
  var range = fullRange();
  if (data.kind === 'station' && data.station.start) range = [ms(data.station.start), ms(data.station.end)];
  // Without --from/--to the page opens on the last three years of what it shows: readable at once, and
  // quick (vis-timeline's first draw costs in the number of items in view; the whole history is one key,
  // 0, or the "all" button away).
  var OPENING = 3 * 365 * DAY;
  var start = view.from ? ms(view.from) : Math.max(range[0], range[1] - OPENING);
  var end = view.to ? ms(view.to) : range[1];

  var timeline = new vis.Timeline($('timeline'), itemView, groups, {
    start: start, end: end,
    min: range[0] - 3650 * DAY, max: range[1] + 3650 * DAY,
    zoomMin: 60 * 60000, zoomMax: 200 * 365 * DAY,
    stack: true, showCurrentTime: false, selectable: true, multiselect: true,
    orientation: { axis: 'both' }, verticalScroll: true, maxHeight: '78vh', horizontalScroll: false,
    zoomKey: '', margin: { item: { horizontal: 0, vertical: 3 }, axis: 4 },
    moment: function (date) { return vis.moment(date).utc(); },
    groupOrder: 'order',
    // Ready when vis-timeline has drawn the items and taken its loading screen away: the view in the URL
    // fragment is restored then, and tests wait for data-ready.
    onInitialDrawComplete: function () {
      restoreHash();
      ready = true;
      timeline.redraw();
      performance.mark('timeline-drawn');
      document.body.setAttribute('data-ready', 'true');
    },
    format: { minorLabels: { minute: 'HH:mm', hour: 'HH:mm' }, majorLabels: { minute: 'ddd D MMMM YYYY', hour: 'ddd D MMMM YYYY' } }
  });

  performance.mark('timeline-created');
  // The now line, and the line of the catalog's last check against its sources (one line when both fall
  // on the same day).
  var checkedToday = data.checked && day(ms(data.checked)) === day(ms(data.now));
  timeline.addCustomTime(new Date(ms(data.now)), 'now');
  timeline.setCustomTimeMarker('now ' + day(ms(data.now)) + (checkedToday ? ' · last checked' : ''), 'now', false);
  if (data.checked && !checkedToday) {
    timeline.addCustomTime(new Date(ms(data.checked)), 'checked');
    timeline.setCustomTimeMarker('last checked ' + day(ms(data.checked)), 'checked', false);
  }
  timeline.on('timechanged', function (p) {
    // The lines are facts, not handles: put them back if dragged.
    timeline.setCustomTime(new Date(ms(p.id === 'now' ? data.now : data.checked)), p.id);
  });

  // Marker labels appear when there is room (a window under about four months). Over more than fifteen
  // years markers, swap lines and their arrows are left out: a few pixels apart, they say nothing
  // there, and each costs drawing time at every zoom step (docs/performance.md).
  var WIDE = 15 * 365 * DAY;
  function labelRoom() {
    var w = timeline.getWindow();
    var wide = w.end - w.start > WIDE;
    if (wide !== document.body.classList.contains('no-markers')) {
      document.body.classList.toggle('no-markers', wide);
      itemView.refresh();
    }
    var room = w.end - w.start < 120 * DAY;
    if (room === document.body.classList.contains('marker-labels')) return;
    document.body.classList.toggle('marker-labels', room);
  }

  // Labels that would overlap get room or go: after each draw, marker labels are taken in order of
  // importance (anomaly, schedule change, swap, spacewalk, docking); each keeps the line it is on up to
  // the next label that starts to its right (cut with an ellipsis, its full text on hover), cuts a bar's
  // label that started to its left (down to 60 px), and is hidden when fewer than 48 px are left to it.
  var ORDER = { anomaly: 0, schedule: 1, swap: 2, eva: 3, docking: 4 };
  function roomForLabels() {
    if (!document.body.classList.contains('marker-labels')) return;
    var root = $('timeline');
    var bars = [].slice.call(root.querySelectorAll('.vis-item.stay .vis-item-content'));
    var marks = [].slice.call(root.querySelectorAll('.vis-item.vis-background.marker .vis-item-content'));
    bars.concat(marks).forEach(function (e) { e.style.maxWidth = ''; e.classList.remove('no-room'); });
    var kindOf = function (e) { var m = /marker-(\w+)/.exec(e.closest('.vis-item').className); return m ? m[1] : ''; };
    marks.sort(function (a, b) { return (ORDER[kindOf(a)] || 9) - (ORDER[kindOf(b)] || 9); });
    var box = function (e) { var r = e.getBoundingClientRect(); return { l: r.left, r: r.right, t: r.top, b: r.bottom, e: e }; };
    var same = function (a, b) { return a.t < b.b - 2 && b.t < a.b - 2; };
    var kept = [];
    var barBoxes = bars.map(function (e) {
      var b = box(e), bar = box(e.closest('.vis-item'));
      b.r = Math.min(b.r, bar.r); b.l = Math.max(b.l, bar.l);
      return b;
    }).filter(function (b) { return b.r > b.l; });
    marks.forEach(function (e) {
      var m = box(e);
      if (m.r <= m.l) return;
      var right = m.r;
      barBoxes.concat(kept).forEach(function (o) {
        if (!same(m, o) || o.r <= m.l || o.l >= right) return;
        if (o.l > m.l) { right = Math.min(right, o.l - 4); return; }
        // A label that starts left of this one: a bar's is cut where this one starts, unless that
        // would leave it under 60 px (then this one gives way); a kept marker's label is not cut, and
        // this one takes what is left after it, if anything.
        if (o.e.closest('.stay') && m.l - 4 - o.l >= 60) {
          o.e.style.maxWidth = (m.l - 4 - o.l) + 'px';
          o.r = m.l - 4;
        } else if (o.e.closest('.stay')) {
          right = -Infinity;
        } else {
          right = m.l - 1;
        }
      });
      if (right - m.l < 48) { e.classList.add('no-room'); return; }
      if (right < m.r) e.style.maxWidth = (right - m.l) + 'px';
      m.r = right;
      kept.push(m);
    });
  }

  // Swap connectors: vis-timeline draws none, so an SVG over the timeline draws each as an arrow at the
  // landing, from the crew's bar to the bar of the spacecraft that brought them home, placed from the
  // bars' boxes after each draw and scroll. A connector one of whose bars is not drawn (filtered, folded,
  // scrolled away) is left out; its dashed line and label stay.
  var SVG = 'http://www.w3.org/2000/svg';
  var overlay = document.createElementNS(SVG, 'svg');
  overlay.setAttribute('class', 'connectors');
  overlay.setAttribute('aria-hidden', 'true');
  overlay.innerHTML = '<defs><marker id="swap-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"></path></marker></defs>';
  $('timeline').appendChild(overlay);
  function barBox(row, at) {
    var bars = data.plan.rows[row].bars, t = ms(at), best = 0;
    bars.forEach(function (b, j) { if (ms(b.start) <= t && (!b.end || ms(b.end) >= t - 60000)) best = j; });
    var e = $('timeline').querySelector('.vis-item.bar-' + row + '-' + best);
    return e && e.offsetParent ? e.getBoundingClientRect() : null;
  }
  function drawConnectors() {
    [].slice.call(overlay.querySelectorAll('line')).forEach(function (l) { l.remove(); });
    if (data.kind === 'station' || document.body.classList.contains('no-markers')) return;
    var root = $('timeline').getBoundingClientRect();
    var panel = $('timeline').querySelector('.vis-panel.vis-center');
    if (!panel) return;
    var p = panel.getBoundingClientRect(), w = timeline.getWindow();
    overlay.setAttribute('width', root.width); overlay.setAttribute('height', root.height);
    swaps.forEach(function (id) {
      var m = meta[id];
      if (!visibleItem(dataset.get(id))) return;
      var a = barBox(m.from, m.at), b = barBox(m.to, m.at);
      var x = p.left + (ms(m.at) - w.start) / (w.end - w.start) * p.width;
      if (!a || !b || x < p.left || x > p.right) return;
      var down = b.top > a.top;
      var y1 = down ? a.bottom : a.top, y2 = down ? b.top : b.bottom;
      y1 = Math.max(p.top, Math.min(p.bottom, y1)); y2 = Math.max(p.top, Math.min(p.bottom, y2));
      if (Math.abs(y2 - y1) < 2) return;
      var line = document.createElementNS(SVG, 'line');
      line.setAttribute('x1', x - root.left); line.setAttribute('x2', x - root.left);
      line.setAttribute('y1', y1 - root.top); line.setAttribute('y2', y2 - root.top);
      line.setAttribute('marker-end', 'url(#swap-head)');
      line.setAttribute('data-swap', id);
      overlay.appendChild(line);
    });
  }
  // Both passes read the boxes vis-timeline just laid out: once per frame, after its draw.
  var afterDrawQueued = false;
  function afterDraw() {
    if (afterDrawQueued) return;
    afterDrawQueued = true;
    requestAnimationFrame(function () { afterDrawQueued = false; roomForLabels(); drawConnectors(); });
  }
  timeline.on('changed', afterDraw);
  timeline.on('scroll', afterDraw);

  timeline.on('rangechanged', function () {
    // vis-timeline finishes its first draw on the redraw after its first range change, which may
    // otherwise wait for its once-a-second resize check: ask for that redraw now.
    if (!ready) requestAnimationFrame(function () { timeline.redraw(); });
    labelRoom();
    saveHash();
  });
  labelRoom();

  // ---- tooltip ----
  function tooltipLines(id) {
    var m = meta[id];
    if (!m) return [];
    if (m.kind === 'stay') {
      var row = data.plan.rows[m.row], bar = row.bars[m.bar], f = data.facts[m.row][m.bar];
      var lines = [[row.title + (f.crew.length ? ' · ' + f.crew.join(', ') : ''), 'head']];
      lines.push([f.start + ' → ' + (f.end || 'in orbit')]);
      lines.push([f.elapsed, 'figure']);
      if (f.days) lines.push(['days: ' + f.days]);
      if (f.vehicles) lines.push([f.vehicles]);
      if (f.planned) lines.push([f.planned]);
      if (bar.unfit_from) lines.push(['unfit for crew return from ' + day(ms(bar.unfit_from))]);
      if (bar.note) lines.push([bar.note]);
      if (bar.badge) lines.push([bar.badge, 'badge']);
      return lines;
    }
    if (m.kind === 'marker') {
      var mf = data.facts[m.row][m.bar].markers[m.marker];
      var kind = data.plan.rows[m.row].bars[m.bar].markers[m.marker][1];
      return [[mf.title || kind, 'head'], [kind + ' · ' + mf.time]];
    }
    if (m.kind === 'crew-aboard') return [[m.crew[0], 'head'], [m.crew[1] + ' aboard'], [shown(m.crew[2]) + ' → ' + (shown(m.crew[3]) || 'now')]];
    if (m.kind === 'lane') {
      var out = [[m.lane[1], 'head'], ['docked ' + shown(m.lane[2]) + ' → ' + (shown(m.lane[3]) || 'now')]];
      if (m.lane[4]) out.push(['unfit for crew return from ' + day(ms(m.lane[4]))]);
      return out;
    }
    if (m.kind === 'swap') return [[m.title, 'head'], ['vehicle swap · landed ' + shown(m.at)]];
    if (m.kind === 'gap') {
      return [[m.gap[2], 'head'], [shown(m.gap[0]) + ' → ' + (shown(m.gap[1]) || 'now')]]
        .concat((m.gap[3] || []).map(function (t) { return [t]; }));
    }
    return [];
  }
  function showTooltip(id, x, y) {
    var lines = tooltipLines(id);
    if (!lines.length) return;
    tooltip.textContent = '';
    lines.forEach(function (l) { tooltip.appendChild(node('div', l[0], l[1])); });
    tooltip.hidden = false;
    var w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    tooltip.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 8)) + 'px';
    tooltip.style.top = Math.max(4, Math.min(y + 14, window.innerHeight - h - 8)) + 'px';
  }
  timeline.on('itemover', function (p) { showTooltip(p.item, p.event.clientX, p.event.clientY); });
  timeline.on('itemout', function () { tooltip.hidden = true; });

  // ---- side panel ----
  function causeList(causes) {
    var ul = node('ul', null, 'why');
    causes.forEach(function (c) {
      var li = node('li', c.reference + ' (' + shown(c.time) + ')' + (c.title ? ': ' + c.title : ''));
      if (c.caused_by && c.caused_by.length) { li.appendChild(node('span', ' ← because')); li.appendChild(causeList(c.caused_by)); }
      ul.appendChild(li);
    });
    return ul;
  }
  function openPanel(id) {
    var m = meta[id];
    var body = $('panel-body');
    body.textContent = '';
    if (!m || !m.flight || !flights[m.flight]) { $('panel').hidden = true; return; }
    var f = flights[m.flight];
    body.appendChild(node('h2', f.name));
    body.appendChild(node('p', [f.program, f.nation.toUpperCase(), f.station || 'no station', f.outcome].join(' · '), 'muted'));
    tooltipLines(id).slice(1).forEach(function (l) { body.appendChild(node('p', l[0], l[1])); });
    var barFacts = m.kind === 'stay' ? data.facts[m.row][m.bar] : null;
    if (barFacts && barFacts.published) body.appendChild(node('p', '(published ' + barFacts.published + ')', 'muted published'));
    if (m.kind === 'stay') {
      var facts = data.facts[m.row][m.bar];
      if (facts.swap_causes.length) { body.appendChild(node('h3', 'Why the swap')); body.appendChild(causeList(facts.swap_causes)); }
      if (facts.slip_causes.length) { body.appendChild(node('h3', 'Why the return moved')); body.appendChild(causeList(facts.slip_causes)); }
    }
    body.appendChild(node('h3', 'Events'));
    var ol = node('ol', null, 'events');
    f.events.forEach(function (e) {
      ol.appendChild(node('li', e.time + (e.published ? ' (published ' + e.published + ')' : '') + ' · ' + e.kind + ' · ' + e.title));
    });
    if (!f.events.length) ol.appendChild(node('li', 'none recorded'));
    body.appendChild(ol);
    body.appendChild(node('h3', 'Sources'));
    var ul = node('ul', null, 'sources');
    f.sources.forEach(function (s) {
      var li = node('li');
      if (/^https?:\/\//.test(s)) { var a = node('a', s); a.href = s; a.rel = 'noopener noreferrer'; a.target = '_blank'; li.appendChild(a); }
      else li.textContent = s;
      ul.appendChild(li);
    });
    body.appendChild(ul);
    $('panel').hidden = false;
  }
  timeline.on('select', function (p) { if (p.items.length) openPanel(p.items[0]); saveHash(); });
  $('panel-close').addEventListener('click', function () { $('panel').hidden = true; timeline.setSelection([]); saveHash(); });

  timeline.on('click', function (p) {
    if (p.what === 'group-label' && p.group !== null && p.group !== undefined) {
      state.collapsed[p.group] = !state.collapsed[p.group];
      regroup();
    }
  });

  // ---- search: the command line's names, then names that contain the text ----
  // The command line's given-name prefix rule (catalog/names): the family name (a person's first or last
  // word) with the start, or a known short form, of another of their names: "Tim Peake", "Mike Fincke".
  var SUFFIXES = ['jr', 'sr', 'ii', 'iii', 'iv'];
  function givenNamePrefix(text) {
    var query = String(text).split(/[\s,]+/).map(fold).filter(function (w) { return w && SUFFIXES.indexOf(w) < 0; });
    if (query.length < 2) return [];
    var shorts = data.short_forms || {};
    function fits(words) {
      var names = words[0], family = names.length > 1 ? [0, names.length - 1] : names.length ? [0] : [];
      return family.some(function (f) {
        var q = query.indexOf(names[f]);
        if (q < 0) return false;
        var others = names.filter(function (n, i) { return i !== f; }).concat(words[1]);
        return query.every(function (w, i) {
          return i === q || (Array.from(w).length >= 2 && others.some(function (o) {
            return o.indexOf(w) === 0 || (shorts[w] || []).indexOf(o) >= 0;
          }));
        });
      });
    }
    return Object.keys(data.people || {}).filter(function (id) { return data.people[id].some(fits); })
      .map(function (id) { return 'a:' + id; });
  }
  function search(text) {
    var key = fold(text);
    var out = $('search-result');
    if (!key) { out.textContent = ''; return []; }
    var targets = data.names[key] || givenNamePrefix(text);
    if (!targets.length && key.length >= 4) {
      Object.keys(data.names).forEach(function (k) {
        if (k.indexOf(key) >= 0) data.names[k].forEach(function (t) { if (targets.indexOf(t) < 0) targets.push(t); });
      });
    }
    var found = [];
    Object.keys(meta).forEach(function (id) {
      var m = meta[id];
      if (m.kind !== 'stay' && m.kind !== 'lane') return;
      var hit = targets.some(function (t) {
        var kind = t.slice(0, 1), tid = t.slice(2);
        if (kind === 'f') return m.flight === tid || (m.stays || []).some(function (s) { return s[1] === tid; });
        return (m.stays || []).some(function (s) { return s[0] === tid; });
      });
      if (hit) found.push(id);
    });
    if (!found.length) { out.textContent = 'nothing matches “' + text + '”'; return []; }
    // Matches hidden by a filter or a collapsed group are shown: the reader asked for them.
    var clear = found.some(function (id) { var it = dataset.get(id); return !visibleItem(it); });
    if (clear) {
      state.nation = state.program = state.station = state.outcome = state.crewed = '';
      state.collapsed = {};
      syncControls(); regroup();
    }
    timeline.setSelection(found);
    var lo = Infinity, hi = -Infinity;
    found.forEach(function (id) { var it = dataset.get(id); lo = Math.min(lo, it.start); hi = Math.max(hi, it.end || it.start); });
    var pad = Math.max((hi - lo) / 20, DAY);
    timeline.setWindow(lo - pad, hi + pad, { animation: false });
    timeline.focus(found[0], { animation: false, zoom: false });
    timeline.setWindow(lo - pad, hi + pad, { animation: false });
    out.textContent = found.length + (found.length === 1 ? ' bar' : ' bars') + ' for “' + text + '”';
    state.query = text;
    saveHash();
    return found;
  }
  $('search-form').addEventListener('submit', function (e) { e.preventDefault(); search($('search').value); });

  // ---- controls ----
  function fillSelect(id, values, current) {
    var sel = $(id);
    values.forEach(function (v) { var o = node('option', v[1]); o.value = v[0]; sel.appendChild(o); });
    sel.value = current;
  }
  function distinct(fn) {
    var seen = {};
    Object.keys(flights).forEach(function (id) { var v = fn(flights[id]); if (v) seen[v] = true; });
    return Object.keys(seen).sort().map(function (v) { return [v, v]; });
  }
  fillSelect('filter-nation', distinct(function (f) { return f.nation.toUpperCase(); }), state.nation);
  fillSelect('filter-program', distinct(function (f) { return f.program; }), state.program);
  fillSelect('filter-station', distinct(function (f) { return f.station; }), state.station);
  fillSelect('filter-outcome', distinct(function (f) { return f.outcome; }), state.outcome);
  function syncControls() {
    $('group-by').value = state.group;
    ['nation', 'program', 'station', 'outcome', 'crewed'].forEach(function (k) { $('filter-' + k).value = state[k]; });
  }
  ['nation', 'program', 'station', 'outcome', 'crewed'].forEach(function (k) {
    $('filter-' + k).addEventListener('change', function (e) { state[k] = e.target.value; refilter(); });
  });
  $('group-by').addEventListener('change', function (e) { state.group = e.target.value; state.collapsed = {}; regroup(); saveHash(); });
  if (data.kind === 'station') $('group-by').disabled = true;
  $('zoom-in').addEventListener('click', function () { timeline.zoomIn(0.5); });
  $('zoom-out').addEventListener('click', function () { timeline.zoomOut(0.5); });
  $('fit').addEventListener('click', function () { var r = fullRange(); timeline.setWindow(r[0], r[1]); });
  $('theme').addEventListener('click', function () {
    var dark = document.documentElement.getAttribute('data-theme') === 'dark' ||
      (!document.documentElement.getAttribute('data-theme') && matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.setAttribute('data-theme', dark ? 'light' : 'dark');
  });
  function pan(fraction) {
    var w = timeline.getWindow(), d = (w.end - w.start) * fraction;
    timeline.setWindow(w.start.getTime() + d, w.end.getTime() + d, { animation: false });
  }
  document.addEventListener('keydown', function (e) {
    var typing = /INPUT|SELECT|TEXTAREA/.test(e.target.tagName);
    if (e.key === 'Escape') { $('panel').hidden = true; tooltip.hidden = true; return; }
    if (typing) return;
    if (e.key === '/') { e.preventDefault(); $('search').focus(); }
    else if (e.key === '+' || e.key === '=') timeline.zoomIn(0.5);
    else if (e.key === '-' || e.key === '_') timeline.zoomOut(0.5);
    else if (e.key === 'ArrowLeft') pan(-0.2);
    else if (e.key === 'ArrowRight') pan(0.2);
    else if (e.key === '0') $('fit').click();
  });

  // ---- the view in the URL fragment ----
  // The fragment is written only once the view it names has been restored from it (the first draw).
  var restoring = false, ready = false;
  function saveHash() {
    if (restoring || !ready) return;
    var w = timeline.getWindow();
    var p = new URLSearchParams();
    p.set('from', new Date(w.start).toISOString());
    p.set('to', new Date(w.end).toISOString());
    if (data.kind !== 'station') p.set('group', state.group);
    ['nation', 'program', 'station', 'outcome', 'crewed'].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
    var sel = timeline.getSelection();
    if (sel.length) p.set('select', sel.join(','));
    if (state.query) p.set('q', state.query);
    history.replaceState(null, '', '#' + p.toString());
  }
  function restoreHash() {
    if (location.hash.length < 2) return;
    var p = new URLSearchParams(location.hash.slice(1));
    restoring = true;
    if (p.get('group') && /^(program|nation|station)$/.test(p.get('group'))) state.group = p.get('group');
    ['nation', 'program', 'station', 'outcome', 'crewed'].forEach(function (k) { if (p.has(k)) state[k] = p.get(k); });
    syncControls(); regroup();
    if (p.get('q')) { $('search').value = p.get('q'); state.query = p.get('q'); }
    var sel = (p.get('select') || '').split(',').filter(function (id) { return meta[id]; });
    if (sel.length) { timeline.setSelection(sel); openPanel(sel[0]); }
    var from = Date.parse(p.get('from')), to = Date.parse(p.get('to'));
    if (from < to) timeline.setWindow(from, to, { animation: false });
    restoring = false;
    labelRoom();
  }
  syncControls();
  window.addEventListener('hashchange', restoreHash);

  // ---- heading and legend ----
  $('title').textContent = data.title;
  document.title = data.title + ' · orbitline';
  $('subtitle').textContent = data.catalog_line;
  var legend = $('legend');
  [['crew', 'crew in orbit'], ['vehicle', 'spacecraft without its launch crew'], ['ghost', 'to the planned return'],
    ['unfit', 'unfit for crew return'], ['eva', 'spacewalk'], ['anomaly', 'anomaly'], ['schedule', 'schedule change'],
    ['docking', 'docking'], ['swap', 'vehicle swap: the crew came home on another spacecraft'], ['badge', 'record'], ['now', 'now'], ['checked', 'last checked against sources'],
    ['gap', 'return-coverage gap']].forEach(function (e) {
    var s = node('span', e[1], 'key key-' + e[0]);
    legend.appendChild(s);
  });
  legend.appendChild(node('span', 'Times UTC. Drag or wheel to pan and zoom; +/− and arrow keys; / to search; click a bar for its events and sources.', 'muted'));

  // For tests and the curious: the timeline and what each item is.
  window.orbitline = { data: data, timeline: timeline, items: dataset, view: itemView, meta: meta, search: search,
    stays: function () { return stayCount; } };
})();
