// list_test.js — the stored-articles panel (web/list.js) and search paging,
// in the page browser_test.js drives: with made-up replies (routeFor) for
// what a small store cannot show (45 articles, a file's receipt, an error),
// then against the real server the suite started.
'use strict';

const path = require('node:path');

const ar = new Intl.NumberFormat('ar');
const arPlain = new Intl.NumberFormat('ar', { useGrouping: false });
// "2026-01-17" as the page shows it: ١٧ يناير ٢٠٢٦ (in the page's digits)
const shownDay = (iso) => `${arPlain.format(Number(iso.slice(8, 10)))} يناير ${arPlain.format(2026)}`;

// A made-up article of the list (GET /api/articles's items).
function listed(id) {
  return { id, title: `خبر مخزن رقم ${id}`, source: `site${id % 3}.example`,
    url: `https://site${id % 3}.example/${id}`, published: `2026-01-${String(1 + (id % 28)).padStart(2, '0')}`,
    origin: 'api' };
}

// The focused element: "H3 in the Nth item of #list" (N from 1), else its id or tag.
function focusedItem(page, list) {
  return page.evaluate((sel) => {
    const a = document.activeElement;
    const li = a.closest(`${sel} > li`);
    return li ? `${a.tagName} in item ${[...li.parentElement.children].indexOf(li) + 1}` : a.id || a.tagName;
  }, list);
}

module.exports = async function listTests({ page, base, shotDir, test, assert, routeFor, lowContrast }) {
  await test('stored articles: the total, 20 at a time with «المزيد» (keyboard), links and a file\'s receipt', async () => {
    const store = Array.from({ length: 45 }, (_, i) => listed(45 - i));
    // the newest has no address: its file is its receipt, as in the check report
    Object.assign(store[0], { url: null, source: null, origin: 'seeds/001_denial.txt' });
    store[1].author = 'سامر الحلبي'; // a byline, shown after the site (null elsewhere: nothing)
    const asked = [];
    const unroute = await routeFor(page, /\/api\/articles\?/, (route) => {
      const q = new URL(route.request().url()).searchParams;
      asked.push([q.get('offset'), q.get('limit')]);
      const offset = Number(q.get('offset')), limit = Number(q.get('limit'));
      return route.fulfill({ json: { total: store.length, offset, articles: store.slice(offset, offset + limit) } });
    });
    const count = () => page.$$eval('#articles > li', (l) => l.length);
    try {
      await page.goto(`${base}/`);
      await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 20);
      const total = await page.textContent('#list-total');
      assert(total === `عدد المقالات: ${ar.format(45)}، المعروض منها ${ar.format(20)}`, `total: "${total}"`);
      const first = await page.textContent('#articles > li:first-child .meta');
      assert(first.includes('الملف: seeds/001_denial.txt'), `no file named: ${first}`);
      const link = page.locator('#articles > li:nth-child(2) h3 a');
      assert(await link.getAttribute('href') === store[1].url && await link.getAttribute('target') === '_blank',
        'the second article is not a link to its address, in a new tab');
      assert(/\(يُفتح في لسان جديد\)/.test(await link.ariaSnapshot()), `link: ${await link.ariaSnapshot()}`);
      const meta = await page.textContent('#articles > li:nth-child(2) .meta');
      assert(meta.includes(store[1].source) && meta.includes(shownDay(store[1].published)), `meta: ${meta}`);
      assert(meta.includes(`${store[1].source} · سامر الحلبي · ${shownDay(store[1].published)}`), `no author after the site: ${meta}`);
      const third = await page.textContent('#articles > li:nth-child(3) .meta');
      assert(third === `#${store[2].id} · ${store[2].source} · ${shownDay(store[2].published)}`, `an article with no author: "${third}"`);
      // Keyboard only: Tab from the site field reaches «اعرض», then the list's links, then «المزيد».
      await page.focus('#list-more');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 40);
      await page.waitForFunction(() => !document.querySelector('#list-more').disabled);
      assert(await focusedItem(page, '#articles') === 'H3 in item 21', `focus after «المزيد»: ${await focusedItem(page, '#articles')}`);
      const said = await page.textContent('#list-status');
      assert(said.includes(ar.format(40)) && said.includes(ar.format(45)), `status: "${said}"`);
      assert(await page.isVisible('#list-more'), 'the button is gone while 5 articles remain');
      await page.focus('#list-more');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 45);
      await page.waitForFunction(() => !document.querySelector('#list-more').disabled);
      assert(await page.isHidden('#list-more'), 'the button stays when every article is shown');
      assert(await focusedItem(page, '#articles') === 'H3 in item 41', `focus after the last page: ${await focusedItem(page, '#articles')}`);
      assert(JSON.stringify(asked) === JSON.stringify([['0', '20'], ['20', '20'], ['40', '20']]), `asked: ${JSON.stringify(asked)}`);
      assert(await count() === 45, 'items repeated');
      const bad = (await page.evaluate(`(${lowContrast})()`)).filter((f) => /articles|list/.test(f));
      assert(bad.length === 0, bad.join('\n'));
      for (const width of [360, 390]) {
        await page.setViewportSize({ width, height: 800 });
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert(scroll <= width + 1, `at ${width}px the page is ${scroll}px wide`);
      }
      await page.locator('section[aria-labelledby=list-title]').screenshot({ path: path.join(shotDir, 'list-phone.png') });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
      await unroute();
    }
  });

  await test('stored articles: a superseded version says which later one replaces it, the later which it corrects', async () => {
    const store = [listed(7), listed(5), listed(3)];
    Object.assign(store[0], { superseded_by: null, corrects: [5] });
    Object.assign(store[1], { superseded_by: 7, corrects: [] });
    Object.assign(store[2], { superseded_by: null, corrects: [] });
    const unroute = await routeFor(page, /\/api\/articles\?/, (route) =>
      route.fulfill({ json: { total: store.length, offset: 0, articles: store } }));
    try {
      await page.goto(`${base}/`);
      await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 3);
      const metas = await page.$$eval('#articles > li', (l) => l.map((li) => li.textContent));
      assert(metas[1].includes('نسخة سابقة') && metas[1].includes('#7'),
        `superseded: ${metas[1]}`);
      assert(metas[0].includes('تصحّح') && metas[0].includes('#5'), `later: ${metas[0]}`);
      assert(!/نسخة سابقة|تصحّح/.test(metas[2]) && !/حلّت محلها/.test(metas[0]), `others: ${metas}`);
    } finally {
      await unroute();
    }
  });

  await test('stored articles: the other places an exact copy was published are named, each a link', async () => {
    const store = [listed(9), listed(8)];
    store[0].places = [
      { url: 'https://www.enabbaladi.example/archives/5512', source: 'enabbaladi.example',
        published: '2026-01-03', exact_copy: true },
      { url: null, source: 'راديو الكل', published: null, exact_copy: true }];
    store[1].places = [];
    const unroute = await routeFor(page, /\/api\/articles\?/, (route) =>
      route.fulfill({ json: { total: store.length, offset: 0, articles: store } }));
    try {
      await page.goto(`${base}/`);
      await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 2);
      const notes = await page.$$eval('#articles > li', (l) => l.map((li) => {
        const p = li.querySelector('.places');
        return p ? [p.textContent, [...p.querySelectorAll('a')].map((a) => a.getAttribute('href'))] : null;
      }));
      assert(notes[0] && notes[0][0].startsWith('نُشر النص نفسه بحروفه أيضًا في: enabbaladi.example')
        && notes[0][0].includes(`(${shownDay('2026-01-03')})`) && notes[0][0].includes('، راديو الكل'),
      `places: ${JSON.stringify(notes[0])}`);
      assert(notes[0][1].length === 1 && notes[0][1][0] === store[0].places[0].url, `links: ${JSON.stringify(notes[0])}`);
      assert(notes[1] === null, `an article with no other place: ${JSON.stringify(notes[1])}`);
    } finally {
      await unroute();
    }
  });

  await test('stored articles for a site: a copy it carried says so and links its place; a hit names its places', async () => {
    // GET /api/articles?source=SITE lists an article SITE carried only as an
    // exact copy with "copy_at"; GET /api/search gives each hit its places.
    const agency = listed(12);
    const odd = 'صوت "الحسكة" <b>';
    const newTab = ' (يُفتح في لسان جديد)'; // a link's words for a screen reader, in its text
    agency.places = [
      { url: 'https://hasakah.example/n/4', source: odd, published: '2026-01-05', site: odd, exact_copy: true },
      { url: 'urn:copy:7', source: null, published: null, site: 'urn:copy:7', exact_copy: true },
      { url: null, source: 'راديو الكل', published: null, site: 'راديو الكل', exact_copy: true }];
    agency.copy_at = agency.places[0];
    const own = listed(11);
    own.places = [];
    const unroute = await routeFor(page, /\/api\/articles\?/, (route) =>
      route.fulfill({ json: { total: 2, offset: 0, articles: [agency, own] } }));
    const unrouteSearch = await routeFor(page, '**/api/search?*', (route) => route.fulfill({ json: { hits: [
      { id: 12, score: 2, title: agency.title, source: agency.source, url: agency.url, snippet: '[الحسكة]',
        marks: [[1, 7]], places: agency.places },
      { id: 11, score: 1, title: own.title, source: own.source, url: own.url, snippet: '[الحسكة]',
        marks: [[1, 7]], places: [] }] } }));
    try {
      await page.goto(`${base}/`);
      await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 2);
      const copy = await page.$$eval('#articles > li', (l) => l.map((li) => {
        const p = li.querySelector('.copy-at');
        return p ? [p.textContent, [...p.querySelectorAll('a')].map((a) => a.getAttribute('href'))] : null;
      }));
      assert(copy[0] && copy[0][0] === `نشر ${odd}${newTab} (${shownDay('2026-01-05')}) هذا النص نسخةً مطابقة بحروفها؛`
        + ` المقال مخزّن باسم ${agency.source}`, `copy_at: ${JSON.stringify(copy[0])}`);
      assert(copy[0][1].length === 1 && copy[0][1][0] === 'https://hasakah.example/n/4', `copy_at link: ${JSON.stringify(copy[0])}`);
      assert(copy[1] === null, `the site's own article marked a copy: ${JSON.stringify(copy[1])}`);
      assert(await page.$('#articles b') === null, 'an element was made of a site name');
      // three places, one with an address the URL parser finds no host in: each named
      // (in the hits); the row's copy_at line names its site, so its places line does not
      const places = `نُشر النص نفسه بحروفه أيضًا في: ${odd}${newTab} (${shownDay('2026-01-05')})، urn:copy:7، راديو الكل`;
      const rowPlaces = await page.textContent('#articles > li:first-child .places');
      assert(rowPlaces === 'نُشر النص نفسه بحروفه أيضًا في: urn:copy:7، راديو الكل', `places: "${rowPlaces}"`);
      await page.fill('#q', 'الحسكة');
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('#hits > li').length === 2);
      const hits = await page.$$eval('#hits > li', (l) => l.map((li) => {
        const p = li.querySelector('.places');
        return p ? p.textContent : null;
      }));
      assert(hits[0] === places, `the hit's places: ${JSON.stringify(hits[0])}`);
      assert(hits[1] === null, `a hit with no other place: ${JSON.stringify(hits[1])}`);
      assert(await page.$('#hits b') === null, 'an element was made of a site name in the hits');
    } finally {
      await unrouteSearch();
      await unroute();
    }
  });

  await test('places: each site named once, three at most and «و N غيرها», as `mizan list` names them', async () => {
    // Two URLs of one site (a subdomain, www.), two accounts of one platform
    // (two sites), a country's second-level domain and its subdomain (one):
    // each place's `site` as the server gives it (test_api.c checks those).
    const newTab = ' (يُفتح في لسان جديد)';
    const copied = listed(21);
    copied.places = [
      { url: 'https://www.enabbaladi.example/archives/1', source: 'enabbaladi.example', published: '2026-01-03', site: 'enabbaladi.example', exact_copy: true },
      { url: 'https://m.enabbaladi.example/archives/1', source: 'm.enabbaladi.example', published: null, site: 'enabbaladi.example', exact_copy: true },
      { url: null, source: 'راديو الكل', published: null, exact_copy: true },
      { url: 'https://www.facebook.com/HasakahNews/posts/1', source: 'facebook.com/hasakahnews', published: null, site: 'facebook.com/hasakahnews', exact_copy: true },
      { url: null, source: 'راديو الكل', published: null, exact_copy: true },
      { url: 'https://facebook.com/other.page/posts/2', source: 'facebook.com/other.page', published: null, site: 'facebook.com/other.page', exact_copy: true },
      { url: 'https://alquds.co.uk/x', source: 'alquds.co.uk', published: null, site: 'alquds.co.uk', exact_copy: true },
      { url: 'https://news.alquds.co.uk/y', source: null, published: null, site: 'alquds.co.uk', exact_copy: true }];
    // a wire story forty sites ran word for word
    const wire = listed(20);
    wire.places = Array.from({ length: 40 }, (_, i) => ({ url: `https://site${i}.example/n/${i}`,
      source: `site${i}.example`, published: null, site: `site${i}.example`, exact_copy: true }));
    const unroute = await routeFor(page, /\/api\/articles\?/, (route) =>
      route.fulfill({ json: { total: 2, offset: 0, articles: [copied, wire] } }));
    const unrouteSearch = await routeFor(page, '**/api/search?*', (route) => route.fulfill({ json: { hits: [
      { id: 20, score: 2, title: wire.title, source: wire.source, url: wire.url, snippet: '[الحسكة]',
        marks: [[1, 7]], places: wire.places }] } }));
    try {
      await page.goto(`${base}/`);
      await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 2);
      const notes = await page.$$eval('#articles .places', (l) => l.map((p) =>
        [p.textContent, [...p.querySelectorAll('a')].map((a) => a.getAttribute('href'))]));
      assert(notes[0][0] === `نُشر النص نفسه بحروفه أيضًا في: enabbaladi.example${newTab} (${shownDay('2026-01-03')})`
        + `، راديو الكل، facebook.com/hasakahnews${newTab} و${ar.format(2)} غيرها`, `one site once: "${notes[0][0]}"`);
      assert(JSON.stringify(notes[0][1]) === JSON.stringify([copied.places[0].url, copied.places[3].url]),
        `the links: ${JSON.stringify(notes[0][1])}`);
      assert(notes[1][0] === `نُشر النص نفسه بحروفه أيضًا في: site0.example${newTab}، site1.example${newTab}`
        + `، site2.example${newTab} و${ar.format(37)} غيرها`, `forty sites: "${notes[1][0]}"`);
      assert(notes[1][1].length === 3, `forty sites, links: ${notes[1][1].length}`);
      await page.fill('#q', 'الحسكة');
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('#hits > li').length === 1);
      const hit = await page.textContent('#hits .places');
      assert(hit === notes[1][0], `the hit's places: "${hit}"`);
    } finally {
      await unrouteSearch();
      await unroute();
    }
  });

  await test('a hit says it is an older version, or which it corrects, as the list does', async () => {
    const hit = (id, extra) => Object.assign({ id, score: 1, title: `خبر ${id}`, source: 'raqqa-post.example',
      url: 'https://raqqa-post.example/market/41', snippet: '[حريق]', marks: [[1, 5]], places: [] }, extra);
    const unroute = await routeFor(page, '**/api/search?*', (route) => route.fulfill({ json: { hits: [
      hit(8, { superseded_by: null, corrects: [7] }), hit(7, { superseded_by: 8, corrects: [] }),
      hit(3, { superseded_by: null, corrects: [] })] } }));
    try {
      await page.goto(`${base}/`);
      await page.fill('#q', 'حريق');
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('#hits > li').length === 3);
      const notes = await page.$$eval('#hits > li', (l) => l.map((li) => (li.querySelector('.version') || {}).textContent || null));
      assert(notes[0] === 'تصحّح نسخة سابقة بالرابط نفسه: #7', `the later: ${notes[0]}`);
      assert(notes[1] === 'نسخة سابقة: حلّت محلها نسخة أحدث بالرابط نفسه، #8', `the earlier: ${notes[1]}`);
      assert(notes[2] === null, `a hit of one version: ${notes[2]}`);
    } finally {
      await unroute();
    }
  });

  await test('a site\'s list: a copy it carried names the site in its copy_at line, not again among its places', async () => {
    const newTab = ' (يُفتح في لسان جديد)';
    const agency = listed(15);
    agency.places = [
      { url: 'https://hasakah.example/n/4', source: 'hasakah.example', published: '2026-01-05', site: 'hasakah.example', exact_copy: true },
      { url: 'https://m.hasakah.example/n/4', source: 'm.hasakah.example', published: null, site: 'hasakah.example', exact_copy: true },
      { url: 'https://enabbaladi.example/a/9', source: 'enabbaladi.example', published: null, site: 'enabbaladi.example', exact_copy: true }];
    agency.copy_at = agency.places[0];
    const own = listed(14);
    own.source = 'hasakah.example';
    own.places = [{ url: 'https://hasakah.example/n/5', source: 'hasakah.example', published: null, site: 'hasakah.example', exact_copy: true }];
    const asked = [];
    const unroute = await routeFor(page, /\/api\/articles\?/, (route) => {
      const source = new URL(route.request().url()).searchParams.get('source');
      asked.push(source);
      return route.fulfill({ json: source ? { total: 2, offset: 0, articles: [agency, own] }
        : { total: 0, offset: 0, articles: [] } });
    });
    try {
      await page.goto(`${base}/`);
      await page.waitForFunction(() => /لا مقالات في القاعدة/.test(document.querySelector('#articles').textContent));
      await page.fill('#list-source', 'hasakah.example');
      await page.click('#list-form button');
      await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 2);
      assert(asked[asked.length - 1] === 'hasakah.example', `source sent: ${JSON.stringify(asked)}`);
      const rows = await page.$$eval('#articles > li', (l) => l.map((li) =>
        [(li.querySelector('.copy-at') || {}).textContent || null, (li.querySelector('.places') || {}).textContent || null]));
      assert(rows[0][0] && rows[0][0].startsWith(`نشر hasakah.example${newTab}`), `copy_at: ${JSON.stringify(rows[0])}`);
      assert(rows[0][1] === `نُشر النص نفسه بحروفه أيضًا في: enabbaladi.example${newTab}`,
        `the copy's places name the site again: ${JSON.stringify(rows[0])}`);
      // the site's own article: no copy_at line, its places as they are (as the CLI)
      assert(rows[1][0] === null && rows[1][1] === `نُشر النص نفسه بحروفه أيضًا في: hasakah.example${newTab}`,
        `the site's own article: ${JSON.stringify(rows[1])}`);
    } finally {
      await unroute();
    }
  });

  await test('stored articles: an empty store and a failed request are said in Arabic; the site is sent', async () => {
    let reply = { json: { total: 0, offset: 0, articles: [] } };
    const asked = [];
    const unroute = await routeFor(page, /\/api\/articles\?/, (route) => {
      asked.push(new URL(route.request().url()).searchParams.get('source'));
      return route.fulfill(reply);
    });
    try {
      await page.goto(`${base}/`);
      await page.waitForFunction(() => /لا مقالات في القاعدة/.test(document.querySelector('#articles').textContent));
      assert(await page.isHidden('#list-more') && await page.textContent('#list-total') === '', 'a count or button for an empty store');
      await page.fill('#list-source', ' 24.ae ');
      await page.click('#list-form button');
      await page.waitForFunction(() => /لا مقالات من الموقع/.test(document.querySelector('#articles').textContent));
      assert(asked[asked.length - 1] === '24.ae', `source sent: ${JSON.stringify(asked)}`);
      assert(await page.$eval('#articles bdi', (b) => b.textContent === '24.ae' && b.dir === 'ltr'), 'the site is not isolated');
      reply = { status: 503, json: { error: 'database is locked', code: 'db_locked' } };
      await page.click('#list-form button');
      await page.waitForSelector('#list-error:not([hidden])');
      const msg = await page.textContent('#list-error');
      assert(/الخادم مشغول/.test(msg) && msg.includes('database is locked'), `error: ${msg}`);
      assert(await page.$eval('#list-error', (n) => n.className === 'alert' && n.getAttribute('role') === 'alert'),
        'the error is not an alert as the page\'s others');
      assert(await page.$('#articles li') === null, 'the list before the error is still shown');
    } finally {
      await unroute();
    }
  });

  await test('search pages: «المزيد» asks for the next hits with offset while a page comes back full', async () => {
    const asked = [];
    let fail = false;
    const unroute = await routeFor(page, '**/api/search?*', (route) => {
      const q = new URL(route.request().url()).searchParams;
      const offset = Number(q.get('offset') || 0);
      asked.push(offset);
      if (fail) return route.fulfill({ status: 503, json: { error: 'database is locked' } });
      const n = offset < 20 ? 10 : 0; // exactly 20 hits: the third page is empty
      // the second page repeats the first's last hit (an article stored in
      // between moved the ranking): shown once; hit 3 has an address
      const id = (i) => (offset === 10 && i === 0 ? 10 : offset + i + 1);
      return route.fulfill({ json: { hits: Array.from({ length: n }, (_, i) => ({ id: id(i), score: 1,
        title: `نتيجة ${id(i)}`, source: 'x.example', url: id(i) === 3 ? 'https://x.example/3' : null,
        snippet: '[منبج]', marks: [[1, 5]] })) } });
    });
    try {
      await page.goto(`${base}/`);
      await page.fill('#q', 'منبج');
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('#hits > li').length === 10);
      assert(await page.isVisible('#search-more'), 'no «المزيد» under a full page of hits');
      const href = await page.$eval('#hits > li:nth-child(3) h3', (h) => (h.querySelector('a') || {}).href || '');
      assert(href === 'https://x.example/3', `hit 3's title links to ${href || 'nothing'}`);
      // a failed page keeps the hits shown and gives the button back
      fail = true;
      await page.focus('#search-more');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#search-error:not([hidden])');
      await page.waitForFunction(() => !document.querySelector('#search-more').disabled);
      assert(await page.$$eval('#hits > li', (l) => l.length) === 10, 'the hits went with the failed page');
      assert(await focusedItem(page, '#hits') === 'search-more', `focus after a failed page: ${await focusedItem(page, '#hits')}`);
      fail = false;
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('#hits > li').length === 19);
      await page.waitForFunction(() => !document.querySelector('#search-more').disabled);
      assert(await page.isHidden('#search-error'), 'the error stays after the page came');
      assert(await focusedItem(page, '#hits') === 'H3 in item 11', `focus: ${await focusedItem(page, '#hits')}`);
      assert((await page.textContent('#search-status')).includes(ar.format(19)), 'the count is not announced');
      const ids = await page.$$eval('#hits > li .meta', (ps) => ps.map((p) => /#(\d+)/.exec(p.textContent)[1]));
      assert(new Set(ids).size === ids.length, `a hit shown twice: ${ids}`);
      await page.focus('#search-more');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#search-more').hidden);
      assert(await page.$$eval('#hits > li', (l) => l.length) === 19, 'an empty page changed the hits');
      assert(await page.textContent('#search-status') === 'لا مزيد من النتائج.', 'the end is not announced');
      assert(await focusedItem(page, '#hits') === 'H3 in item 19', `focus at the end: ${await focusedItem(page, '#hits')}`);
      assert(JSON.stringify(asked) === JSON.stringify([0, 10, 10, 20]), `offsets asked: ${JSON.stringify(asked)}`);
      // a new search starts again from its first page
      await page.fill('#q', 'الرقة');
      const answered = page.waitForResponse((r) => r.url().includes('/api/search'));
      await page.press('#q', 'Enter');
      await answered;
      assert(asked[asked.length - 1] === 0, `a new search asked offset ${asked[asked.length - 1]}`);
    } finally {
      await unroute();
    }
  });

  // Against the real server: 23 articles of one site, in pages of 20 and of 10.
  const site = 'list-test.example';
  const towns = ['منبج', 'الرقة', 'حلب', 'إدلب', 'حماة', 'حمص', 'دمشق', 'درعا', 'الحسكة', 'القامشلي', 'دير الزور', 'اللاذقية',
    'طرطوس', 'بانياس', 'جبلة', 'السويداء', 'القنيطرة', 'تدمر', 'الباب', 'عفرين', 'كوباني', 'سراقب', 'معرة النعمان'];
  const added = await fetch(`${base}/api/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(towns.map((t, i) => ({ title: `قافلة تجريبية تصل إلى ${t}`, source: site,
      published: `2026-02-${String(i + 1).padStart(2, '0')}`,
      text: `وصلت قافلة تجريبية محملة بالطحين إلى ${t} صباح اليوم، وقال منظموها إنها الرحلة ${i + 1} هذا الشهر.` }))) });
  const ids = added.status === 201 ? (await added.json()).ids : [];

  await test('stored articles against the server: one site, its pages in order, refreshed after an add', async () => {
    assert(ids.length === 23, `the 23 test articles were not stored: HTTP ${added.status}`);
    const api = (await (await fetch(`${base}/api/articles?source=${site}&limit=100`)).json()).articles.map((a) => a.title);
    await page.goto(`${base}/`);
    await page.fill('#list-source', site);
    await page.press('#list-source', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 20);
    const total = await page.textContent('#list-total');
    assert(total === `عدد المقالات من ${site}: ${ar.format(23)}، المعروض منها ${ar.format(20)}`, `total: "${total}"`);
    assert((await page.textContent('#list-status')).includes(ar.format(23)), 'the count asked for is not announced');
    await page.click('#list-more');
    await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 23);
    const shown = await page.$$eval('#articles > li h3', (hs) => hs.map((h) => h.textContent));
    assert(JSON.stringify(shown) === JSON.stringify(api), `titles shown:\n${shown.join('\n')}\nthe API's:\n${api.join('\n')}`);
    assert(await page.isHidden('#list-more'), '«المزيد» after the last article');
    // A site with nothing yet; an article of it added through the form appears.
    await page.fill('#list-source', 'refresh-test.example');
    await page.click('#list-form button');
    await page.waitForFunction(() => /لا مقالات من الموقع/.test(document.querySelector('#articles').textContent));
    if (!(await page.getAttribute('#add-details', 'open') !== null)) await page.click('#add-details > summary');
    await page.fill('#a-title', 'افتتاح مخبز آلي في بلدة الاختبار');
    await page.fill('#a-source', 'refresh-test.example');
    await page.fill('#a-text', 'افتتح مخبز آلي جديد في بلدة الاختبار اليوم بطاقة عشرة أطنان.');
    await page.click('#add-btn');
    await page.waitForFunction(() => /افتتاح مخبز آلي/.test(document.querySelector('#articles').textContent));
    const one = await page.textContent('#list-total');
    assert(one === `عدد المقالات من refresh-test.example: ${ar.format(1)}`, `total: "${one}"`);
  });

  await test('dates: a `published` in the forms newsrooms write is stored as ISO and shown in Arabic; one the store cannot read, as written', async () => {
    const dated = 'dates-test.example';
    const given = [['الاثنين 6 أبريل 2026', 'بدء موسم قطاف الزيتون في ريف إدلب'],
      ['Mon, 06 Apr 2026 10:00:00 +0300', 'افتتاح جسر جديد على نهر الفرات في الرقة'],
      ['٠٧/٠٤/٢٠٢٦', 'تشغيل محطة مياه جديدة في حمص'],
      ['31/02/2026', 'توزيع مقاعد دراسية على مدارس درعا'],
      ['منذ ساعتين', 'إصلاح خط الكهرباء المغذي لمدينة منبج']];
    const res = await fetch(`${base}/api/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(given.map(([published, title]) => ({ title, source: dated, published,
        text: `${title}، بحسب ما أعلنت الجهات المحلية اليوم في بيان مقتضب.` }))) });
    assert(res.status === 201, `not stored: HTTP ${res.status}`);
    const api = (await (await fetch(`${base}/api/articles?source=${dated}`)).json()).articles;
    const stored = Object.fromEntries(api.map((a) => [a.title, a.published]));
    assert(stored[given[0][1]] === '2026-04-06' && stored[given[1][1]] === '2026-04-06T10:00:00+03:00' &&
      stored[given[2][1]] === '2026-04-07' && stored[given[3][1]] === '31/02/2026' &&
      stored[given[4][1]] === 'منذ ساعتين', `stored: ${JSON.stringify(stored)}`);
    await page.goto(`${base}/`);
    await page.fill('#list-source', dated);
    await page.press('#list-source', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#articles > li').length === 5);
    const metas = await page.$$eval('#articles > li', (lis) => lis.map((li) => [li.querySelector('h3').textContent,
      li.querySelector('.meta').textContent, (li.querySelector('.meta time') || {}).dateTime || null]));
    const n = (v) => arPlain.format(v);
    const two = (v) => new Intl.NumberFormat('ar', { useGrouping: false, minimumIntegerDigits: 2 }).format(v);
    const want = [ // newest first, the dates read before those kept as written
      [given[2][1], `${n(7)} أبريل ${n(2026)}`, '2026-04-07'],
      [given[1][1], `${n(6)} أبريل ${n(2026)}، ${two(10)}:${two(0)} UTC+03:00`, '2026-04-06T10:00:00+03:00'],
      [given[0][1], `${n(6)} أبريل ${n(2026)}`, '2026-04-06'],
      [given[4][1], 'منذ ساعتين', null], [given[3][1], '31/02/2026', null]];
    for (const [i, [title, text, iso]] of want.entries()) {
      const [t, meta, dt] = metas[i];
      assert(t === title, `item ${i + 1} is "${t}", not "${title}"`);
      assert(meta.endsWith(` · ${text}`), `item ${i + 1}: "${meta}", not ending with "${text}"`);
      assert(dt === iso, `item ${i + 1}: <time datetime> ${dt}, not ${iso}`);
    }
  });

  await test('search pages against the server: 21 to 29 hits as 10, 10 and the rest, none twice, in the order of one request', async () => {
    const q = 'قافلة تجريبية الطحين';
    const all = (await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&k=100`)).json()).hits.map((h) => h.id);
    // the 23 articles, and maybe one an earlier test added ("قافلة إغاثة")
    assert(all.length > 20 && all.length < 30, `the server finds ${all.length} hits`);
    await page.fill('#q', q);
    await page.click('#search-form button');
    await page.waitForFunction(() => document.querySelectorAll('#hits > li').length === 10);
    for (const n of [20, all.length]) {
      await page.click('#search-more');
      await page.waitForFunction((m) => document.querySelectorAll('#hits > li').length === m, n);
    }
    await page.waitForFunction(() => !document.querySelector('#search-more').disabled);
    assert(await page.isHidden('#search-more'), '«المزيد» after the last page');
    const shown = await page.$$eval('#hits > li .meta', (ps) => ps.map((p) => Number(/#(\d+)/.exec(p.textContent)[1])));
    assert(JSON.stringify(shown) === JSON.stringify(all), `ids shown ${shown} / one request ${all}`);
  });
};
