// ui.mjs: drives the lagebild UI in real headless Chromium (Debian's
// /usr/bin/chromium through playwright-core). Two modes:
//   node ui.mjs views   BASE SHOTDIR  - every view against the API's numbers,
//                                       timeline bar -> event -> highlighted sentence
//   node ui.mjs hostile BASE SHOTDIR  - a hostile article's <script>, <img onerror>
//                                       and javascript: URLs stay inert everywhere
// Exits 0 when all checks pass, 1 with "FAIL: ..." otherwise.
import { chromium } from 'playwright-core';

const [mode, base, shots] = process.argv.slice(2);
const CHROMIUM = process.env.LB_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function fail(msg) { console.log('FAIL: ' + msg); process.exitCode = 1; throw new Error(msg); }
function check(cond, msg) { if (!cond) fail(msg); else console.log('ok: ' + msg); }
async function api(path) {
  const r = await fetch(base + 'api/' + path);
  if (!r.ok) fail(`api ${path}: HTTP ${r.status}`);
  return r.json();
}

async function open(page, hash) {
  await page.goto(base + hash);
  await page.waitForFunction(() => window.lagebild && window.lagebild.ready, null, { timeout: 15000 });
  if (await page.$('#error')) fail(`${hash}: ${await page.textContent('#error')}`);
}
// runs action (a click) and waits until the route it leads to has rendered
async function nav(page, action, hashPrefix) {
  await page.evaluate(() => { window.lagebild.ready = false; });
  await action();
  await page.waitForFunction(h => window.lagebild.ready && location.hash.startsWith(h), hashPrefix, { timeout: 15000 });
  if (await page.$('#error')) fail(`${hashPrefix}: ${await page.textContent('#error')}`);
}
const rows = (page, sel) => page.$$eval(sel + ' tbody tr', trs => trs.length);

async function views(page) {
  const stats = await api('stats');
  await open(page, '#/');
  check(await page.textContent('[data-stat=events] .n') === String(stats.events), `dashboard events = ${stats.events}`);
  check(await page.textContent('[data-stat=documents] .n') === String(stats.documents), `dashboard documents = ${stats.documents}`);
  check(await page.textContent('[data-stat=quotes] .n') === String(stats.quotes), `dashboard quotes = ${stats.quotes}`);
  const actors = await api('actors?limit=10');
  check(await rows(page, '#top-actors') === actors.rows.length, `top actors: ${actors.rows.length} rows`);
  check((await page.textContent('#top-actors tbody tr td')) === actors.rows[0].code, `top actor ${actors.rows[0].code}`);
  const dyads = await api('dyads?limit=10');
  check(await rows(page, '#top-dyads') === dyads.rows.length, `top dyads: ${dyads.rows.length} rows`);
  check(await page.$$eval('#network svg path', p => p.length) > 0, 'actor network drawn');
  await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });

  // the top dyad's timeline: total, a click on the first bar, its events
  const top = dyads.rows[0];
  await nav(page, () => page.click('#top-dyads tbody tr a'), '#/timeline');
  await page.waitForSelector('#timeline-chart svg');
  const tl = await api(`timeline?a=${encodeURIComponent(top.actor)}&b=${encodeURIComponent(top.recipient)}`);
  const total = tl.months.rows.reduce((s, m) => s + m.events, 0);
  check(await page.textContent('#timeline-total') === String(total), `timeline total = ${total}`);
  const m0 = tl.months.rows[0];
  const pt = await page.evaluate(v => {
    const c = window.lagebild.charts[0];
    const [x, y] = c.convertToPixel({ seriesIndex: 0 }, [0, v / 2]);
    const r = c.getDom().getBoundingClientRect();
    return { x: r.left + x, y: r.top + y };
  }, m0.cooperation || m0.events);
  await page.mouse.click(pt.x, pt.y);
  await page.waitForSelector('#month-table');
  const n = await rows(page, '#month-table');
  check(n === m0.events, `month ${m0.month}: ${n} events in the table, ${m0.events} in the timeline`);
  await page.screenshot({ path: `${shots}/timeline.png`, fullPage: true });

  // event -> its article with the sentence highlighted and the rule shown
  const link = await page.$('#month-table .event-link');
  const eventId = await link.getAttribute('data-event');
  const sentence = (await link.textContent()).trim();
  await nav(page, () => link.click(), '#/docs/');
  await page.waitForSelector('#article-text .sel');
  const selText = (await page.$$eval('#article-text .sel', ns => ns.map(n => n.textContent).join(''))).trim();
  check(selText.length > 0 && (sentence.includes(selText) || selText.includes(sentence)),
    `event ${eventId}: highlighted "${selText.slice(0, 60)}" is its sentence`);
  check(await page.getAttribute('#doc-events li.selected', 'data-event') === eventId, 'the event is selected in the list');
  check((await page.textContent('#doc-events li.selected .rule')).length > 0, 'its rule is shown');
  const docId = decodeURIComponent(page.url().split('#/docs/')[1].split('?')[0]);
  const doc = await api('docs/' + encodeURIComponent(docId));
  check(await page.$$eval('#doc-events li', l => l.length) === doc.events.length, `article: ${doc.events.length} events listed`);
  check(await page.$$eval('#article-text .mention', l => l.length) > 0 || doc.mentions.length === 0, 'actor mentions highlighted');
  await page.screenshot({ path: `${shots}/article.png`, fullPage: true });

  // event table with a filter from the form
  await open(page, '#/events');
  check(await rows(page, '#events-table') === Math.min(50, stats.events), `events table: ${Math.min(50, stats.events)} rows`);
  const type = (await api('events?limit=1')).rows[0].type;
  await page.selectOption('#filters select[name=type]', type);
  await nav(page, () => page.click('#filters button'), '#/events?');
  check(page.url().includes('type=' + type), 'the filter is in the route');
  const byType = await api('events?limit=50&type=' + type);
  check(await rows(page, '#events-table') === byType.rows.length, `events type=${type}: ${byType.rows.length} rows`);
  check((await page.getAttribute('#export-csv', 'href')).includes('type=' + type), 'export link carries the filter');
  await page.screenshot({ path: `${shots}/events.png`, fullPage: true });
  const sug = (await api('suggest?q=' + encodeURIComponent(top.actor.slice(0, 2).toLowerCase()))).rows.map(r => r.code).filter((c, i, all) => all.indexOf(c) === i);
  await page.fill('#filters input[name=actor]', top.actor.slice(0, 2).toLowerCase());
  await page.waitForFunction(n => document.querySelectorAll('#actor-suggest option').length === n, sug.length, { timeout: 15000 });
  check(sug.includes(top.actor.split('/')[0]), `actor input suggests ${sug.join(', ')}`);

  await open(page, '#/quotes');
  check(await rows(page, '#quotes-table') === Math.min(50, stats.quotes), `quotes table: ${Math.min(50, stats.quotes)} rows`);
  await page.screenshot({ path: `${shots}/quotes.png`, fullPage: true });

  const word = (await api('events?limit=1')).rows[0].title.split(/\s+/)[0];
  const found = await api('search?limit=50&q=' + encodeURIComponent(word));
  await open(page, '#/search?q=' + encodeURIComponent(word));
  check(await rows(page, '#search-table') === found.rows.length && found.rows.length > 0, `search ${word}: ${found.rows.length} articles`);
  check(await page.$$eval('#search-table mark', m => m.length) > 0, 'search hits marked');
  await page.screenshot({ path: `${shots}/search.png`, fullPage: true });
}

async function hostile(page) {
  const dialogs = [];
  page.on('dialog', d => { dialogs.push(d.message()); d.dismiss(); });
  const pwned = () => page.evaluate(() => window.__pwned || 0);
  const search = await api('search?q=Kommission');
  check(search.rows.length > 0, 'the hostile article is stored');
  const id = search.rows[0].doc;
  const pages = ['#/docs/' + encodeURIComponent(id), '#/events', '#/quotes', '#/search?q=Kommission', '#/'];
  for (const hash of pages) {
    await open(page, hash);
    await page.waitForTimeout(300);
    check(await pwned() === 0, `${hash}: no script of the article ran`);
    check(await page.$$eval('main img, main script, main iframe, main object', e => e.length) === 0, `${hash}: no element from the article`);
    check(await page.$$eval('a[href]', as => as.filter(a => !/^(https?:|#|api\/)/.test(a.getAttribute('href'))).length) === 0,
      `${hash}: no link but http(s), routes and the API`);
  }
  await open(page, '#/docs/' + encodeURIComponent(id));
  const text = await page.textContent('#article-text');
  check(text.includes('<script>') && text.includes('onerror'), 'the markup shows as text');
  await page.screenshot({ path: `${shots}/hostile.png`, fullPage: true });
  check(dialogs.length === 0, 'no dialog opened');
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(30000);      // a loaded CI machine: generous, but bounded
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  if (mode === 'views') await views(page); else await hostile(page);
  check(errors.length === 0, 'no script errors' + (errors.length ? ': ' + errors.join(' | ') : ''));
} catch (e) {
  if (!process.exitCode) { console.log('FAIL: ' + e.message); process.exitCode = 1; }
} finally {
  await browser.close();
}
