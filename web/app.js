/* app.js: the lagebild browser UI, a one-page app on the JSON API of
 * 'lagebild serve'. Hash routes: #/ (dashboard), #/timeline?a=&b=,
 * #/events?..., #/docs/{id}?event=, #/quotes?..., #/search?q=.
 * Safety: every text from the database goes into the page as a text node
 * (el() below); no innerHTML; links only for http(s) URLs. Charts are ECharts
 * (web/vendor/echarts.min.js, put there by scripts/web.sh). */
'use strict';

const view = document.getElementById('view');
const charts = [];                 // live ECharts instances (disposed per route)
window.lagebild = { charts, ready: false };

/* el('tag', {attr: value, onclick: fn}, child...): children are nodes or
 * strings (text nodes, never parsed as HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/* A link to an article's own URL, only for http and https. */
function sourceLink(url, label) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:')
      return el('a', { href: u.href, target: '_blank', rel: 'noopener noreferrer nofollow' }, label || 'source');
  } catch (e) { /* no URL */ }
  return null;
}

function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? '?' + s : '';
}

async function api(path, params) {
  const r = await fetch('api/' + path + qs(params || {}), { headers: { Accept: 'application/json' } });
  const j = await r.json();
  if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status));
  return j;
}

function docHref(doc, eventId) { return '#/docs/' + encodeURIComponent(doc) + (eventId ? '?event=' + encodeURIComponent(eventId) : ''); }

/* A table of rows with the given columns: [header, key or fn(row), class]. */
function table(rows, cols, attrs) {
  return el('table', attrs || {},
    el('thead', {}, el('tr', {}, cols.map(c => el('th', {}, c[0])))),
    el('tbody', {}, rows.map(r => el('tr', {}, cols.map(c => {
      const v = typeof c[1] === 'function' ? c[1](r) : r[c[1]];
      return el('td', { class: c[2] }, v === null || v === undefined ? '' : v);
    })))));
}

function dyadText(a, r) { return (a || '?') + ' → ' + (r || '?'); }

const eventCols = [
  ['date', 'date'], ['actor', 'actor'], ['type', r => el('span', { class: 'tag' }, r.type)], ['recipient', 'recipient'],
  ['flags', 'flags'], ['Goldstein', 'goldstein', 'num'],
  ['sentence', r => el('a', { href: docHref(r.doc, r.event_id), class: 'event-link', 'data-event': r.event_id }, r.sentence || '(no sentence)')],
  ['article', r => [r.title || r.doc, ' ', sourceLink(r.url)]],
];

function chart(node, option) {
  if (!window.echarts) { node.replaceChildren(el('p', { class: 'muted' }, 'Charts need web/vendor/echarts.min.js: run scripts/web.sh.')); return null; }
  const c = window.echarts.init(node, null, { renderer: 'svg' });
  c.setOption({ animation: false, ...option });
  charts.push(c);
  return c;
}

function card(k, n) { return el('div', { class: 'card', 'data-stat': k }, el('div', { class: 'n' }, n === null ? '–' : String(n)), el('div', { class: 'k' }, k)); }

async function dashboard() {
  const [stats, actors, dyads] = await Promise.all([api('stats'), api('actors', { limit: 10 }), api('dyads', { limit: 40 })]);
  const netNode = el('div', { class: 'chart', id: 'network' });
  view.replaceChildren(
    el('h1', {}, 'Dashboard'),
    el('div', { class: 'cards' }, card('documents', stats.documents), card('events', stats.events), card('quotes', stats.quotes),
      card('actors', stats.actors), card('mentions', stats.mentions),
      el('div', { class: 'card', 'data-stat': 'range' }, el('div', { class: 'n' }, (stats.first_event || '–') + ' … ' + (stats.last_event || '–')), el('div', { class: 'k' }, 'events from … to'))),
    el('div', { class: 'grid2' },
      el('div', {}, el('h2', {}, 'Most active actors'), table(actors.rows, [['code', 'code'], ['sector', 'sector'], ['name', 'name'],
        ['as actor', 'as_actor', 'num'], ['as recipient', 'as_recipient', 'num'], ['mentions', 'mentions', 'num'],
        ['', r => el('a', { href: '#/events' + qs({ actor: r.code }) }, 'events')]], { id: 'top-actors' })),
      el('div', {}, el('h2', {}, 'Most active dyads'), table(dyads.rows.slice(0, 10), [['dyad', r => el('a', { href: '#/timeline' + qs({ a: r.actor, b: r.recipient }) }, dyadText(r.actor, r.recipient))],
        ['events', 'events', 'num'], ['cooperation', 'cooperation', 'num'], ['conflict', 'conflict', 'num'], ['mean Goldstein', 'goldstein', 'num']], { id: 'top-dyads' }))),
    el('h2', {}, 'Actor network (dyads as weighted edges; click an edge for its timeline)'), el('div', { class: 'panel' }, netNode));
  const names = new Map();
  for (const d of dyads.rows) { names.set(d.actor, (names.get(d.actor) || 0) + d.events); names.set(d.recipient, (names.get(d.recipient) || 0) + d.events); }
  const c = chart(netNode, {
    tooltip: {},
    series: [{ type: 'graph', layout: 'force', roam: true, label: { show: true }, force: { repulsion: 220, edgeLength: 110 },
      edgeSymbol: ['none', 'arrow'],
      data: [...names].map(([n, w]) => ({ name: n, value: w, symbolSize: 12 + 5 * Math.sqrt(w) })),
      links: dyads.rows.map(d => ({ source: d.actor, target: d.recipient, value: d.events,
        lineStyle: { width: 1 + Math.sqrt(d.events), color: d.goldstein < 0 ? '#c0392b' : '#2e8b57' } })) }],
  });
  if (c) c.on('click', p => { if (p.dataType === 'edge') location.hash = '#/timeline' + qs({ a: p.data.source, b: p.data.target }); });
}

/* The events of one month of a dyad, both directions, newest first. */
async function monthEvents(a, b, month) {
  const range = month === 'undated' ? {} : { since: month, until: month };
  const [ab, ba] = await Promise.all([api('events', { actor: a, recipient: b, limit: 1000, ...range }),
    a === b ? { rows: [] } : api('events', { actor: b, recipient: a, limit: 1000, ...range })]);
  const seen = new Set();
  return ab.rows.concat(ba.rows).filter(r => !seen.has(r.event_id) && seen.add(r.event_id))
    .filter(r => month !== 'undated' || !r.date)
    .sort((x, y) => (y.date || '').localeCompare(x.date || ''));
}

async function timeline(params) {
  const a = params.get('a') || '', b = params.get('b') || '';
  const form = el('form', { class: 'filters', onsubmit: e => { e.preventDefault(); location.hash = '#/timeline' + qs({ a: form.a.value.trim(), b: form.b.value.trim() }); } },
    el('label', {}, 'actor A', el('input', { name: 'a', value: a, placeholder: 'USA' })),
    el('label', {}, 'actor B', el('input', { name: 'b', value: b, placeholder: 'CHN' })), el('button', {}, 'Show'));
  suggestInput(form.a);
  suggestInput(form.b);
  view.replaceChildren(el('h1', {}, 'Dyad timeline'), form);
  if (!a || !b) { view.append(el('p', { class: 'muted' }, 'Pick two actors, or a dyad on the dashboard.')); return; }
  const t = await api('timeline', { a, b });
  const months = t.months.rows;
  const total = months.reduce((s, m) => s + m.events, 0);
  const node = el('div', { class: 'chart', id: 'timeline-chart' });
  const list = el('div', { id: 'month-events' }, el('p', { class: 'muted' }, 'Click a month for its events.'));
  view.append(el('p', {}, dyadText(a, b).replace('→', '↔'), ': ', el('b', { id: 'timeline-total' }, String(total)), ' events in ', String(months.length), ' months'),
    el('div', { class: 'panel' }, node), list);
  const c = chart(node, {
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: months.map(m => m.month), name: 'month' },
    yAxis: [{ type: 'value', name: 'events (cooperation up, conflict down)' }, { type: 'value', name: 'mean Goldstein', min: -10, max: 10 }],
    series: [
      { name: 'cooperation', type: 'bar', stack: 'n', barMaxWidth: 48, itemStyle: { color: '#2e8b57' }, data: months.map(m => m.cooperation) },
      { name: 'conflict', type: 'bar', stack: 'n', itemStyle: { color: '#c0392b' }, data: months.map(m => -m.conflict) },
      { name: 'neutral', type: 'bar', stack: 'n', itemStyle: { color: '#9aa5b1' }, data: months.map(m => m.events - m.cooperation - m.conflict) },
      { name: 'mean Goldstein', type: 'line', yAxisIndex: 1, data: months.map(m => m.balance), symbolSize: 8 }],
  });
  const show = async month => {
    const rows = await monthEvents(a, b, month);
    list.replaceChildren(el('h2', {}, month + ': ' + rows.length + ' events'), table(rows, eventCols, { id: 'month-table', 'data-month': month }));
  };
  if (c) c.on('click', p => show(months[p.dataIndex].month));
  window.lagebild.showMonth = show;
  window.lagebild.months = months.map(m => m.month);
}

/* Actor inputs suggest codes from /api/suggest as one types. */
const suggestList = el('datalist', { id: 'actor-suggest' });
document.body.append(suggestList);
let suggestTimer = null;
function suggestInput(input) {
  input.setAttribute('list', 'actor-suggest');
  input.setAttribute('autocomplete', 'off');
  input.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    const q = input.value.trim();
    if (q.length < 2) return;
    suggestTimer = setTimeout(async () => {
      try {
        const r = await api('suggest', { q, limit: 10 });
        const seen = new Set();
        suggestList.replaceChildren(...r.rows.filter(x => !seen.has(x.code) && seen.add(x.code))
          .map(x => el('option', { value: x.code }, x.code + ' ' + (x.name || ''))));
      } catch (e) { /* suggestions are optional */ }
    }, 150);
  });
  return input;
}
const ACTOR_INPUTS = new Set(['actor', 'recipient', 'speaker', 'about', 'a', 'b']);

const EVENT_FILTERS = ['actor', 'recipient', 'type', 'since', 'until', 'source', 'include'];
const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

function filterForm(route, names, params) {
  const form = el('form', { class: 'filters', id: 'filters' });
  for (const n of names) {
    const v = params.get(n) || '';
    const input = n === 'type' ? el('select', { name: n }, el('option', { value: '' }, 'any'), TYPES.map(t => el('option', { value: t, selected: t === v.toUpperCase() }, t)))
      : n === 'include' ? el('select', { name: n }, ['', 'negated', 'hypothetical', 'all'].map(t => el('option', { value: t, selected: t === v }, t || 'real events only')))
        : el('input', { name: n, value: v, size: n.length < 6 ? 10 : 12, placeholder: n === 'since' || n === 'until' ? 'YYYY-MM-DD' : '' });
    if (ACTOR_INPUTS.has(n)) suggestInput(input);
    form.append(el('label', {}, n, input));
  }
  form.append(el('button', {}, 'Filter'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const p = {};
    for (const n of names) p[n] = form.elements[n].value.trim();
    location.hash = '#/' + route + qs(p);
  });
  return form;
}

function pager(route, params, offset, limit, more, shown) {
  const go = o => { const p = Object.fromEntries(params); p.offset = o || ''; location.hash = '#/' + route + qs(p); };
  return el('div', { class: 'pager' },
    el('button', { disabled: offset === 0, onclick: () => go(Math.max(0, offset - limit)) }, '← newer'),
    el('span', { class: 'muted', id: 'page-info' }, shown ? `rows ${offset + 1}–${offset + shown}` : 'no rows'),
    el('button', { disabled: !more, onclick: () => go(offset + limit) }, 'older →'));
}

async function events(params) {
  const limit = 50, offset = parseInt(params.get('offset') || '0', 10) || 0;
  const f = {};
  for (const n of EVENT_FILTERS) f[n] = params.get(n) || '';
  view.replaceChildren(el('h1', {}, 'Events'), filterForm('events', EVENT_FILTERS, params));
  const r = await api('events', { ...f, limit, offset });
  view.append(pager('events', params, offset, limit, r.more, r.rows.length),
    table(r.rows, eventCols, { id: 'events-table' }),
    el('p', {}, 'Export this query: ', el('a', { href: 'api/export.csv' + qs(f), id: 'export-csv' }, 'CSV'), ' · ',
      el('a', { href: 'api/export.jsonl' + qs(f), id: 'export-jsonl' }, 'PLOVER JSONL')));
}

async function quotes(params) {
  const limit = 50, offset = parseInt(params.get('offset') || '0', 10) || 0;
  const names = ['speaker', 'about', 'since', 'until'];
  const f = {};
  for (const n of names) f[n] = params.get(n) || '';
  view.replaceChildren(el('h1', {}, 'Quotes'), filterForm('quotes', names, params));
  const r = await api('quotes', { ...f, limit, offset });
  view.append(pager('quotes', params, offset, limit, r.more, r.rows.length),
    table(r.rows, [['date', 'date'], ['speaker', r => el('a', { href: '#/quotes' + qs({ speaker: r.speaker || r.actor }) }, r.speaker || '')], ['actor', 'actor'],
      ['kind', 'kind'], ['quote', r => el('a', { href: docHref(r.doc) }, r.quote)], ['article', r => [r.title || r.doc, ' ', sourceLink(r.url)]]], { id: 'quotes-table' }));
}

/* A search snippet: \u0002 and \u0003 mark the hits; text stays text. */
function snippet(s) {
  const out = el('span', { class: 'snippet' });
  const parts = (s || '').split(/[\u0002\u0003]/);
  parts.forEach((p, i) => out.append(i % 2 ? el('mark', {}, p) : p));
  return out;
}

async function search(params) {
  const q = params.get('q') || '';
  const form = el('form', { class: 'filters', onsubmit: e => { e.preventDefault(); location.hash = '#/search' + qs({ q: form.q.value.trim() }); } },
    el('label', {}, 'words', el('input', { name: 'q', value: q, size: 40 })), el('button', {}, 'Search'));
  view.replaceChildren(el('h1', {}, 'Full-text search'), form);
  if (!q) return;
  const r = await api('search', { q, limit: 50 });
  view.append(el('p', { class: 'muted' }, r.rows.length + (r.more ? '+' : '') + ' articles'),
    table(r.rows, [['article', r => el('a', { href: docHref(r.doc) }, r.title || r.doc)], ['date', 'date'], ['source', 'source'],
      ['score', 'score', 'num'], ['snippet', r => snippet(r.snippet)]], { id: 'search-table' }));
}

/* Splits the text (UTF-8 byte offsets) at every span boundary; each piece
 * becomes a <span> with the classes and titles of the spans covering it. */
function annotatedText(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(bytes.length, s.start))); cuts.add(Math.max(0, Math.min(bytes.length, s.end))); }
  const sorted = [...cuts].sort((x, y) => x - y);
  const out = el('div', { class: 'text', id: 'article-text' });
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i], to = sorted[i + 1];
    const on = spans.filter(s => s.start <= from && s.end >= to && s.end > s.start);
    const piece = dec.decode(bytes.subarray(from, to));
    if (!on.length) { out.append(piece); continue; }
    out.append(el('span', { class: on.map(s => s.cls).join(' '), title: on.map(s => s.title).join('\n'),
      'data-ann': on.map(s => s.id).join(' ') }, piece));
  }
  return out;
}

async function docView(id, params) {
  const d = await api('docs/' + encodeURIComponent(id));
  const spans = [];
  d.events.forEach((e, i) => {
    const t = `${e.type} ${e.actor || '?'} → ${e.recipient || '?'} (rule ${e.rule}, confidence ${e.confidence})`;
    spans.push({ start: e.start, end: e.end, cls: 'event', title: 'event: ' + t, id: 'ev' + i });
    if (e.trigger_start !== null && e.trigger_start !== undefined)
      spans.push({ start: e.trigger_start, end: e.trigger_end, cls: 'trigger', title: 'trigger of ' + e.type, id: 'ev' + i });
  });
  d.quotes.forEach((q, i) => spans.push({ start: q.start, end: q.end, cls: 'quote', title: `quote (${q.kind}) of ${q.speaker || '?'}`, id: 'q' + i }));
  d.mentions.forEach((m, i) => spans.push({ start: m.start, end: m.end, cls: 'mention', title: `actor ${m.code || ''}${m.sector ? '/' + m.sector : ''} ${m.name || ''} (${m.type})`, id: 'm' + i }));
  d.timex.forEach((t, i) => spans.push({ start: t.start, end: t.end, cls: 'timex', title: `time ${t.value || ''} (${t.type})`, id: 't' + i }));
  const textNode = annotatedText(d.text || '', spans);
  const select = idx => {
    textNode.querySelectorAll('.sel').forEach(n => n.classList.remove('sel'));
    evList.querySelectorAll('li').forEach((li, i) => li.classList.toggle('selected', i === idx));
    const hit = textNode.querySelectorAll(`[data-ann~="ev${idx}"]`);
    hit.forEach(n => n.classList.add('sel'));
    if (hit.length) hit[0].scrollIntoView({ block: 'center' });
  };
  const evList = el('ul', { class: 'anns', id: 'doc-events' }, d.events.map((e, i) => el('li', { 'data-event': e.event_id, onclick: () => select(i) },
    el('span', { class: 'tag' }, e.type), ' ', dyadText(e.actor, e.recipient), ' ', e.date || 'undated',
    e.negated ? ' (negated)' : '', e.hypothetical ? ' (hypothetical)' : '',
    el('div', { class: 'muted' }, 'rule ', el('code', { class: 'rule' }, e.rule || ''), ', confidence ', String(e.confidence), ', Goldstein ', String(e.goldstein)))));
  view.replaceChildren(el('h1', { id: 'doc-title' }, d.title || d.id),
    el('p', { class: 'muted' }, [d.date || 'undated', d.source, d.lang].filter(Boolean).join(' · '), ' ', sourceLink(d.url, 'original article')),
    el('p', { class: 'legend' }, el('span', { class: 'event' }, 'event'), el('span', { class: 'trigger' }, 'trigger'), el('span', { class: 'mention' }, 'actor'),
      el('span', { class: 'timex' }, 'time'), el('span', { class: 'quote' }, 'quote')),
    el('div', { class: 'article' }, textNode,
      el('div', {}, el('h2', {}, d.events.length + ' events'), evList,
        el('h2', {}, d.quotes.length + ' quotes'), el('ul', { class: 'anns', id: 'doc-quotes' }, d.quotes.map(q => el('li', {}, (q.speaker || '?') + ' (' + q.kind + ')'))),
        el('h2', {}, d.mentions.length + ' actor mentions, ' + d.timex.length + ' time expressions'))));
  const want = params.get('event');
  const idx = d.events.findIndex(e => e.event_id === want);
  if (idx >= 0) select(idx);
}

async function route() {
  while (charts.length) charts.pop().dispose();
  window.lagebild.ready = false;
  const h = location.hash.replace(/^#\/?/, '');
  const [path, query] = h.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/');
  const name = parts[0] || 'dashboard';
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.route === name));
  view.replaceChildren(el('p', { class: 'muted' }, 'loading…'));
  try {
    if (name === 'dashboard') await dashboard();
    else if (name === 'timeline') await timeline(params);
    else if (name === 'events') await events(params);
    else if (name === 'quotes') await quotes(params);
    else if (name === 'search') await search(params);
    else if (name === 'docs' && parts[1]) await docView(decodeURIComponent(parts.slice(1).join('/')), params);
    else view.replaceChildren(el('p', { class: 'error' }, 'No such page.'));
  } catch (e) {
    view.replaceChildren(el('p', { class: 'error', id: 'error' }, 'Error: ' + e.message));
  }
  window.lagebild.ready = true;
  document.body.dataset.route = name;
}

window.addEventListener('hashchange', route);
window.addEventListener('resize', () => charts.forEach(c => c.resize()));
route();
