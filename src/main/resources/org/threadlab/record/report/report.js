/* threadlab report: draws the recording's data (the JSON in #report-data) with uPlot, all inside this one file */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var body = document.body;
  var dpr = window.devicePixelRatio || 1;
  var SYNC = uPlot.sync('threadlab');

  /* one colour per CellState, in the enum's order (NONE is not drawn) */
  var STATE_COLORS = {
    NONE: '#ffffff', RUNNING: '#2f9e44', RUNNABLE: '#f59f00', GIL_HELD: '#7048e8', GIL_WAITING: '#e64980',
    SLEEPING: '#74c0fc', LOCKED: '#c92a2a', ENDED: '#ced4da'
  };
  var CORE_COLORS = ['#1c7ed6', '#e8590c', '#2b8a3e', '#ae3ec9', '#c2255c', '#0c8599', '#5c940d', '#862e9c',
    '#d9480f', '#364fc7', '#a61e4d', '#087f5b'];
  var EVENT_COLORS = { started: '#2b8a3e', finished: '#1c7ed6', joined: '#1c7ed6', failed: '#c92a2a', killed: '#c92a2a',
    terminated: '#e8590c', terminating: '#e8590c', warning: '#e8590c', gil: '#7048e8' };

  var t = data.t;
  var n = t.length;
  /* the sampling interval at the start (a model's band is at most that long before it) */
  var interval = data.header.interval_s > 0 ? data.header.interval_s : 1;

  /*
   * The first model's band covers the interval before it, but no more than the gap to the second model: a
   * session's first models come at its first events, often milliseconds apart, and a whole interval of
   * nothing before them would only push the picture right. Every chart starts there, so their axes line up.
   */
  var xmin = t[0] - (n > 1 && t[1] - t[0] > 0 ? Math.min(interval, t[1] - t[0]) : interval);
  var xs = [xmin].concat(t);

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text != null) { e.textContent = text; }
    return e;
  }

  /* how many decimals a step of the axis needs (0.25 s: 2) */
  function decimals(step) {
    var d = 0;
    while (d < 3 && Math.abs(step * Math.pow(10, d) - Math.round(step * Math.pow(10, d))) > 1e-6) { d++; }
    return d;
  }

  /* seconds as m:ss, with the decimals asked for (true: one) */
  function clock(s, fine) {
    if (s == null) { return ''; }
    var places = fine === true ? 1 : fine || 0;
    var scale = Math.pow(10, places);
    var neg = s < 0;
    /* rounded first, so 59.96 s is 1:00.0, not 0:60.0 */
    var whole = Math.round(Math.abs(s) * scale);
    var m = Math.floor(whole / (60 * scale));
    var rest = (whole - m * 60 * scale) / scale;
    var secs = rest.toFixed(places);
    if (rest < 10) { secs = '0' + secs; }
    return (neg && whole > 0 ? '-' : '') + m + ':' + secs;
  }

  function bytes(v) {
    if (v == null) { return '-'; }
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var i = 0;
    while (Math.abs(v) >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return (i === 0 ? String(v) : v.toFixed(v < 10 ? 1 : 0)) + ' ' + units[i];
  }

  function live(s) { return s > 0 && data.states[s].name !== 'ENDED'; }

  /*
   * A lane as bands in time: model k's state covers the interval before it, clipped to the worker's start.
   * In the interval it ended in, the model says only ENDED: the band shows the state it was last seen in up to
   * its end (marked carried), then ENDED. Neighbours alike are one band.
   */
  function laneSegments(lane) {
    var out = [];
    function add(from, to, state, core, carried) {
      if (!(to > from)) { return; }
      var last = out[out.length - 1];
      if (last && last.state === state && last.core === core && !!last.carried === !!carried && Math.abs(last.to - from) < 1e-9) {
        last.to = to;
      } else {
        out.push({ from: from, to: to, state: state, core: core, carried: carried });
      }
    }
    for (var k = 0; k < n; k++) {
      var s = lane.states[k];
      if (!s) { continue; }
      var from = k === 0 ? xmin : t[k - 1];
      if (lane.start != null && lane.start > from && lane.start <= t[k]) { from = lane.start; }
      var ended = data.states[s].name === 'ENDED';
      if (ended && lane.end != null && lane.end > from && lane.end <= t[k]) {
        var before = k > 0 ? lane.states[k - 1] : 0;
        if (live(before)) { add(from, lane.end, before, lane.cores[k - 1], true); }
        from = lane.end;
      }
      add(from, t[k], s, ended ? -1 : lane.cores[k], false);
    }
    return out;
  }

  var width = function () { return Math.max(640, document.getElementById('cpu').clientWidth); };
  var longest = data.lanes.reduce(function (a, l) { return Math.max(a, l.label.length); }, 8);
  /* every chart's y axis is as wide as the widest lane label, so the charts' time axes line up */
  var AXIS = Math.min(300, Math.max(70, longest * 7 + 16));

  function xAxis() {
    return {
      values: function (u, splits, ax, space, incr) { return splits.map(function (v) { return clock(v, decimals(incr)); }); },
      label: 'time from the first model (m:ss)', labelSize: 20
    };
  }

  /* the rounds as shaded spans and the events as dashed lines, on every chart */
  function marks() {
    return {
      hooks: {
        drawClear: [function (u) {
          var ctx = u.ctx, b = u.bbox;
          ctx.save();
          data.rounds.forEach(function (r, i) {
            if (r.start == null) { return; }
            var x0 = u.valToPos(Math.max(r.start, xmin), 'x', true);
            var x1 = u.valToPos(r.end == null ? t[n - 1] : r.end, 'x', true);
            ctx.fillStyle = i % 2 === 0 ? 'rgba(255, 212, 59, .16)' : 'rgba(77, 171, 247, .12)';
            ctx.fillRect(Math.max(b.left, x0), b.top, Math.max(1, Math.min(b.left + b.width, x1) - Math.max(b.left, x0)), b.height);
            ctx.fillStyle = '#8a6d00';
            ctx.font = (11 * dpr) + 'px system-ui, sans-serif';
            if (x0 >= b.left && x0 < b.left + b.width) { ctx.fillText('round ' + r.id, x0 + 3 * dpr, b.top + 11 * dpr); }
          });
          ctx.restore();
        }],
        draw: [function (u) {
          var ctx = u.ctx, b = u.bbox;
          ctx.save();
          ctx.lineWidth = dpr;
          /* half see-through: where events crowd (a hundred workers starting) the bands still show */
          ctx.globalAlpha = 0.55;
          ctx.setLineDash([4 * dpr, 3 * dpr]);
          data.events.forEach(function (e) {
            if (e.t == null) { return; }
            var x = Math.round(u.valToPos(e.t, 'x', true)) + 0.5;
            if (x < b.left || x > b.left + b.width) { return; }
            ctx.strokeStyle = EVENT_COLORS[e.type] || '#868e96';
            ctx.beginPath();
            ctx.moveTo(x, b.top);
            ctx.lineTo(x, b.top + b.height);
            ctx.stroke();
          });
          ctx.restore();
        }]
      }
    };
  }

  var tip = document.getElementById('tip');
  var eventRows = [];

  /* on hover: the events near the cursor (and, on the workers' chart, the worker and state under it) */
  function hover(describe) {
    return {
      hooks: {
        setCursor: [function (u) {
          var left = u.cursor.left, top = u.cursor.top;
          eventRows.forEach(function (row) { row.classList.remove('near'); });
          if (left == null || left < 0) { tip.hidden = true; return; }
          var x = u.posToVal(left, 'x');
          var lines = [];
          var own = describe ? describe(u, x, top) : null;
          if (own) { lines.push(own); }
          data.events.forEach(function (e, i) {
            if (e.t != null && Math.abs(u.valToPos(e.t, 'x') - left) <= 4) {
              lines.push(clock(e.t, true) + '  ' + e.type + ': ' + e.text);
              if (eventRows[i]) { eventRows[i].classList.add('near'); }
            }
          });
          if (!lines.length || top == null || top < 0) { tip.hidden = true; return; }
          var box = u.over.getBoundingClientRect();
          tip.textContent = lines.join('\n');
          tip.hidden = false;
          var px = box.left + window.scrollX + left + 14;
          if (px + 360 > window.scrollX + document.documentElement.clientWidth) { px = box.left + window.scrollX + left - 374; }
          tip.style.left = px + 'px';
          tip.style.top = (box.top + window.scrollY + top + 14) + 'px';
        }]
      }
    };
  }

  var charts = [];

  function cpuChart() {
    var series = [{ label: 'time', value: function (u, v) { return v == null ? '-' : clock(v, true); } }];
    var values = [xs];
    data.cores.forEach(function (c, i) {
      series.push({
        label: 'core ' + c.core, stroke: CORE_COLORS[i % CORE_COLORS.length], width: 1.5, spanGaps: true,
        value: function (u, v) { return v == null ? '-' : v.toFixed(0) + '%'; }
      });
      values.push([null].concat(c.percent));
    });
    var u = new uPlot({
      width: width(), height: 260,
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [xAxis(), { size: AXIS, label: 'busy %', labelSize: 20, values: function (u, s) { return s.map(function (v) { return v + '%'; }); } }],
      series: series,
      cursor: { sync: { key: SYNC.key } },
      plugins: [marks(), hover(null)]
    }, values, document.getElementById('cpu-chart'));
    body.setAttribute('data-cores-drawn', String(u.series.length - 1));
    return u;
  }

  function memoryChart() {
    var series = [{ label: 'time', value: function (u, v) { return v == null ? '-' : clock(v, true); } }];
    var values = [xs];
    var colors = ['#1c7ed6', '#e8590c', '#5c940d'];
    data.memory.forEach(function (m, i) {
      series.push({ label: m.label, stroke: colors[i % colors.length], width: 1.5, spanGaps: true, value: function (u, v) { return bytes(v); } });
      values.push([null].concat(m.bytes));
    });
    return new uPlot({
      width: width(), height: 220,
      scales: { x: { time: false }, y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } } },
      axes: [xAxis(), { size: AXIS, values: function (u, s) { return s.map(bytes); } }],
      series: series,
      cursor: { sync: { key: SYNC.key } },
      plugins: [marks(), hover(null)]
    }, values, document.getElementById('memory-chart'));
  }

  function lanesChart() {
    var lanes = data.lanes;
    var rows = Math.max(1, lanes.length);
    var rowHeight = lanes.length > 40 ? 12 : 22;
    var segments = lanes.map(laneSegments);
    var drawn = 0;
    /* lane i is drawn from the top: its middle is at y = rows - i - 0.5 */
    function laneAt(u, top) {
      if (top == null || top < 0) { return -1; }
      var i = rows - 1 - Math.floor(u.posToVal(top, 'y'));
      return i >= 0 && i < lanes.length ? i : -1;
    }
    function drawLanes(u) {
      var ctx = u.ctx, b = u.bbox, h = b.height / rows;
      ctx.save();
      ctx.beginPath();
      ctx.rect(b.left, b.top, b.width, b.height);
      ctx.clip();
      drawn = 0;
      lanes.forEach(function (lane, i) {
        var y = b.top + i * h;
        /* faint stripes, so the rounds' shading (drawn under) shows through */
        if (i % 2 === 0) {
          ctx.fillStyle = 'rgba(33, 37, 41, .035)';
          ctx.fillRect(b.left, y, b.width, h);
        }
        segments[i].forEach(function (g) {
          var x0 = u.valToPos(g.from, 'x', true);
          var x1 = u.valToPos(g.to, 'x', true);
          ctx.fillStyle = STATE_COLORS[data.states[g.state].name];
          ctx.fillRect(x0, y + 2 * dpr, Math.max(dpr, x1 - x0), h - 4 * dpr);
          if (data.states[g.state].name === 'RUNNING' && g.core >= 0 && x1 - x0 > 12 * dpr && h > 14 * dpr) {
            ctx.fillStyle = '#ffffff';
            ctx.font = 'bold ' + (11 * dpr) + 'px system-ui, sans-serif';
            ctx.fillText(String(g.core), x0 + 3 * dpr, y + h / 2 + 4 * dpr);
          }
        });
        drawn++;
      });
      ctx.restore();
      body.setAttribute('data-lanes-drawn', String(drawn));
    }
    function describe(u, x, top) {
      var i = laneAt(u, top);
      if (i < 0) { return null; }
      var lane = lanes[i];
      var found = null;
      segments[i].forEach(function (g) { if (x >= g.from && x <= g.to) { found = g; } });
      if (!found) { return null; }
      var state = data.states[found.state];
      var where = state.name === 'RUNNING' && found.core >= 0 ? ' on core ' + found.core : '';
      return lane.label + (lane.round ? ', round ' + lane.round : '') + '\n' + lane.what + '\n' + state.words + where
        + (found.carried ? ' (as last seen, until it ended)' : '') + '  (' + clock(found.from, true) + ' to ' + clock(found.to, true) + ')';
    }
    var centers = lanes.map(function (l, i) { return rows - i - 0.5; });
    var u = new uPlot({
      width: width(), height: rows * rowHeight + 60,
      scales: { x: { time: false }, y: { range: [0, rows] } },
      axes: [xAxis(), {
        size: AXIS, gap: 4, grid: { show: false }, ticks: { show: false },
        splits: function () { return centers; },
        values: function (u, splits) {
          return splits.map(function (v) { var l = lanes[rows - 1 - Math.floor(v)]; return l ? l.label : ''; });
        }
      }],
      series: [{ label: 'time' }, { label: 'workers', stroke: 'transparent', points: { show: false } }],
      legend: { show: false },
      cursor: { sync: { key: SYNC.key }, drag: { x: true, y: false } },
      hooks: { draw: [drawLanes] },
      plugins: [marks(), hover(describe)]
    }, [xs, xs.map(function () { return null; })], document.getElementById('lanes-chart'));
    if (!lanes.length) {
      document.getElementById('lanes-chart').appendChild(el('p', { 'class': 'empty' }, 'No workers in this recording.'));
    }
    return u;
  }

  function header() {
    var h = data.header;
    var facts = document.getElementById('facts');
    var parts = [
      ['recorded', h.start], ['for', h.duration], ['models', h.models + (h.interval ? ', every ' + h.interval : '')],
      ['machine', h.host + ', ' + h.cores + ' cores'], ['workers', String(h.workers)], ['events', String(h.events)],
      ['by', 'threadlab ' + h.threadlab + ' (' + h.command + '), format ' + h.format]
    ];
    parts.forEach(function (p, i) {
      if (i) { facts.appendChild(document.createTextNode(' \u00b7 ')); }
      facts.appendChild(el('b', null, p[0] + ' '));
      facts.appendChild(document.createTextNode(p[1]));
    });
    var notes = document.getElementById('notes');
    data.notes.forEach(function (note) { notes.appendChild(el('li', null, note)); });
    document.getElementById('source').textContent = data.name;
  }

  function legend() {
    var box = document.getElementById('legend');
    data.states.forEach(function (s) {
      if (s.name === 'NONE') { return; }
      var item = el('span', { 'class': 'item', 'data-state': s.name });
      var sw = el('span', { 'class': 'swatch' });
      sw.style.background = STATE_COLORS[s.name];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(s.words + (s.name === 'RUNNING' ? ' (the digit: which core)' : '')));
      box.appendChild(item);
    });
  }

  function table(parent, heads, rows, empty) {
    if (!rows.length) { parent.appendChild(el('p', { 'class': 'empty' }, empty)); return []; }
    var tab = el('table');
    var tr = el('tr');
    heads.forEach(function (hd) { tr.appendChild(el('th', null, hd)); });
    tab.appendChild(el('thead')).appendChild(tr);
    var tbody = tab.appendChild(el('tbody'));
    var made = rows.map(function (cells) {
      var row = el('tr');
      cells.forEach(function (c) { row.appendChild(el('td', c[1] ? { 'class': c[1] } : null, c[0])); });
      tbody.appendChild(row);
      return row;
    });
    parent.appendChild(tab);
    return made;
  }

  function rounds() {
    table(document.getElementById('rounds-list'), ['#', 'what', 'asked at', 'wall', 'CPU', 'cores busy', 'workers', 'peak memory',
      'compared', 'verdict'],
      data.rounds.map(function (r) {
        var busy = r.cores_busy == null ? '-' : r.cores_busy.toFixed(2) + (r.host_cores > 0 ? ' of ' + r.host_cores : '');
        var verdict = r.verdict || (r.end == null ? 'still running when the recording ended' : '');
        var ends = [];
        if (r.finished) { ends.push(r.finished + ' finished'); }
        if (r.failed) { ends.push(r.failed + ' failed'); }
        if (r.stopped) { ends.push(r.stopped + ' stopped'); }
        return [[String(r.id), 'num'], [r.label], [clock(r.start, true), 'time'], [r.wall, 'num'], [r.cpu || '-', 'num'],
          [busy, 'num'], [ends.join(', ') || '-'], [r.peak_mem >= 0 ? bytes(r.peak_mem) : '-', 'num'], [r.comparison || ''], [verdict]];
      }), 'No rounds in this recording.');
  }

  function events() {
    eventRows = table(document.getElementById('events-list'), ['time', 'event', 'what happened'],
      data.events.map(function (e) { return [[clock(e.t, true), 'time'], [e.type, 'type'], [e.text]]; }),
      'No events in this recording.');
    eventRows.forEach(function (row) { row.className = 'event-row'; });
  }

  function resize() {
    var w = width();
    charts.forEach(function (u) { u.setSize({ width: w, height: u.height }); });
  }

  header();
  legend();
  charts.push(cpuChart());
  charts.push(lanesChart());
  charts.push(memoryChart());
  rounds();
  events();
  window.addEventListener('resize', resize);
  body.setAttribute('data-ready', '1');
})();
