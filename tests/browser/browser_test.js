// browser_test.js — drives Debian's chromium (headless, via playwright-core)
// against a real `mizan serve` over a temp database: loads the page, types a
// claim, submits, and checks that the verdict card and the evidence sentences
// highlighted in context are rendered. Saves desktop and phone screenshots.
// Usage: node browser_test.js MIZAN_BIN SHOT_DIR
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const [bin, shotDir] = process.argv.slice(2);
const repo = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CLAIM = 'توصلت قوات سوريا الديمقراطية إلى اتفاق مع تنظيم الدولة لخروج مقاتليه من الرقة';
const VERDICT_LABELS = ['مدعوم', 'مدحوض', 'متنازع عليه', 'أدلة غير كافية'];

let passed = 0, failed = 0;
async function test(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

// A mizan.check/1 report made up for a test (served through page.route), for
// page behaviour that the sample articles cannot provoke on demand.
function fakeReport(claim, verdict, voices, reasonAr) {
  const members = voices.reduce((n, v) => n + v.members.length, 0);
  return {
    schema: 'mizan.check/1', claim, verdict, confidence: 0.8, reason: 'made up for a test',
    reason_ar: reasonAr || 'سبب مكتوب للاختبار.', note: null, note_ar: null,
    counts: { agree: 0, disagree: 0, discuss: 0, unrelated: 0, voices: voices.length, articles: members },
    voices, numbers: [], stats: { candidates: members, elapsed_ms: 1 },
  };
}
// An evidence item for sentence `text` of `body` (code-point offsets, as the API gives).
function evidenceOf(body, text, cue) {
  const at = body.indexOf(text);
  const cs = Array.from(body.slice(0, at)).length;
  return { text, start: 0, end: 0, char_start: cs, char_end: cs + Array.from(text).length, score: 0.9, cue };
}
function fakeMember(id, title, source, stance, evidence, denial) {
  return { article_id: id, title, source, url: `https://example.org/${id}`, published: '2026-03-14',
    stance, retrieval_score: 1, probs: { agree: 0.1, disagree: 0.1, discuss: 0.1, unrelated: 0.7, [stance]: 0.7 },
    evidence, denial: denial || null };
}

// Waits until the page shows the report for `claim` (not the one before it).
function waitForReport(page, claim) {
  return page.waitForFunction((c) => !document.querySelector('#result').hidden &&
    document.querySelector('#verdict .verdict-claim bdi').textContent === c, claim);
}

// Waits until every member shown has its evidence in context (its body fetched).
function waitForContext(page) {
  return page.waitForFunction(() => {
    const n = document.querySelectorAll('#voices .member').length;
    return n > 0 && document.querySelectorAll('#voices details.full').length === n;
  });
}

// page.route(pattern, handler) with the undoing function returned: it waits
// for handlers still under way (a held reply) before unrouting, as
// Playwright's unroute can hang on a handler that fulfills after it began.
async function routeFor(page, pattern, handler) {
  const running = new Set();
  const wrapped = (route) => {
    const p = Promise.resolve().then(() => handler(route)).catch(() => { /* the page gave up on it */ });
    running.add(p);
    p.finally(() => running.delete(p));
    return p;
  };
  await page.route(pattern, wrapped);
  return async () => {
    await Promise.all([...running]);
    await page.unroute(pattern, wrapped);
  };
}

// In the page: is `needle`, found in root's text, laid out left to right on the
// screen (its first character left of its last)? null when it is not there.
function laidOutLtr(root, needle) {
  const nodes = [];
  let text = '';
  const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) { nodes.push([w.currentNode, text.length]); text += w.currentNode.data; }
  const at = text.indexOf(needle);
  if (at < 0) return null;
  const box = (i) => {
    for (const [n, off] of nodes) {
      if (i >= off && i < off + n.data.length) {
        const r = document.createRange();
        r.setStart(n, i - off);
        r.setEnd(n, i - off + 1);
        return r.getBoundingClientRect();
      }
    }
    return null;
  };
  return box(at).left < box(at + needle.length - 1).left;
}

// In the page: WCAG contrast of every visible text against what is painted
// behind it (background colours and opacity of its ancestors, composited), and
// of each text field's border. Returns the failures: text under 4.5:1 (3:1 when
// large: 24px, or 18.66px bold), a field's border under 3:1 (WCAG 1.4.11).
function lowContrast() {
  const rgba = (c) => { const m = c.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (below, [r, g, b, a]) => [0, 1, 2].map((i) => [r, g, b][i] * a + below[i] * (1 - a));
  const lum = (c) => {
    const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  // The colour of a pixel of chain's last element: the backgrounds of chain
  // from j on over `below`, then `top` (its text or border colour) if given;
  // each element's opacity fades it and what it holds into what is beneath.
  const paint = (chain, j, below, top) => {
    if (j === chain.length) return top ? over(below, top) : below;
    const st = getComputedStyle(chain[j]);
    const inner = paint(chain, j + 1, over(below, rgba(st.backgroundColor)), top);
    const o = Number(st.opacity);
    return inner.map((v, i) => v * o + below[i] * (1 - o));
  };
  const bad = [];
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}`;
  for (const el of document.querySelectorAll('body *')) {
    if (!el.checkVisibility() || el.closest('.sr-only')) continue;
    const st = getComputedStyle(el);
    const chain = [];
    for (let n = el; n; n = n.parentElement) chain.unshift(n);
    const bg = paint(chain, 0, [255, 255, 255], null);
    if (el.matches('textarea, input')) {
      const q = ratio(paint(chain, 0, [255, 255, 255], rgba(st.borderTopColor)), bg);
      if (q < 3) bad.push(`${name(el)} border ${q.toFixed(2)}:1`);
    }
    const own = [...el.childNodes].some((c) => c.nodeType === 3 && c.data.trim());
    if (!own) continue;
    const q = ratio(paint(chain, 0, [255, 255, 255], rgba(st.color)), bg);
    const px = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
    const need = px >= 24 || (px >= 18.66 && bold) ? 3 : 4.5;
    if (q < need) bad.push(`${name(el)} "${el.textContent.trim().slice(0, 20)}" ${q.toFixed(2)}:1 < ${need}`);
  }
  return bad;
}

// In the page: the focused element's outline, and its contrast (WCAG 1.4.11)
// with what is painted around it. null when it has none.
function focusRing() {
  const el = document.activeElement;
  const st = getComputedStyle(el);
  if (st.outlineStyle === 'none' || parseFloat(st.outlineWidth) === 0) return null;
  const rgba = (c) => c.match(/[\d.]+/g).map(Number);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let bg = [255, 255, 255];
  for (let n = el.parentElement; n; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c.length < 4 || c[3] === 1) { bg = c; break; }
  }
  const [x, y] = [lum(rgba(st.outlineColor)), lum(bg)].sort((p, q) => q - p);
  return { width: parseFloat(st.outlineWidth), ratio: (x + 0.05) / (y + 0.05) };
}

// Starts the server on a free port (--port 0) and reads the URL it prints.
function startServer(db) {
  const args = ['serve', '--db', db, '--port', '0', '--threads', '4', '--quiet',
    '--web', path.join(repo, 'web')];
  // $MIZAN_MODEL if set, else the shipped models/stance.model (mz_model_load's own lookup).
  if (process.env.MIZAN_MODEL) args.push('--model', process.env.MIZAN_MODEL);
  const proc = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 15000);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve({ proc, base: `http://127.0.0.1:${m[1]}` }); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${err}`)); });
  });
}

function stopServer(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    proc.removeAllListeners('exit');
    proc.on('exit', (code) => resolve(code));
    proc.kill('SIGTERM');
  });
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-browser-'));
  fs.mkdirSync(shotDir, { recursive: true });
  const { proc, base } = await startServer(path.join(tmp, 'browser.db'));
  let ctx;
  try {
    const articles = JSON.parse(fs.readFileSync(path.join(__dirname, 'articles.json'), 'utf8'));
    const add = await fetch(`${base}/api/articles`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(articles),
    });
    assert(add.status === 201, `adding the sample articles: HTTP ${add.status}`);

    ctx = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      locale: 'ar',
    });
    const page = ctx.pages()[0] || await ctx.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // The duplicate test provokes a 409 on purpose, the failed-check test a 503,
    // the error-message test the statuses it adds here while it runs; anything
    // else is a fault.
    const provoked = new Set(['409', '503']);
    page.on('console', (m) => {
      const status = (/status of (\d+)/.exec(m.text()) || [])[1];
      if (m.type() === 'error' && !provoked.has(status)) pageErrors.push(m.text());
    });

    await test('page loads: Arabic, right-to-left, served with a CSP', async () => {
      const res = await page.goto(`${base}/`);
      assert(res.status() === 200, `GET / → ${res.status()}`);
      const csp = res.headers()['content-security-policy'] || '';
      assert(csp.includes("default-src 'self'"), 'no CSP');
      // default-src does not cover form targets: without form-action an injected
      // <form> could post the page's fields anywhere.
      assert(csp.includes("form-action 'self'"), `CSP without form-action: ${csp}`);
      assert(await page.getAttribute('html', 'dir') === 'rtl', 'html dir is not rtl');
      assert(await page.getAttribute('html', 'lang') === 'ar', 'html lang is not ar');
      await page.waitForFunction(() => /مقال/.test(document.querySelector('#health').textContent));
    });

    await test('empty claim shows an error, no request', async () => {
      await page.click('#check-btn');
      assert(await page.isVisible('#check-error'), 'no error shown for an empty claim');
      assert(await page.isHidden('#result'), 'result shown without a claim');
    });

    await test('a claim over the server\'s limit is refused with its length, not cut', async () => {
      let sent = 0;
      const count = (r) => { if (r.url().endsWith('/api/check')) sent++; };
      page.on('request', count);
      try {
        // 2,100 code points, emoji included (two UTF-16 units each: the page counts
        // code points, as the server does). maxlength would have cut it silently.
        const long = Array.from(`${CLAIM} 🙂 `.repeat(30)).slice(0, 2100).join('').trim();
        const n = Array.from(long).length;
        await page.fill('#claim', long);
        assert(await page.inputValue('#claim') === long, 'the textarea cut the claim');
        await page.click('#check-btn');
        const msg = await page.textContent('#check-error');
        assert(await page.isVisible('#check-error') && msg.includes(new Intl.NumberFormat('ar').format(n)),
          `no message with the claim's length (${n}): "${msg}"`);
        await page.fill('#claim', 'ادعاء قصير');
        for (const k of ['0', '201', '2.5']) {
          await page.fill('#k', k);
          await page.click('#check-btn');
          assert(/عدد صحيح/.test(await page.textContent('#check-error')), `no message for k=${k}`);
        }
        await page.waitForTimeout(200);
        assert(sent === 0, `${sent} request(s) sent for input the server refuses`);
      } finally {
        page.off('request', count);
        await page.fill('#k', '20');
        await page.fill('#claim', '');
      }
    });

    await test('k typed in Arabic-Indic digits (an Arabic keyboard\'s) is read, not dropped', async () => {
      const claim = 'ادعاء بعدد مرشحين بالأرقام العربية';
      const sent = [];
      const unroute = await routeFor(page, '**/api/check', (route) => {
        sent.push(JSON.parse(route.request().postData()).k);
        return route.fulfill({ json: fakeReport(claim, 'supported', []) });
      });
      try {
        await page.fill('#claim', claim);
        await page.click('#k', { clickCount: 3 });
        await page.keyboard.type('١٢');
        await page.click('#check-btn');
        await waitForReport(page, claim);
        assert(sent.length === 1 && sent[0] === 12, `k sent for «١٢»: ${JSON.stringify(sent)}`);
        assert(new URL(page.url()).searchParams.get('k') === '12', `address: ${page.url()}`);
        // Persian digits too; and 1e2 is not a number of articles.
        await page.fill('#k', '۷');
        await page.click('#check-btn');
        await page.waitForFunction(() => !document.querySelector('#check-btn').disabled);
        assert(sent.length === 2 && sent[1] === 7, `k sent for «۷»: ${JSON.stringify(sent)}`);
        await page.fill('#k', '1e2');
        await page.click('#check-btn');
        assert(/عدد صحيح/.test(await page.textContent('#check-error')), 'no message for k=1e2');
        assert(sent.length === 2, `a request was sent for k=1e2: ${JSON.stringify(sent)}`);
      } finally {
        await unroute();
        await page.goto(`${base}/`);
      }
    });

    let report = null;
    await test('check a claim: verdict card and evidence highlighted in context', async () => {
      await page.fill('#claim', CLAIM);
      const [resp] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/check')),
        page.click('#check-btn'),
      ]);
      assert(resp.status() === 200, `/api/check → ${resp.status()}`);
      report = await resp.json();
      await page.waitForSelector('#result:not([hidden]) #verdict .verdict-label');
      const label = (await page.textContent('#verdict .verdict-label')).trim();
      assert(VERDICT_LABELS.includes(label), `verdict label "${label}"`);
      const conf = (await page.textContent('#verdict .confidence-value')).trim();
      assert(conf.length > 0, 'no confidence shown');
      // The reason is shown in Arabic: the report's reason_ar, not the English `reason`.
      const reason = (await page.textContent('#verdict .verdict-reason')).trim();
      assert(/[\u0621-\u064A]{3}/.test(reason.replace(/«[^»]*»/g, '')),
        `reason has no Arabic outside its quotes: "${reason.slice(0, 80)}"`);
      assert(typeof report.reason_ar === 'string' && reason === report.reason_ar.trim(),
        'the card does not show the report\'s reason_ar');
      // Evidence in context: the body is fetched and the sentence wrapped in <mark>.
      await page.waitForSelector('#voices .evidence .context mark', { timeout: 10000 });
      await page.waitForFunction(() => document.querySelectorAll('#voices details.full').length > 0,
        null, { timeout: 10000 });
      const marks = await page.$$eval('#voices .evidence .context mark', (ms) => ms.map((m) => ({
        text: m.textContent, ctx: m.parentElement.textContent.length - m.textContent.length,
      })));
      assert(marks.length >= 1, 'no highlighted evidence');
      assert(marks.some((m) => m.ctx > 0), 'evidence shown without its context');
      // Every mark is exactly an evidence sentence of the report (offsets converted right,
      // including after the emoji that opens the first article).
      const sentences = new Set();
      for (const v of report.voices || []) for (const m of v.members || []) {
        for (const e of m.evidence || []) sentences.add(e.text);
        if (m.denial) sentences.add(m.denial.text);
      }
      for (const m of marks) assert(sentences.has(m.text), `mark "${m.text.slice(0, 40)}…" is not an evidence sentence`);
      // The words that gave a sentence its cue are marked inside it, as the report's
      // cue_char_start/cue_char_end say.
      const cueWords = new Set();
      for (const v of report.voices || []) for (const m of v.members || []) {
        for (const e of [...(m.evidence || []), m.denial].filter((x) => x && x.cue_char_end)) {
          cueWords.add(Array.from(e.text).slice(e.cue_char_start - e.char_start,
            e.cue_char_end - e.char_start).join(''));
        }
      }
      assert(cueWords.size > 0, 'the report names no cue words');
      const bold = await page.$$eval('#voices .evidence .context mark b.cue-words', (bs) => bs.map((b) => b.textContent));
      assert(bold.length > 0 && bold.every((b) => cueWords.has(b)), `cue words marked: ${bold}`);
      // Stance badges carry words, not colour alone.
      const badges = await page.$$eval('#voices .badge', (bs) => bs.map((b) => b.textContent.trim()));
      assert(badges.length > 0 && badges.every((b) => b.length > 1), 'stance badges without text');
      await page.screenshot({ path: path.join(shotDir, 'check-desktop.png'), fullPage: true });
    });

    await test('the verdict is announced in a status region, with the claim it answers', async () => {
      const status = await page.$eval('#check-status', (n) => [n.getAttribute('role'), n.textContent]);
      const label = (await page.textContent('#verdict .verdict-label')).trim();
      assert(status[0] === 'status' && status[1].includes(label), `status region: ${status}`);
      // The whole report is not a live region (a screen reader would read it all).
      assert(await page.$('#result[aria-live]') === null, '#result is a live region');
      const claim = await page.textContent('#verdict .verdict-claim bdi');
      assert(report && claim === report.claim, `card names the claim "${claim}"`);
    });

    await test('number conflicts are flagged when the report has them', async () => {
      const conflicts = (report && report.numbers || []).filter((q) => q.conflict || q.claim_unmatched);
      const shown = await page.isVisible('#numbers');
      assert(shown === (conflicts.length > 0), `numbers box visible=${shown}, conflicts=${conflicts.length}`);
    });

    await test('phone width (390px): no horizontal scrolling', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(200);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 391, `page is ${width}px wide at 390px`);
      await page.screenshot({ path: path.join(shotDir, 'check-phone.png'), fullPage: true });
      await page.evaluate(() => document.querySelector('#verdict').scrollIntoView());
      await page.screenshot({ path: path.join(shotDir, 'check-phone-verdict.png') });
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await test('a negated claim: the note that it was weighed as the event it denies is shown, in Arabic', async () => {
      const claim = 'لم تتوصل قوات سوريا الديمقراطية إلى اتفاق مع تنظيم الدولة';
      await page.fill('#claim', claim);
      const [resp] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/check')),
        page.click('#check-btn'),
      ]);
      const rep = await resp.json();
      assert(typeof rep.note_ar === 'string' && rep.note_ar.includes('منفي'), `note_ar: ${rep.note_ar}`);
      await waitForReport(page, claim);
      const note = await page.$eval('#verdict .verdict-note', (n) => ({ shown: n.checkVisibility(),
        text: n.textContent, dir: getComputedStyle(n).direction, lang: n.closest('[lang]').lang,
        rule: getComputedStyle(n).borderRightWidth, color: getComputedStyle(n).color }));
      assert(note.shown && note.text === rep.note_ar && note.dir === 'rtl' && note.lang === 'ar',
        `note: ${JSON.stringify(note)}`);
      // It turns the badges round, so it is a callout (a rule on its start
      // side, in the text's own colour), not grey fine print.
      assert(note.rule === '4px' && note.color === 'rgb(28, 35, 48)', `note style: ${JSON.stringify(note)}`);
      await page.fill('#claim', '');
    });

    await test('a newer check replaces one still in flight; the late reply is dropped', async () => {
      const A = 'افتتاح جسر جديد فوق نهر الفرات في الرقة';
      const B = 'إغلاق معبر الطاحونة جنوب منبج';
      let held, release;
      const aHeld = new Promise((r) => { held = r; });
      const aGo = new Promise((r) => { release = r; });
      const isA = (r) => r.url().endsWith('/api/check') && JSON.parse(r.postData()).claim === A;
      const aOutcome = new Promise((resolve) => {
        page.on('requestfinished', (r) => { if (isA(r)) resolve('answered'); });
        page.on('requestfailed', (r) => { if (isA(r)) resolve('aborted'); });
      });
      const unroute = await routeFor(page, '**/api/check', async (route) => {
        const claim = JSON.parse(route.request().postData()).claim;
        if (claim === A) { held(); await aGo; }
        await route.fulfill({ json: fakeReport(claim, claim === A ? 'supported' : 'refuted', []) });
      });
      try {
        await page.fill('#claim', A);
        await page.click('#check-btn');
        await aHeld;
        assert(await page.isHidden('#result'), 'the previous report stays shown while claim A is checked');
        // The button is disabled now; Enter in the claim box still submits the new claim.
        await page.fill('#claim', B);
        await page.press('#claim', 'Enter');
        await waitForReport(page, B);
        release();
        assert(await aOutcome === 'aborted', 'claim A\'s request was not aborted when B was sent');
        assert(await page.getAttribute('#verdict', 'data-verdict') === 'refuted', 'claim A\'s verdict replaced B\'s');
        assert(!(await page.isDisabled('#check-btn')), 'button left disabled');
      } finally {
        release();
        await unroute();
      }
    });

    await test('a failed check hides the previous verdict and says why', async () => {
      assert(await page.isVisible('#result'), 'no earlier verdict on the page');
      const unroute = await routeFor(page, '**/api/check', (route) => route.fulfill({
        status: 503, json: { error: 'database is locked', code: 'db_locked' } }));
      try {
        await page.fill('#claim', 'انقطاع الكهرباء عن أحياء الرقة الشرقية');
        await page.click('#check-btn');
        await page.waitForSelector('#check-error:not([hidden])');
        const msg = await page.textContent('#check-error');
        assert(/الخادم مشغول/.test(msg) && msg.includes('database is locked'), `error: ${msg}`);
        assert(await page.isHidden('#result'), 'the previous claim\'s verdict is still shown');
        assert(!(await page.isDisabled('#check-btn')), 'button left disabled');
      } finally {
        await unroute();
      }
    });

    await test('server errors read as Arabic sentences: not an HTML page, not a bare status', async () => {
      const html = (t) => `<html><head><title>${t}</title></head><body><h1>${t}</h1></body></html>`;
      const cases = [
        [500, { contentType: 'text/html', body: html('500 Internal Server Error') }, /^خطأ في الخادم/],
        [502, { contentType: 'text/html', body: html('502 Bad Gateway') }, /^الخادم لا يستجيب/],
        [504, { contentType: 'text/html', body: html('504 Gateway Time-out') }, /^انتهت مهلة الخادم/],
        [413, { body: html('Request too large') }, /^الطلب أكبر من الحد المسموح/],
        [414, { body: html('URI too long') }, /^الطلب أطول من الحد المسموح/],
        [500, { json: { error: 'database error', code: 'db_error' } }, /^خطأ في الخادم: .*database error/],
      ];
      for (const [status] of cases) provoked.add(String(status));
      let now;
      const unroute = await routeFor(page, '**/api/check', (route) => route.fulfill({ status: now[0], ...now[1] }));
      try {
        for (const c of cases) {
          now = c;
          await page.fill('#claim', `ادعاء يلقى الخطأ ${c[0]}`);
          await page.click('#check-btn');
          await page.waitForFunction(() => !document.querySelector('#check-error').hidden &&
            !document.querySelector('#check-btn').disabled);
          const msg = (await page.textContent('#check-error')).replace(/[\u2066-\u2069]/g, '');
          assert(c[2].test(msg) && !/[<>]/.test(msg), `HTTP ${c[0]}: "${msg}"`);
          // The server's English words are marked English, for a screen reader's voice;
          // the Arabic around them is not.
          const english = await page.$$eval('#check-error [lang=en]', (ns) => ns.map((n) => n.textContent));
          const want = c[1].json ? c[1].json.error : `HTTP ${c[0]}`;
          assert(english.length === 1 && english[0] === want, `HTTP ${c[0]}: English parts ${JSON.stringify(english)}`);
        }
      } finally {
        await unroute();
        for (const [status] of cases) if (status !== 503) provoked.delete(String(status));
      }
    });

    await test('a reply cut off, or a proxy\'s HTML page with status 200, is told in Arabic', async () => {
      const cut = { status: 200, contentType: 'application/json', body: '{"schema":"mizan.check/1","claim":"x","verd' };
      const portal = { status: 200, contentType: 'text/html', body: '<html><body>Sign in to the network</body></html>' };
      let now = cut;
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill(now)),
        await routeFor(page, '**/api/search?*', (route) => route.fulfill(now))];
      try {
        for (const reply of [cut, portal]) {
          now = reply;
          await page.fill('#claim', 'ادعاء يلقى ردا مقطوعا');
          await page.click('#check-btn');
          await page.waitForFunction(() => !document.querySelector('#check-error').hidden &&
            !document.querySelector('#check-btn').disabled);
          const msg = await page.textContent('#check-error');
          assert(/ردّ لا يُقرأ/.test(msg), `check, ${reply.contentType}: "${msg}"`);
          assert(await page.isHidden('#result'), 'a report is shown for a reply that is not one');
          await page.fill('#q', 'الرقة');
          await page.click('#search-form button');
          await page.waitForSelector('#search-error:not([hidden])');
          const smsg = await page.textContent('#search-error');
          assert(/ردّ لا يُقرأ/.test(smsg), `search, ${reply.contentType}: "${smsg}"`);
        }
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('a check whose reply never comes is given up after two minutes, with a message', async () => {
      // A page of its own, with a clock the test moves: the route holds the reply.
      const p2 = await page.context().newPage();
      let release;
      const go = new Promise((r) => { release = r; });
      try {
        await p2.clock.install();
        await p2.route('**/api/check', async (route) => { await go; await route.abort().catch(() => {}); });
        await p2.goto(`${base}/`);
        await p2.fill('#claim', 'ادعاء لا يأتي جوابه');
        await p2.click('#check-btn');
        await p2.waitForFunction(() => document.querySelector('#check-btn').disabled);
        await p2.clock.runFor(119000);
        assert(await p2.isDisabled('#check-btn'), 'given up before two minutes');
        await p2.clock.runFor(2000);
        await p2.waitForFunction(() => !document.querySelector('#check-btn').disabled);
        const msg = await p2.textContent('#check-error');
        assert(await p2.isVisible('#check-error') && /لم يُجب الخادم/.test(msg), `message: "${msg}"`);
      } finally {
        release();
        await p2.close();
      }
    });

    await test('a server that cannot be reached: the alert says so, and the footer no longer counts articles', async () => {
      const p2 = await page.context().newPage();
      try {
        await p2.goto(`${base}/`);
        await p2.waitForFunction(() => /مقالاً في القاعدة/.test(document.querySelector('#health').textContent));
        await p2.route('**/api/*', (route) => route.abort('connectionrefused'));
        await p2.fill('#claim', 'ادعاء والخادم متوقف');
        await p2.click('#check-btn');
        await p2.waitForFunction(() => !document.querySelector('#check-error').hidden);
        const msg = await p2.textContent('#check-error');
        assert(/تعذّر الاتصال بالخادم/.test(msg), `message: "${msg}"`);
        await p2.waitForFunction(() => /لا يستجيب/.test(document.querySelector('#health').textContent), null,
          { timeout: 5000 }).catch(() => {});
        const foot = await p2.textContent('#health');
        assert(/الخادم لا يستجيب/.test(foot), `footer: "${foot}"`);
        // The server answers again: the next check's reply brings the count
        // back, where the footer went on saying the server did not answer.
        await p2.unroute('**/api/*');
        await p2.fill('#claim', 'ادعاء والخادم عاد');
        await p2.click('#check-btn');
        await waitForReport(p2, 'ادعاء والخادم عاد');
        await p2.waitForFunction(() => /مقالاً في القاعدة/.test(document.querySelector('#health').textContent),
          null, { timeout: 5000 }).catch(() => {});
        const back = await p2.textContent('#health');
        assert(/مقالاً في القاعدة/.test(back), `footer once the server answers again: "${back}"`);
      } finally {
        await p2.close();
      }
    });

    await test('a search or an added article whose reply never comes is given up after 30 s, with a message', async () => {
      const p2 = await page.context().newPage();
      let release;
      const go = new Promise((r) => { release = r; });
      try {
        await p2.clock.install();
        const hold = async (route) => { await go; await route.abort().catch(() => {}); };
        await p2.route('**/api/search?*', hold);
        await p2.route('**/api/articles', hold);
        await p2.goto(`${base}/`);
        await p2.fill('#q', 'الرقة');
        await p2.click('#search-form button');
        await p2.click('#add-details > summary');
        await p2.fill('#a-text', 'نص مقال لا يأتي جواب إضافته');
        await p2.click('#add-btn');
        await p2.waitForFunction(() => document.querySelector('#add-btn').disabled);
        await p2.clock.runFor(29000);
        assert(await p2.isHidden('#search-error'), 'search given up before 30 s');
        assert(await p2.isDisabled('#add-btn'), 'adding given up before 30 s');
        await p2.clock.runFor(2000);
        await p2.waitForFunction(() => !document.querySelector('#search-error').hidden &&
          !document.querySelector('#add-btn').disabled);
        const msg = await p2.textContent('#search-error');
        assert(/لم يُجب الخادم/.test(msg), `search message: "${msg}"`);
        const added = await p2.textContent('#add-status');
        assert(/قد يكون المقال أُضيف/.test(added), `add message: "${added}"`);
      } finally {
        release();
        await p2.close();
      }
    });

    await test('keyboard only: Enter on the button checks; focus lands on the verdict, or back on the button', async () => {
      const rep = fakeReport('انقطاع المياه عن حي الدرعية', 'refuted', []);
      let fail = false;
      const unroute = await routeFor(page, '**/api/check', (route) => (fail
        ? route.fulfill({ status: 503, json: { error: 'database is locked' } })
        : route.fulfill({ json: rep })));
      const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
      const idle = () => page.waitForFunction(() => !document.querySelector('#check-btn').disabled);
      try {
        await page.fill('#claim', rep.claim);
        await page.focus('#claim');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        assert(await focused() === 'check-btn', `Tab from the claim box reaches ${await focused()}`);
        await page.keyboard.press('Enter');
        await waitForReport(page, rep.claim);
        await idle();
        // Disabling the focused button drops focus to <body> unless the page moves it.
        assert(await focused() === 'verdict-label', `focus after the report: ${await focused()}`);
        fail = true;
        await page.focus('#check-btn');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#check-error:not([hidden])');
        await idle();
        assert(await focused() === 'check-btn', `focus after a failed check: ${await focused()}`);
      } finally {
        await unroute();
      }
    });

    await test('Enter in the claim box checks it, once; Shift+Enter breaks the line', async () => {
      const claim = 'توقف العمل في مرفأ طرطوس';
      let sent = 0, release;
      const go = new Promise((r) => { release = r; });
      const unroute = await routeFor(page, '**/api/check', async (route) => {
        sent++;
        await go;
        return route.fulfill({ json: fakeReport(claim, 'refuted', []) });
      });
      try {
        await page.fill('#claim', 'توقف العمل');
        await page.focus('#claim');
        await page.keyboard.press('Shift+Enter');
        assert(await page.inputValue('#claim') === 'توقف العمل\n', 'Shift+Enter did not break the line');
        await page.fill('#claim', claim);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelector('#check-btn').disabled);
        await page.keyboard.press('Enter'); // impatient: the same claim again while it runs
        await page.waitForTimeout(200);
        release();
        await waitForReport(page, claim);
        assert(sent === 1, `${sent} requests for one claim`);
        assert(await page.inputValue('#claim') === claim, 'Enter put a line break in the claim');
        const hint = await page.$eval('#claim', (t) => document.getElementById(t.getAttribute('aria-describedby')).textContent);
        assert(/Shift\+Enter/.test(hint), `the claim box does not describe its keys: "${hint}"`);
      } finally {
        release();
        await unroute();
      }
    });

    await test('a reader\'s larger default font size (browser settings) enlarges all text', async () => {
      const cdp = await page.context().newCDPSession(page);
      const sizes = () => page.evaluate(() => ['body', '#check-btn', '#claim', 'label[for=claim]'].map((sel) =>
        parseFloat(getComputedStyle(document.querySelector(sel)).fontSize)));
      try {
        const normal = await sizes();
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
        const large = await sizes();
        normal.forEach((px, i) => assert(Math.abs(large[i] / px - 1.5) < 0.01,
          `text ${px}px at the 16px default is ${large[i]}px at 24px`));
      } finally {
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 } });
        await cdp.detach();
      }
    });

    await test('contrast: text 4.5:1 (large 3:1), field borders and focus rings 3:1, in every state', async () => {
      const body = 'أكد شهود عبور الحافلات. ونفى متحدث ذلك. وقال مراقبون إن الأمر غير واضح. وخبر آخر عن الطقس.';
      const sents = ['أكد شهود عبور الحافلات.', 'ونفى متحدث ذلك.', 'وقال مراقبون إن الأمر غير واضح.', 'وخبر آخر عن الطقس.'];
      const stances = ['agree', 'disagree', 'discuss', 'unrelated'];
      const rep = fakeReport('عبرت الحافلات المعبر', 'disputed', stances.map((st, i) => ({
        voice: i + 1, stance: st, weight: 0.5, sources: [`s${i}.example`],
        members: [fakeMember(90010 + i, `عنوان ${i}`, `s${i}.example`, st,
          [evidenceOf(body, sents[i], st === 'disagree' ? 'denial' : 'overlap')],
          st === 'unrelated' ? evidenceOf(body, sents[1], 'denial') : null)],
      })));
      rep.counts = { agree: 1, disagree: 1, discuss: 1, unrelated: 1, voices: 4, articles: 4 };
      rep.numbers = [{ quantity: 'عدد الحافلات', on_claim: true, conflict: true,
        values: [{ voice: 1, value: '40' }, { voice: 2, value: '12' }] }];
      let release = () => {};
      let hold = false;
      const unroutes = [await routeFor(page, '**/api/check', async (route) => {
        if (hold) await new Promise((r) => { release = r; });
        return route.fulfill({ json: rep });
      }), await routeFor(page, /\/api\/articles\/9001\d$/, (route) => route.fulfill({ json: { id: 1, body } }))];
      const failures = [];
      const look = async (state) => {
        for (const f of await page.evaluate(`(${lowContrast})()`)) failures.push(`${state}: ${f}`);
      };
      try {
        for (const verdict of ['supported', 'refuted', 'disputed', 'not_enough_evidence']) {
          rep.verdict = verdict;
          rep.claim = `عبرت الحافلات المعبر (${verdict})`;
          await page.fill('#claim', rep.claim);
          await page.click('#check-btn');
          await waitForReport(page, rep.claim);
          await waitForContext(page);
          await look(verdict);
        }
        hold = true;
        await page.fill('#claim', 'ادعاء ينتظر جوابه');
        await page.click('#check-btn');
        await page.waitForFunction(() => document.querySelector('#check-btn').disabled);
        await look('checking');
        release();
        await page.waitForFunction(() => !document.querySelector('#check-btn').disabled);
        hold = false;
        await page.fill('#claim', '');
        await page.click('#check-btn');
        await look('error');
        // Every stop of the Tab key shows a ring of 2px or more at 3:1.
        await page.focus('#claim');
        for (let i = 0; i < 12; i++) {
          const ring = await page.evaluate(`(${focusRing})()`);
          const at = await page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
          if (!ring || ring.width < 2 || ring.ratio < 3)
            failures.push(`focus on ${at}: ${ring ? `${ring.width}px at ${ring.ratio.toFixed(2)}:1` : 'no outline'}`);
          await page.keyboard.press('Tab');
        }
        assert(failures.length === 0, failures.join('\n'));
      } finally {
        release();
        for (const u of unroutes) await u();
      }
    });

    await test('site names and Latin titles keep their order in right-to-left text', async () => {
      const body = 'قال متحدث إن 40 أسيرا أفرج عنهم أمس في الرقة. ولم تؤكد الحكومة ذلك.';
      const rep = fakeReport('أفرج عن 40 أسيرا في الرقة', 'supported', [{
        voice: 1, stance: 'agree', weight: 0.9, sources: ['24.ae', 'furat-today.example'],
        members: [fakeMember(90001, 'Wadi Brigade frees 40 prisoners.', '24.ae', 'agree',
          [evidenceOf(body, 'قال متحدث إن 40 أسيرا أفرج عنهم أمس في الرقة.', 'attribution')])],
      }], 'مصدر واحد يؤيد الادعاء (24.ae): «قال متحدث إن 40 أسيرا أفرج عنهم أمس في الرقة».');
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, '**/api/articles/90001', (route) => route.fulfill({ json: { id: 90001, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        await waitForContext(page);
        const probes = {
          reason: ['.verdict-reason', '24.ae'],
          sources: ['#voices .voice-head .sources', '24.ae'],
          meta: ['#voices .member .meta', '24.ae'],
          title: ['#voices .member h4', 'Wadi Brigade frees 40 prisoners.'],
        };
        for (const [where, [sel, needle]] of Object.entries(probes)) {
          const ltr = await page.evaluate(
            `(${laidOutLtr})(document.querySelector(${JSON.stringify(sel)}), ${JSON.stringify(needle)})`);
          assert(ltr === true, `${where}: "${needle}" ${ltr === null ? 'missing' : 'laid out out of order'}`);
        }
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('an earlier version a correction supersedes is listed without its sentences', async () => {
      const body = 'قتل 30 مدنيا في قصف على سراقب.';
      const old = fakeMember(90011, 'قتل 20 مدنيا في سراقب', 'alghad.example', 'agree',
        [{ text: 'قتل 20 مدنيا في قصف على سراقب.', start: 0, end: 0, char_start: 0, char_end: 30, score: 0.9,
          cue: 'number_match' }], { text: 'نفى مصدر', start: 0, end: 0, char_start: 0, char_end: 8, cue: 'denial' });
      old.superseded_by = 90012;
      const rep = fakeReport('قتل 20 مدنيا في سراقب', 'supported', [{
        voice: 1, stance: 'agree', weight: 0.9, counted: true, sources: ['alghad.example'],
        members: [fakeMember(90012, 'قتل 30 مدنيا في سراقب', 'alghad.example', 'agree',
          [evidenceOf(body, body, 'overlap')]), old],
      }, { voice: 2, stance: 'unrelated', weight: 0.1, counted: false, sources: ['other.example'],
        members: [Object.assign(fakeMember(90013, 'سوق', 'other.example', 'unrelated', []),
          { superseded_by: 90014, denial: { text: 'نفى', char_start: 0, char_end: 3, cue: 'denial' } })] }]);
      const unroute = await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep }));
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const items = await page.$$eval('#voices .member', (ns) => ns.map((n) => [
          n.classList.contains('member-superseded'), n.querySelectorAll('.evidence').length,
          (n.querySelector('.superseded') || {}).textContent || '']));
        assert(items.length === 2, `members shown: ${JSON.stringify(items)}`);
        assert(!items[0][0] && items[0][1] === 1, `the correction: ${JSON.stringify(items[0])}`);
        assert(items[1][0] && items[1][1] === 0 && items[1][2].includes('#90012'),
          `the superseded version: ${JSON.stringify(items[1])}`);
        // an unrelated voice is not shown for a superseded version's denial
        assert((await page.$$('#voices > li')).length === 1, 'the unrelated voice was shown');
      } finally {
        await unroute();
      }
    });

    await test('a member\'s other places (an exact copy at another site) are named under it', async () => {
      const copied = fakeMember(90021, 'أغلق معبر نصيب أمام الشاحنات', 'sana.example', 'agree', []);
      copied.places = [{ url: 'https://enabbaladi.example/archives/5512', source: 'enabbaladi.example',
        published: '2026-03-03', exact_copy: true }];
      const rep = fakeReport('أغلق معبر نصيب', 'supported', [{
        voice: 1, stance: 'agree', weight: 0.9, counted: true, sources: ['sana.example', 'enabbaladi.example'],
        members: [copied, fakeMember(90022, 'أغلق معبر نصيب', 'nasib.example', 'agree', [])],
      }]);
      const unroute = await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep }));
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const notes = await page.$$eval('#voices .member', (ns) => ns.map((n) => {
          const p = n.querySelector('.places');
          return p ? [p.textContent, (p.querySelector('a') || {}).href || ''] : null;
        }));
        assert(notes.length === 2 && notes[0] && notes[0][0].includes('نُشر النص نفسه بحروفه أيضًا في: enabbaladi.example')
          && notes[0][1] === copied.places[0].url, `the copy's places: ${JSON.stringify(notes)}`);
        assert(notes[1] === null, `a member with no other place: ${JSON.stringify(notes[1])}`);
      } finally {
        await unroute();
      }
    });

    await test('a report in English only (a server before reason_ar) is marked English', async () => {
      const rep = fakeReport('أغلق معبر نصيب', 'supported', []);
      rep.reason_ar = null;
      rep.reason = '1 independent source reports it (nasib.example).';
      rep.note = 'The claim is a single word.';
      const unroute = await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep }));
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const langs = await page.$$eval('#verdict .verdict-reason, #verdict .verdict-note',
          (ns) => ns.map((n) => [n.lang, getComputedStyle(n).direction, n.textContent]));
        assert(langs.every(([lang, dir]) => lang === 'en' && dir === 'ltr'), `reason, note: ${JSON.stringify(langs)}`);
        rep.reason_ar = 'مصدر واحد يؤيد الادعاء.';
        rep.note_ar = 'الادعاء كلمة واحدة.';
        rep.claim = 'أغلق معبر نصيب ثانية';
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const ar = await page.$$eval('#verdict .verdict-reason, #verdict .verdict-note',
          (ns) => ns.map((n) => [n.closest('[lang]').lang, getComputedStyle(n).direction]));
        assert(ar.every(([lang, dir]) => lang === 'ar' && dir === 'rtl'), `Arabic reason, note: ${JSON.stringify(ar)}`);
      } finally {
        await unroute();
      }
    });

    await test('an Arabic claim that opens with a Latin name is laid out right to left', async () => {
      const rep = fakeReport('Reuters: أغلق معبر نصيب مجددا', 'supported', []);
      const unroute = await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep }));
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const dir = await page.$eval('#verdict .verdict-claim bdi', (b) => getComputedStyle(b).direction);
        assert(dir === 'rtl', `the claim is laid out ${dir}: "Reuters:" would stand at its left end`);
      } finally {
        await unroute();
      }
    });

    await test('markup in a report (claim, reason, titles, sources, evidence, numbers) stays text', async () => {
      const evil = '<img src=x onerror="window.__xss=3"><script>window.__xss=4</script>';
      const body = `قال شاهد ${evil} إن الجسر افتتح.`;
      const rep = fakeReport(`افتتح الجسر ${evil}`, 'supported', [{
        voice: 1, stance: 'agree', weight: 0.9, sources: [`${evil}.example`],
        members: [Object.assign(fakeMember(90200, `عنوان ${evil}`, `مصدر ${evil}`, 'agree',
          [evidenceOf(body, body, 'attribution')]), { url: 'javascript:window.__xss=5', published: evil })],
      }], `سبب ${evil}`);
      rep.numbers = [{ quantity: evil, on_claim: true, conflict: true, values: [{ voice: 1, value: evil }, { voice: 2, value: '3' }] }];
      rep.voices[0].members[0].evidence[0].cue = evil;
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90200$/, (route) => route.fulfill({ json: { id: 90200, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        await waitForContext(page);
        const made = await page.$$eval('#result img, #result script, #result a[href^="javascript"]', (n) => n.length);
        assert(made === 0, `${made} element(s) made from report text`);
        assert(await page.evaluate(() => window.__xss === undefined), 'markup from the report ran');
        const text = await page.textContent('#result');
        assert(text.split('<img').length - 1 >= 6, 'the markup is not shown as text');
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('a long site name in the reason wraps at phone width', async () => {
      const site = 'very-long-regional-news-site-name-for-the-phone-test.example';
      const rep = fakeReport('أفرج لواء الوادي عن الأسرى', 'supported', [],
        `مصدر واحد يؤيد الادعاء (${site}): «أفرج لواء الوادي عن الأسرى».`);
      const unroute = await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep }));
      try {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert(width <= 391, `page is ${width}px wide at 390px`);
        assert(await page.evaluate(`(${laidOutLtr})(document.querySelector('.verdict-reason'), 'very-long')`),
          'the site name is not laid out left to right');
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
        await unroute();
      }
    });

    await test("a claim's number no source gives is shown with the sources' values", async () => {
      const body = 'قتل 40 شخصا في قصف على البلدة.';
      const rep = fakeReport('قتل 5 أشخاص في قصف على البلدة', 'not_enough_evidence', [{
        voice: 1, stance: 'discuss', weight: 0.5, sources: ['a.example'],
        members: [fakeMember(90200, 'قصف البلدة', 'a.example', 'discuss', [evidenceOf(body, body, 'number_mismatch')])],
      }]);
      rep.numbers = [{ quantity: 'شخصا', on_claim: true, conflict: false, claim_unmatched: true,
        claim_number: 5, values: [{ voice: 1, value: '40', off_claim: true }, { voice: 1, value: '3' }] }];
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90200$/, (route) => route.fulfill({ json: { id: 1, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        assert(await page.isVisible('#numbers'), 'numbers box hidden');
        const title = await page.textContent('#numbers-title');
        assert(title.includes('أرقام لا يذكرها الادعاء') && !title.includes('تعارض'), `title: ${title}`);
        const item = await page.textContent('#numbers .number-list li');
        assert(item.includes('لا يذكر أي مصدر رقم الادعاء') && item.includes('40') && !item.includes('3 ('),
          `item: ${item}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test("a claim's number a source gives only as an earlier figure is said to be earlier", async () => {
      const body = 'خففت محكمة الاستئناف الحكم إلى 5 سنوات بعد أن كان 7 سنوات.';
      const rep = fakeReport('قضت المحكمة بسجن الوزير 7 سنوات', 'supported', [{
        voice: 1, stance: 'agree', weight: 0.8, sources: ['a.example'],
        members: [fakeMember(90250, 'الاستئناف تخفف الحكم', 'a.example', 'agree', [evidenceOf(body, body, 'number_mismatch')])],
      }]);
      rep.numbers = [{ quantity: 'سنوات', on_claim: true, conflict: false, claim_unmatched: true,
        claim_earlier: true, claim_number: 7,
        values: [{ voice: 1, value: '5', off_claim: true }, { voice: 1, value: '7', earlier: true }] }];
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90250$/, (route) => route.fulfill({ json: { id: 1, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const item = await page.textContent('#numbers .number-list li');
        assert(item.includes('رقم الادعاء رقم سابق') && !item.includes('لا يذكر أي مصدر') && item.includes('5'),
          `item: ${item}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test("a claim of last month's figure, or of another period's, is said to be so", async () => {
      const body = 'ارتفع التضخم السنوي إلى 26.4% في أيلول مقابل 24.9% في آب، وبلغ على أساس شهري 1.7%.';
      const cases = [
        ['بلغ التضخم السنوي 24.9% في أيلول', { claim_last_period: true, claim_last_month: true, claim_earlier: true },
          'رقم الادعاء رقم الشهر السابق'],
        ['ارتفع التضخم على أساس شهري إلى 26.4% في أيلول', { claim_other_period: true }, 'رقم الادعاء رقم فترة أخرى'],
      ];
      for (const [claim, flags, said] of cases) {
        const rep = fakeReport(claim, 'refuted', [{
          voice: 1, stance: 'disagree', weight: 0.8, sources: ['a.example'],
          members: [fakeMember(90270, 'التضخم', 'a.example', 'agree', [evidenceOf(body, body, 'number_mismatch')])],
        }]);
        rep.numbers = [{ quantity: 'التضخم', kind: 'percent', on_claim: true, conflict: false, claim_unmatched: true,
          claim_number: 24.9, ...flags,
          values: [{ voice: 1, value: '26.4%', off_claim: true }, { voice: 1, value: '24.9%', earlier: true }] }];
        const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
          await routeFor(page, /\/api\/articles\/90270$/, (route) => route.fulfill({ json: { id: 1, body } }))];
        try {
          await page.fill('#claim', rep.claim);
          await page.click('#check-btn');
          await waitForReport(page, rep.claim);
          const item = await page.textContent('#numbers .number-list li');
          // the month's, not "last year's or season's"; another period's, not "no source gives it"
          assert(item.includes(said) && !item.includes('العام أو الموسم') && !item.includes('لا يذكر أي مصدر'),
            `item: ${item}`);
        } finally {
          for (const u of unroutes) await u();
        }
      }
    });

    await test("a claim of last year's rate is said to be last year's, and a percentage reads as one", async () => {
      const body = 'بلغت نسبة النجاح 68.4% هذا العام. وكانت نسبة النجاح العام الماضي 61.2%.';
      const rep = fakeReport('بلغت نسبة النجاح هذا العام 61.2%', 'refuted', [{
        voice: 1, stance: 'disagree', weight: 0.8, sources: ['a.example'],
        members: [fakeMember(90260, 'نتائج الثانوية', 'a.example', 'agree', [evidenceOf(body, body, 'number_mismatch')])],
      }]);
      rep.numbers = [{ quantity: 'النجاح', kind: 'percent', on_claim: true, conflict: false, claim_unmatched: true,
        claim_earlier: true, claim_last_period: true, claim_number: 61.2,
        values: [{ voice: 1, value: '68.4%', off_claim: true }, { voice: 1, value: '61.2%', earlier: true }] }];
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90260$/, (route) => route.fulfill({ json: { id: 1, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const item = await page.textContent('#numbers .number-list li');
        assert(item.includes('رقم الادعاء رقم العام أو الموسم السابق') && !item.includes('رقم الادعاء رقم سابق'),
          `item: ${item}`);
        assert(item.includes('(61.2%)'), `claim value without %: ${item}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('a conflict lists the values that make it; an earlier figure is marked as such', async () => {
      const body = 'يوجد نحو 2000 عسكري في البلاد، وكان الجيش أعلن في وقت سابق أن له 500 عسكري.';
      const rep = fakeReport('يوجد نحو ألفي عسكري في البلاد', 'supported', [{
        voice: 1, stance: 'agree', weight: 0.9, sources: ['a.example'],
        members: [fakeMember(90300, 'ألفا عسكري', 'a.example', 'agree', [evidenceOf(body, body, 'overlap')])],
      }]);
      rep.numbers = [{ quantity: 'عسكري', on_claim: true, conflict: true, claim_number: 2000,
        values: [{ voice: 1, value: '2000', conflicting: true },
          { voice: 1, value: '500', earlier: true, conflicting: true },
          { voice: 2, value: '4 آلاف', conflicting: true },
          { voice: 2, value: '900', earlier: true, conflicting: true },
          { voice: 3, value: '300' }] }];
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90300$/, (route) => route.fulfill({ json: { id: 1, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const values = await page.$$eval('#numbers .num-value', (ns) => ns.map((n) => n.textContent));
        // the 300 of a third source takes no part in the conflict: not listed
        assert(values.length === 4 && !values.some((v) => v.includes('300')), `values: ${values}`);
        assert(values[1].includes('500') && values[1].includes('رقم سابق'), `earlier: ${values[1]}`);
        assert(values[3].includes('900') && values[3].includes('رقم سابق'), `earlier: ${values[3]}`);
        assert(!values[0].includes('رقم سابق') && !values[2].includes('رقم سابق'), `others: ${values}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('a value in basis points says what it comes to in points', async () => {
      const body = 'رفع البنك المركزي سعر الفائدة بمقدار 250 نقطة أساس.';
      const rep = fakeReport('رفع البنك المركزي سعر الفائدة 1.5 نقطة مئوية', 'disputed', [{
        voice: 1, stance: 'agree', weight: 0.9, sources: ['a.example'],
        members: [fakeMember(90350, 'الفائدة', 'a.example', 'agree', [evidenceOf(body, body, 'overlap')])],
      }]);
      rep.numbers = [{ quantity: 'نقطة', on_claim: true, conflict: true, claim_number: 1.5,
        values: [{ voice: 1, value: '250', number: 2.5, change: 'rise', basis_points: true, conflicting: true },
          { voice: 2, value: '1.5', number: 1.5, change: 'rise', conflicting: true }] }];
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90350$/, (route) => route.fulfill({ json: { id: 1, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const values = await page.$$eval('#numbers .num-value', (ns) => ns.map((n) => n.textContent));
        // 250 basis points beside the claim's 1.5 points: the reader sees 2.5
        assert(values.length === 2 && values[0].includes('250') && values[0].includes('نقاط أساس') &&
          /2\.5|٢٫٥/.test(values[0]), `basis: ${values}`);
        assert(!values[1].includes('نقاط أساس'), `points: ${values[1]}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('a rise and a fall written alike in one voice are both shown, each with its direction', async () => {
      const body = 'ارتفعت الصادرات بنسبة 5% في آذار بعدما انخفضت الواردات بنسبة 5% في شباط.';
      const rep = fakeReport('ارتفعت الصادرات بنسبة 8%', 'supported', [{
        voice: 1, stance: 'agree', weight: 0.9, sources: ['a.example'],
        members: [fakeMember(90400, 'الصادرات', 'a.example', 'agree', [evidenceOf(body, body, 'overlap')])],
      }]);
      rep.numbers = [{ quantity: 'بالمئة', on_claim: true, conflict: true, claim_number: 8,
        values: [{ voice: 1, value: '5%', change: 'rise', conflicting: true },
          { voice: 1, value: '5%', change: 'fall', conflicting: true },
          { voice: 1, value: '5%', change: 'fall', conflicting: true }] }];
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90400$/, (route) => route.fulfill({ json: { id: 1, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const values = await page.$$eval('#numbers .num-value', (ns) => ns.map((n) => n.textContent));
        // the two falls are one value of one voice; the rise is another
        assert(values.length === 2, `values: ${values}`);
        assert(values[0].includes('ارتفاع') && values[1].includes('انخفاض'), `directions: ${values}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('what an amount is of (numbers[].of) is shown beside its currency', async () => {
      const body = 'قال المصرف إن احتياطيه يبلغ 9 مليارات دولار وإنه ضخ مليار ونصف دولار.';
      const rep = fakeReport('ضخ المصرف المركزي ملياري دولار', 'disputed', [{
        voice: 1, stance: 'agree', weight: 0.9, sources: ['a.example'],
        members: [fakeMember(90500, 'المصرف', 'a.example', 'agree', [evidenceOf(body, body, 'overlap')])],
      }]);
      // two quantities of one currency: the reserves and the injection
      rep.numbers = [{ quantity: 'دولار', of: 'احتياطي', on_claim: false, conflict: true,
        values: [{ voice: 1, value: '9 مليارات دولار', conflicting: true },
          { voice: 2, value: '7 مليارات دولار', conflicting: true }] },
      { quantity: 'دولار', of: 'ضخ', on_claim: true, conflict: false, claim_unmatched: true,
        claim_number: 2e9, values: [{ voice: 1, value: 'مليار ونصف دولار', off_claim: true }] }];
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90500$/, (route) => route.fulfill({ json: { id: 1, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const names = await page.$$eval('#numbers .number-list > li > strong', (ns) => ns.map((n) => n.textContent));
        // as the terminal list says it: «دولار (احتياطي)», «دولار (ضخ)»
        assert(names.length === 2 && names[0] === 'دولار (احتياطي)' && names[1] === 'دولار (ضخ)',
          `quantities: ${names}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('a long report (20 voices) with URL titles and long words fits 1280 and 360 px', async () => {
      // A scraped article whose title is its address; an unbroken run of letters.
      const urlTitle = `https://www.regional-agency.example/ar/news/2026/03/14/${'x1'.repeat(60)}`;
      const word = 'والاستراتيجيات'.repeat(6);
      const body = `قال متحدث إن القافلة وصلت. ${urlTitle} ${word} ولم تؤكد الحكومة ذلك.`;
      const voices = Array.from({ length: 20 }, (_, i) => ({
        voice: i + 1, stance: ['agree', 'disagree', 'discuss'][i % 3], weight: 0.5,
        sources: [`source-${i}.example`],
        members: [fakeMember(90100 + i, i % 2 ? urlTitle : word, `source-${i}.example`,
          ['agree', 'disagree', 'discuss'][i % 3], [evidenceOf(body, 'قال متحدث إن القافلة وصلت.', 'attribution')])],
      }));
      const rep = fakeReport('وصلت القافلة', 'disputed', voices);
      rep.numbers = [{ quantity: word, on_claim: false, conflict: true,
        values: [{ voice: 1, value: '1'.repeat(40) }, { voice: 2, value: '3' }] }];
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/901\d\d$/, (route) => route.fulfill({ json: { id: 1, body } })),
        await routeFor(page, '**/api/search?*', (route) => route.fulfill({ json: { hits: [
          { id: 1, score: 1, title: urlTitle, source: 'x.example', url: null, snippet: `[${word}] ${urlTitle}`,
            marks: [[0, Array.from(word).length]] }] } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        await waitForContext(page);
        assert(await page.$$eval('#voices > li', (l) => l.length) === 20, 'not all 20 voices shown');
        await page.fill('#q', 'قافلة');
        await page.click('#search-form button');
        await page.waitForFunction(() => /regional-agency/.test(document.querySelector('#hits').textContent));
        for (const width of [1280, 360]) {
          await page.setViewportSize({ width, height: 800 });
          const out = await page.evaluate((w) => {
            const wide = new Set();
            for (const e of document.querySelectorAll('body *')) {
              const r = e.getBoundingClientRect();
              if (r.width && (r.right > w + 1 || r.left < -1)) wide.add(`${e.parentElement.tagName}.${e.parentElement.className} > ${e.tagName}`);
            }
            return { scroll: document.documentElement.scrollWidth, wide: [...wide] };
          }, width);
          assert(out.scroll <= width + 1 && out.wide.length === 0,
            `at ${width}px the page is ${out.scroll}px wide; past the edge: ${out.wide.join(', ')}`);
        }
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
        for (const u of unroutes) await u();
      }
    });

    await test('a denial the check found is shown, also in a voice the model called unrelated', async () => {
      const body1 = 'أكد شهود أن حافلات عبرت المعبر صباح الجمعة. ونفى متحدث باسم اللواء أن يكون أي أسير قد أفرج عنه.';
      const body2 = 'يتوقع المزارعون موسما جيدا للقمح هذا العام. ونفى مسؤول محلي أنباء الإفراج عن الأسرى.';
      const deny1 = 'ونفى متحدث باسم اللواء أن يكون أي أسير قد أفرج عنه.';
      const deny2 = 'ونفى مسؤول محلي أنباء الإفراج عن الأسرى.';
      const bodies = { 90002: body1, 90003: body2, 90004: 'خبر عن الطقس في الساحل.' };
      const rep = fakeReport('أفرج اللواء عن الأسرى', 'refuted', [
        { voice: 1, stance: 'disagree', weight: 0.9, sources: ['wadi-media.example'], members: [
          fakeMember(90002, 'بيان اللواء', 'wadi-media.example', 'disagree',
            [evidenceOf(body1, 'أكد شهود أن حافلات عبرت المعبر صباح الجمعة.', 'overlap')],
            evidenceOf(body1, deny1, 'denial'))] },
        { voice: 2, stance: 'unrelated', weight: 0.2, sources: ['hasad.example'], members: [
          fakeMember(90003, 'موسم القمح', 'hasad.example', 'unrelated',
            [evidenceOf(body2, 'يتوقع المزارعون موسما جيدا للقمح هذا العام.', 'overlap')],
            evidenceOf(body2, deny2, 'denial'))] },
        { voice: 3, stance: 'unrelated', weight: 0.1, sources: ['taqs.example'], members: [
          fakeMember(90004, 'خبر لا صلة له', 'taqs.example', 'unrelated',
            [evidenceOf(bodies[90004], bodies[90004], 'overlap')])] },
      ], `مصدر واحد يناقض الادعاء (wadi-media.example). ورد في hasad.example نفيٌ للادعاء عدّه نموذج الموقف غير ذي صلة: «${deny2.slice(0, -1)}».`);
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/9000\d$/, (route) => {
          const id = Number(route.request().url().split('/').pop());
          return route.fulfill({ json: { id, body: bodies[id] } });
        })];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        await waitForContext(page);
        const marks = await page.$$eval('#voices .evidence', (bs) => bs.map((b) => [
          b.querySelector('.cue').textContent, b.querySelector('mark').textContent]));
        for (const d of [deny1, deny2])
          assert(marks.some(([cue, text]) => cue === 'نفي' && text === d), `denial not shown: ${d}`);
        const text = await page.textContent('#voices');
        assert(text.includes('موسم القمح'), 'the unrelated voice that carries a denial is left out');
        assert(!text.includes('خبر لا صلة له'), 'an unrelated voice without a denial is shown');
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('a voice too weakly related to count in the verdict says so, and bears no stance colour', async () => {
      // As the check weighs it (a voice under weight 0.4 is not counted) and
      // `mizan check` prints it: "weakly related: weight 0.22, not counted".
      const body1 = 'اعتقلت الشرطة 30 صحفيا صباح الثلاثاء خلال احتجاج سلمي أمام مبنى بلدية تل الريحان.';
      const body2 = 'تتوقع الأرصاد تساقط الثلوج على تل الريحان نهاية الأسبوع.';
      const bodies = { 90201: body1, 90202: body2 };
      const rep = fakeReport('اعتقلت الشرطة 30 صحفيا في تل الريحان', 'supported', [
        { voice: 1, stance: 'agree', weight: 0.9, counted: true, sources: ['wakalat-alnahr.example'], members: [
          fakeMember(90201, 'الشرطة تعتقل 30 صحفيا', 'wakalat-alnahr.example', 'agree',
            [evidenceOf(body1, body1, 'assertion')])] },
        { voice: 2, stance: 'agree', weight: 0.22, counted: false, sources: ['taqs-alrayhan.example'], members: [
          fakeMember(90202, 'ثلوج على تل الريحان', 'taqs-alrayhan.example', 'agree',
            [evidenceOf(body2, body2, 'overlap')])] },
      ], 'مصدر مستقل واحد يؤيد الادعاء (wakalat-alnahr.example).');
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/9020\d$/, (route) => {
          const id = Number(route.request().url().split('/').pop());
          return route.fulfill({ json: { id, body: bodies[id] } });
        })];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const voices = await page.$$eval('#voices > li.voice', (lis) => lis.map((li) => ({
          head: li.querySelector('.voice-head').textContent,
          edge: getComputedStyle(li).borderInlineStartColor,
        })));
        assert(voices.length === 2, `${voices.length} voices shown`);
        assert(!/لا يُحسب/.test(voices[0].head), `a counted voice is called not counted: "${voices[0].head}"`);
        assert(/لا يُحسب في الحكم/.test(voices[1].head),
          `the voice of weight 0.22 is shown as a supporting voice like the others: "${voices[1].head}"`);
        assert(voices[0].edge === 'rgb(29, 122, 70)', `counted voice's edge: ${voices[0].edge}`);
        assert(voices[1].edge !== voices[0].edge, 'the uncounted voice has the supporting colour on its edge');
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('a voice weighed as unrelated for a denial of another matter says so, and is shown', async () => {
      // `voices[].other_matter`: the ministry's denial of a vaccine rumour, for
      // a claim of doses, read disagree by the model; `mizan check` prints
      // "read disagree, but it denies another matter: weighed as unrelated".
      // The page showed no such voice (unrelated, and its article gave no
      // members[].denial), or one with a denial unmarked.
      const body1 = 'أعلنت وزارة الصحة وصول مليون جرعة من لقاح الكوليرا إلى محافظة الزيتونة.';
      const body2 = 'نفت وزارة الصحة ما تداولته مواقع التواصل عن وفاة أطفال بعد التطعيم ضد الكوليرا في محافظة الزيتونة.';
      const bodies = { 90211: body1, 90212: body2 };
      const rep = fakeReport('وصلت مليون جرعة من لقاح الكوليرا إلى محافظة الزيتونة', 'supported', [
        { voice: 1, stance: 'agree', weight: 0.9, counted: true, sources: ['al-marsad.example'], members: [
          fakeMember(90211, 'وصول مليون جرعة', 'al-marsad.example', 'agree',
            [evidenceOf(body1, body1, 'assertion')])] },
        { voice: 2, stance: 'unrelated', weight: 0.01, counted: false, other_matter: true,
          sources: ['raqib.example'], members: [
            fakeMember(90212, 'الصحة تنفي وفاة أطفال', 'raqib.example', 'disagree',
              [evidenceOf(body2, body2, 'denial')])] },
      ], 'مصدر مستقل واحد يؤيد الادعاء (al-marsad.example).');
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/9021\d$/, (route) => {
          const id = Number(route.request().url().split('/').pop());
          return route.fulfill({ json: { id, body: bodies[id] } });
        })];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const heads = await page.$$eval('#voices > li.voice', (lis) =>
          lis.map((li) => li.querySelector('.voice-head').textContent));
        assert(heads.length === 2, `${heads.length} voices shown: the other matter's voice is left out`);
        assert(/ينفي أمرًا آخر: وُزن غير ذي صلة/.test(heads[1]), `the voice is not marked: "${heads[1]}"`);
        assert(!/صلته ضعيفة/.test(heads[1]), `said weakly related as well: "${heads[1]}"`);
        assert(!/أمرًا آخر/.test(heads[0]), `the agreeing voice is marked: "${heads[0]}"`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('a voice read agree that tells only the story\'s topic says so, and is shown', async () => {
      // `voices[].topic_only`: an outbreak report read agree, for a claim of
      // children's deaths after the vaccine that the ministry denies; `mizan
      // check` prints "read agree, but it tells only the story's topic:
      // weighed as unrelated". The page left such a voice out (unrelated).
      const body1 = 'نفت وزارة الصحة ما تداولته مواقع التواصل عن وفاة أطفال بعد التطعيم ضد الكوليرا في محافظة الزيتونة.';
      const body2 = 'وقالت الوزارة إن نسبة التطعيم في المحافظة بلغت 35%.';
      const bodies = { 90231: body1, 90232: body2 };
      const rep = fakeReport('وفاة أطفال بعد التطعيم ضد الكوليرا في محافظة الزيتونة', 'refuted', [
        { voice: 1, stance: 'disagree', weight: 0.99, counted: true, sources: ['sahel-news.example'], members: [
          fakeMember(90231, 'الصحة تنفي وفاة أطفال', 'sahel-news.example', 'disagree',
            [evidenceOf(body1, body1, 'denial')])] },
        { voice: 2, stance: 'unrelated', weight: 0.29, counted: false, topic_only: true,
          sources: ['al-marsad.example'], members: [
            fakeMember(90232, 'وصول مليون جرعة', 'al-marsad.example', 'agree',
              [evidenceOf(body2, body2, 'overlap')])] },
      ], 'مصدر واحد (sahel-news.example) ينقل نفيًا.');
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/9023\d$/, (route) => {
          const id = Number(route.request().url().split('/').pop());
          return route.fulfill({ json: { id, body: bodies[id] } });
        })];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const heads = await page.$$eval('#voices > li.voice', (lis) =>
          lis.map((li) => li.querySelector('.voice-head').textContent));
        assert(heads.length === 2, `${heads.length} voices shown: the topic's voice is left out`);
        assert(/لا ينقل إلا موضوع القصة: وُزن غير ذي صلة/.test(heads[1]), `the voice is not marked: "${heads[1]}"`);
        assert(!/صلته ضعيفة/.test(heads[1]), `said weakly related as well: "${heads[1]}"`);
        assert(!/موضوع القصة/.test(heads[0]), `the denying voice is marked: "${heads[0]}"`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('an overtaken denial and a correction of the claim\'s figure mark their voices', async () => {
      // `voices[].overtaken_by` (denied, then confirmed: shown, not weighed) and
      // `voices[].corrects_claim` (weighed as disagreeing): `mizan check` marks
      // both voices; the page showed neither.
      const body1 = 'قبل رئيس الحكومة استقالة وزير الصحة سمير حداد من منصبه.';
      const body2 = 'نفت وزارة الصحة صحة الأنباء عن استقالة وزير الصحة سمير حداد من منصبه.';
      const body3 = 'ورد في نسخة سابقة أن عدد المستقيلين 3، والصحيح وزير واحد.';
      // `voices[].other_figure`: read agree, but tells the event with another
      // figure than the claim's, none giving it (weighed as disagreeing)
      const body4 = 'قضت المحكمة بسجن الوزير السابق 5 سنوات.';
      // `moved_day_weighed` / `other_day_weighed`: read agree, but tells the
      // event moved off the claim's day, or gives it another day
      const body5 = 'أعلنت الوزارة تأجيل إعلان النتائج إلى الأحد 5 تموز.';
      const body6 = 'تعلن النتائج يوم الاثنين 6 تموز.';
      // `plan_before_move`: the claim's day, given before the move was reported
      const body7 = 'قال الوزير إن النتائج تعلن يوم السبت 4 تموز.';
      // `other_winner`: names another winner of the claim's match or title
      const body8 = 'أحرز نادي الميناء كأس الساحل بعد فوزه على نادي الجبل.';
      const bodies = { 90221: body1, 90222: body2, 90223: body3, 90224: body4, 90225: body5, 90226: body6,
        90227: body7, 90228: body8 };
      const rep = fakeReport('استقال وزير الصحة سمير حداد من منصبه', 'supported', [
        { voice: 1, stance: 'agree', weight: 0.9, counted: true, sources: ['wire.example'], members: [
          fakeMember(90221, 'قبول الاستقالة', 'wire.example', 'agree', [evidenceOf(body1, body1, 'assertion')])] },
        { voice: 2, stance: 'disagree', weight: 0.9, counted: true, sources: ['nabd.example'],
          overtaken_by: { article_id: 90221, sentence: { text: body1, start: 0, end: body1.length } },
          members: [fakeMember(90222, 'الصحة تنفي', 'nabd.example', 'disagree', [evidenceOf(body2, body2, 'denial')])] },
        { voice: 3, stance: 'disagree', weight: 0.8, counted: true, corrects_claim: true, sources: ['fix.example'],
          members: [fakeMember(90223, 'تصحيح', 'fix.example', 'agree', [evidenceOf(body3, body3, 'overlap')])] },
        { voice: 4, stance: 'disagree', weight: 0.8, counted: true, other_figure: true, sources: ['court.example'],
          members: [fakeMember(90224, 'الحكم', 'court.example', 'agree', [evidenceOf(body4, body4, 'overlap')])] },
        { voice: 5, stance: 'disagree', weight: 0.8, counted: true, moved_day: true, moved_day_weighed: true,
          sources: ['moved.example'],
          members: [fakeMember(90225, 'تأجيل', 'moved.example', 'agree', [evidenceOf(body5, body5, 'overlap')])] },
        { voice: 6, stance: 'disagree', weight: 0.8, counted: true, other_day: true, other_day_weighed: true,
          sources: ['day.example'],
          members: [fakeMember(90226, 'الموعد', 'day.example', 'agree', [evidenceOf(body6, body6, 'overlap')])] },
        { voice: 7, stance: 'agree', weight: 0.8, counted: true, plan_before_move: { move_article_id: 90225 },
          sources: ['plan.example'],
          members: [fakeMember(90227, 'الموعد المقرر', 'plan.example', 'agree', [evidenceOf(body7, body7, 'overlap')])] },
        { voice: 8, stance: 'disagree', weight: 0.8, counted: true, other_winner: true, sources: ['cup.example'],
          members: [fakeMember(90228, 'النهائي', 'cup.example', 'agree', [evidenceOf(body8, body8, 'overlap')])] },
      ], 'مصدر مستقل واحد يؤيد الادعاء (wire.example).');
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/9022\d$/, (route) => {
          const id = Number(route.request().url().split('/').pop());
          return route.fulfill({ json: { id, body: bodies[id] } });
        })];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const heads = await page.$$eval('#voices > li.voice', (lis) =>
          lis.map((li) => li.querySelector('.voice-head').textContent));
        assert(heads.length === 8, `${heads.length} voices shown`);
        assert(!/تقارير لاحقة|يصحح رقم|برقم غير/.test(heads[0]), `the agreeing voice is marked: "${heads[0]}"`);
        assert(/تذكره تقارير لاحقة على أنه سابق: لا يُوزن/.test(heads[1]), `overtaken not marked: "${heads[1]}"`);
        assert(/يصحح رقم الادعاء: وُزن نافيًا له/.test(heads[2]), `correction not marked: "${heads[2]}"`);
        assert(/ينقل الحدث برقم غير رقم الادعاء: وُزن نافيًا له/.test(heads[3]), `other figure not marked: "${heads[3]}"`);
        assert(/ينقل تأجيل الحدث عن يوم الادعاء: وُزن نافيًا له/.test(heads[4]), `moved day not marked: "${heads[4]}"`);
        assert(/يذكر للحدث يومًا غير يوم الادعاء: وُزن نافيًا له/.test(heads[5]), `other day not marked: "${heads[5]}"`);
        assert(/الموعد المقرر، لا يُوزن/.test(heads[6]), `plan before the move not marked: "${heads[6]}"`);
        assert(/يسمّي فائزًا غير فائز الادعاء: وُزن نافيًا له/.test(heads[7]), `other winner not marked: "${heads[7]}"`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('the context around evidence is cut between words, not inside one', async () => {
      // 40 words before and after the sentence: the 220 code points of context on
      // each side end inside a word unless the cut moves to a space.
      const before = Array.from({ length: 40 }, (_, i) => `كلمةطويلة${i}`).join(' ');
      const after = Array.from({ length: 40 }, (_, i) => `عبارةممتدة${i}`).join(' ');
      const sent = 'وأكد مسؤول محلي وصول قافلة المساعدات إلى البلدة صباح الجمعة.';
      const body = `${before}. ${sent} ${after}.`;
      const rep = fakeReport('وصلت قافلة المساعدات إلى البلدة', 'supported', [
        { voice: 1, stance: 'agree', weight: 0.9, sources: ['qafila.example'], members: [
          fakeMember(90006, 'القافلة تصل', 'qafila.example', 'agree', [evidenceOf(body, sent, 'assertion')])] },
      ]);
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90006$/, (route) => route.fulfill({ json: { id: 90006, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        await waitForContext(page);
        const ctx = await page.textContent('#voices .evidence .context');
        assert(ctx.startsWith('… ') && ctx.endsWith(' …'), `context not cut: ${ctx.slice(0, 40)}`);
        const words = new Set(body.split(/[\s.]+/));
        const first = ctx.slice(2).split(/\s+/)[0], last = ctx.slice(0, -2).trim().split(/\s+/).pop();
        assert(words.has(first), `context opens inside a word: "${first}"`);
        assert(words.has(last), `context ends inside a word: "${last}"`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('an article with no address names the file it came from, as its receipt', async () => {
      const body = 'نفت قوات سوريا الديمقراطية التوصل إلى اتفاق مع التنظيم.';
      const noUrl = Object.assign(fakeMember(90007, 'قسد تنفي', null, 'disagree',
        [evidenceOf(body, body, 'denial')]), { url: null, origin: 'seeds/001_denial.txt' });
      const withUrl = Object.assign(fakeMember(90008, 'خبر بعنوان', 'news.example', 'disagree',
        [evidenceOf(body, body, 'denial')]), { origin: 'feed.jsonl:3' });
      // added through the API or read from stdin: no file to name ("الملف: api" before)
      const fromApi = Object.assign(fakeMember(90009, 'خبر من الواجهة', null, 'disagree',
        [evidenceOf(body, body, 'denial')]), { url: null, origin: 'api' });
      const fromStdin = Object.assign(fakeMember(90010, 'خبر من الأنبوب', null, 'disagree',
        [evidenceOf(body, body, 'denial')]), { url: null, origin: 'stdin:2' });
      const rep = fakeReport('قسد تتفاوض مع التنظيم', 'refuted', [
        { voice: 1, stance: 'disagree', weight: 0.9, sources: [], members: [noUrl] },
        { voice: 2, stance: 'disagree', weight: 0.9, sources: ['news.example'], members: [withUrl] },
        { voice: 3, stance: 'disagree', weight: 0.9, sources: [], members: [fromApi] },
        { voice: 4, stance: 'disagree', weight: 0.9, sources: [], members: [fromStdin] }]);
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/900(0[789]|10)$/, (route) => route.fulfill({
          json: { id: Number(route.request().url().split('/').pop()), body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        const metas = await page.$$eval('#voices .member .meta', (ps) => ps.map((p) => p.textContent));
        assert(metas.length === 4, `members: ${metas.length}`);
        assert(metas[0].includes('الملف: seeds/001_denial.txt'), `no file named: ${metas[0]}`);
        assert(!metas[1].includes('feed.jsonl'), `a file named beside an address: ${metas[1]}`);
        assert(!metas[2].includes('الملف'), `the API named as a file: ${metas[2]}`);
        assert(!metas[3].includes('الملف'), `stdin named as a file: ${metas[3]}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('each article shows its first two evidence sentences, as the CLI does', async () => {
      const body = 'قال شهود إن القافلة دخلت البلدة فجرا. وأكد مسؤول محلي وصول المساعدات. وتحدثت تقارير عن توزيعها.';
      const sents = ['قال شهود إن القافلة دخلت البلدة فجرا.', 'وأكد مسؤول محلي وصول المساعدات.', 'وتحدثت تقارير عن توزيعها.'];
      const rep = fakeReport('وصلت قافلة المساعدات إلى البلدة', 'supported', [
        { voice: 1, stance: 'agree', weight: 0.9, sources: ['qafila.example'], members: [
          fakeMember(90005, 'القافلة تصل', 'qafila.example', 'agree',
            [evidenceOf(body, sents[1], 'assertion'), evidenceOf(body, sents[0], 'overlap'),
              evidenceOf(body, sents[2], 'attribution')])] },
      ]);
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, /\/api\/articles\/90005$/, (route) => route.fulfill({ json: { id: 90005, body } }))];
      try {
        await page.fill('#claim', rep.claim);
        await page.click('#check-btn');
        await waitForReport(page, rep.claim);
        await waitForContext(page);
        const shown = await page.$$eval('#voices .evidence', (bs) => bs.map((b) => [
          b.querySelector('.cue').textContent, b.querySelector('mark').textContent]));
        assert(JSON.stringify(shown) === JSON.stringify([['تأكيد', sents[1]], ['تطابق لفظي', sents[0]]]),
          `evidence shown: ${JSON.stringify(shown)}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('add an article through the form; hostile text stays text', async () => {
      await page.click('#add-details > summary');
      const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
      await page.fill('#a-title', `عنوان ${hostile}`);
      await page.fill('#a-text', `خبر عن افتتاح جسر جديد فوق نهر الفرات في مدينة الرقة. ${hostile}`);
      await page.fill('#a-source', 'test-source');
      await page.click('#add-btn');
      await page.waitForFunction(() => document.querySelector('#add-status').textContent);
      const status = await page.textContent('#add-status');
      assert(/أُضيف المقال رقم/.test(status), `status: ${status}`);
      // Adding it again is refused as a duplicate, with a clear message.
      await page.fill('#a-text', `خبر عن افتتاح جسر جديد فوق نهر الفرات في مدينة الرقة. ${hostile}`);
      await page.click('#add-btn');
      await page.waitForFunction(() => /موجود من قبل/.test(document.querySelector('#add-status').textContent));
      // Search finds it; the markup is shown as text, never run.
      await page.fill('#q', 'جسر الفرات');
      await page.click('#search-form button');
      await page.waitForFunction(() => /جسر/.test(document.querySelector('#hits').textContent));
      const title = await page.textContent('#hits li h3');
      assert(title.includes('<img'), `title not shown as text: ${title}`);
      // Headings go down one level at a time (h2 → h3 → h4), so a screen reader's
      // list of headings keeps its outline: the hits' titles sit under the search's h2.
      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.filter((h) => h.checkVisibility())
        .map((h) => [Number(h.tagName[1]), h.textContent.trim().slice(0, 30)]));
      for (let i = 1; i < levels.length; i++)
        assert(levels[i][0] <= levels[i - 1][0] + 1, `h${levels[i][0]} "${levels[i][1]}" follows h${levels[i - 1][0]} "${levels[i - 1][1]}"`);
      assert(await page.evaluate(() => window.__xss === undefined), 'injected markup ran');
      assert(await page.$('#hits img') === null, 'an <img> element was created from article text');
    });

    await test('a pasted page source is stored as its story, not its markup', async () => {
      await page.fill('#a-title', '');
      await page.fill('#a-source', '');
      await page.fill('#a-text', '<!DOCTYPE html><html><head><title>افتتاح سوق الهال في حماة</title>' +
        '</head><body><nav>الرئيسية | رياضة</nav><article><p>افتتحت محافظة حماة سوق الهال الجديد ' +
        'بعد ترميمه.</p></article><footer>جميع الحقوق محفوظة</footer></body></html>');
      await page.click('#add-btn');
      await page.waitForFunction(() => /أُضيف المقال رقم/.test(document.querySelector('#add-status').textContent));
      const status = await page.textContent('#add-status');
      const id = status.match(/[0-9٠-٩]+/)[0].replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d));
      const a = await (await fetch(`${base}/api/articles/${id}`)).json();
      assert(a.title === 'افتتاح سوق الهال في حماة', `title: ${a.title}`);
      assert(a.body === 'افتتحت محافظة حماة سوق الهال الجديد بعد ترميمه.', `body: ${a.body}`);
    });

    await test('adding an article: the button is disabled while it is sent', async () => {
      let release;
      const go = new Promise((r) => { release = r; });
      const posted = page.waitForRequest((r) => r.url().endsWith('/api/articles') && r.method() === 'POST');
      const unroute = await routeFor(page, '**/api/articles', async (route) => {
        await go;
        await route.fulfill({ status: 201, json: { id: 4242 } });
      });
      try {
        await page.fill('#a-text', 'خبر عن إعادة فتح المدرسة الابتدائية في حي البساتين.');
        await page.click('#add-btn');
        await posted;
        assert(await page.isDisabled('#add-btn'), 'the add button can be clicked again while the article is sent');
        const meanwhile = await page.textContent('#add-status');
        assert(meanwhile === '', `the last article's message stays while this one is sent: "${meanwhile}"`);
        release();
        await page.waitForFunction(() => !document.querySelector('#add-btn').disabled);
        assert(/أُضيف المقال رقم/.test(await page.textContent('#add-status')), 'no success message');
      } finally {
        release();
        await unroute();
      }
    });

    await test('search: an article\'s own brackets are not shown as matches', async () => {
      await page.fill('#a-title', '');
      await page.fill('#a-source', '');
      await page.fill('#a-text', '[تحديث] وصلت قافلة إغاثة إلى مخيم الهول [2] صباح اليوم بعد انتظار طويل.');
      const added = page.waitForResponse((r) => r.url().endsWith('/api/articles') && r.request().method() === 'POST');
      await page.click('#add-btn');
      assert((await added).status() === 201, 'the article was not added');
      await page.fill('#q', 'قافلة الهول');
      await page.click('#search-form button');
      await page.waitForFunction(() => /تحديث/.test(document.querySelector('#hits').textContent));
      const shown = await page.evaluate(() => ({
        marks: Array.from(document.querySelectorAll('#hits li:first-child mark'), (m) => m.textContent),
        text: document.querySelector('#hits li:first-child .snippet').textContent,
      }));
      assert(JSON.stringify(shown.marks) === JSON.stringify(['قافلة', 'الهول']), `marked: ${shown.marks}`);
      // A screen reader hears how many hits came, not all ten titles and snippets.
      const live = await page.$$eval('#hits, #hits *', (ns) => ns.filter((n) => n.getAttribute('aria-live')).length);
      assert(live === 0, 'the list of hits is a live region: it would be read out whole');
      const hits = await page.$$eval('#hits > li', (l) => l.length);
      const said = await page.$eval('#search-status', (n) => [n.getAttribute('role'), n.textContent]);
      assert(said[0] === 'status' && said[1].includes(new Intl.NumberFormat('ar').format(hits)),
        `search status: ${said} (${hits} hits)`);
      assert(shown.text.includes('[تحديث]') && shown.text.includes('[2]'), `snippet: ${shown.text}`);
    });

    await test('search: an older query\'s late hits do not replace the newer ones; a failed search clears them', async () => {
      const hit = (title) => ({ hits: [{ id: 1, score: 1, title, source: 'x.example', url: null, snippet: `[${title}]` }] });
      let held, release;
      const aHeld = new Promise((r) => { held = r; });
      const aGo = new Promise((r) => { release = r; });
      const isA = (r) => r.url().includes('/api/search') && r.url().includes(encodeURIComponent('الرقة'));
      const aOutcome = new Promise((resolve) => {
        page.on('requestfinished', (r) => { if (isA(r)) resolve('answered'); });
        page.on('requestfailed', (r) => { if (isA(r)) resolve('aborted'); });
      });
      const unroute = await routeFor(page, '**/api/search?*', async (route) => {
        const q = new URL(route.request().url()).searchParams.get('q');
        if (q === 'الرقة') { held(); await aGo; }
        if (q === 'عطل') return route.fulfill({ status: 503, json: { error: 'database is locked' } });
        return route.fulfill({ json: hit(`نتيجة ${q}`) });
      });
      try {
        await page.fill('#q', 'الرقة');
        await page.click('#search-form button');
        await aHeld;
        await page.fill('#q', 'منبج');
        await page.click('#search-form button');
        await page.waitForFunction(() => /نتيجة منبج/.test(document.querySelector('#hits').textContent));
        release();
        assert(await aOutcome === 'aborted', 'the older search was not aborted');
        assert(/نتيجة منبج/.test(await page.textContent('#hits')), 'the older query\'s hits replaced the newer');
        await page.fill('#q', 'عطل');
        await page.click('#search-form button');
        await page.waitForSelector('#search-error:not([hidden])');
        assert(await page.$('#hits li') === null, 'hits of the previous query still shown under the error');
      } finally {
        release();
        await unroute();
      }
    });

    await test('a check has its own address (?claim=): it can be shared, and Back returns to the claim before', async () => {
      const A = 'أعيد فتح معبر نصيب الحدودي';
      const B = 'Reuters: أغلق معبر نصيب مجددا';
      const C = 'ارتفع سعر الخبز في حلب';
      let sentFor = [];
      const unroute = await routeFor(page, '**/api/check', (route) => {
        const claim = JSON.parse(route.request().postData()).claim;
        sentFor.push(claim);
        // B's report says so: Back must not show A's card under B's address.
        return route.fulfill({ json: fakeReport(claim, claim === B ? 'refuted' : 'supported', []) });
      });
      const claimInUrl = () => page.evaluate(() => new URLSearchParams(location.search).get('claim'));
      try {
        await page.goto(`${base}/`);
        for (const c of [A, B]) {
          await page.fill('#claim', c);
          await page.click('#check-btn');
          await waitForReport(page, c);
          assert(await claimInUrl() === c, `address after checking "${c}": ${page.url()}`);
          assert((await page.title()).includes(c), `title: ${await page.title()}`);
        }
        // Back and Forward show the reports the page holds, as they were: no new check.
        sentFor = [];
        await page.goBack();
        await waitForReport(page, A);
        assert(await page.inputValue('#claim') === A, 'Back: the claim box does not hold the claim before');
        assert(await page.getAttribute('#verdict', 'data-verdict') === 'supported', 'Back: not A\'s verdict');
        assert((await page.textContent('#check-status')).includes('مدعوم'), 'Back: the verdict is not announced');
        await page.goBack();
        await page.waitForFunction(() => document.querySelector('#result').hidden);
        assert(await page.inputValue('#claim') === '', 'Back to the bare page: the claim box is not empty');
        assert(await page.textContent('#check-status') === '', 'Back to the bare page: a verdict is still announced');
        await page.goForward();
        await waitForReport(page, A);
        await page.goForward();
        await waitForReport(page, B);
        assert(await page.getAttribute('#verdict', 'data-verdict') === 'refuted', 'Forward: not B\'s verdict');
        await page.waitForTimeout(100);
        assert(sentFor.length === 0, `Back/Forward checked again: ${sentFor.join(', ')}`);
        // Checking a claim again from the form asks the server anew.
        await page.click('#check-btn');
        await page.waitForFunction(() => !document.querySelector('#check-btn').disabled);
        assert(sentFor.length === 1 && sentFor[0] === B, `submit: ${sentFor.join(', ')}`);
        // A link someone was sent: the page opens on that claim's report, with k.
        const sent = page.waitForRequest((r) => r.url().endsWith('/api/check'));
        await page.goto(`${base}/?claim=${encodeURIComponent(C)}&k=7`);
        await waitForReport(page, C);
        const req = await sent;
        assert(JSON.parse(req.postData()).k === 7, `k sent: ${req.postData()}`);
        assert(await page.inputValue('#claim') === C && await page.inputValue('#k') === '7', 'the form does not show the link\'s claim and k');
        assert(await claimInUrl() === C, `address: ${page.url()}`);
      } finally {
        await unroute();
      }
    });

    await test('screen reader names: the confidence meter is named, the add form\'s +/− sign is not read, a link says it opens a tab', async () => {
      await page.waitForSelector('#result:not([hidden])');
      const meter = await page.locator('#verdict meter').ariaSnapshot();
      assert(/meter "درجة الثقة"/.test(meter), `meter: ${meter}`);
      const summary = await page.locator('#add-details > summary').ariaSnapshot();
      assert(!/[+−]/.test(summary), `the summary reads its sign: ${summary}`);
      // An article's link opens a new tab, and its name says so.
      const claim = 'افتتاح مستشفى جديد في إدلب';
      const body = 'افتتح مستشفى جديد في إدلب اليوم.';
      const rep = fakeReport(claim, 'supported', [{ voice: 1, stance: 'agree', weight: 1,
        sources: ['idlib.example'], members: [fakeMember(90300, 'مستشفى في إدلب', 'idlib.example', 'agree',
          [evidenceOf(body, body, 'overlap')])] }]);
      const unroutes = [await routeFor(page, '**/api/check', (route) => route.fulfill({ json: rep })),
        await routeFor(page, '**/api/articles/90300', (route) => route.fulfill({ json: { id: 90300, body } }))];
      try {
        await page.fill('#claim', claim);
        await page.click('#check-btn');
        await waitForReport(page, claim);
        await waitForContext(page);
        const link = await page.locator('#voices .member h4 a[target="_blank"]').first().ariaSnapshot();
        assert(/link "مستشفى في إدلب \(يُفتح في لسان جديد\)"/.test(link), `link: ${link}`);
      } finally {
        for (const u of unroutes) await u();
      }
    });

    await test('every status and alert region is in the accessibility tree before its message', async () => {
      // A screen reader hears text put into a live region it already knows; a
      // region that is hidden until its message (display: none) is, in most, not
      // read. role=alert regions are read when shown, so they may be hidden.
      await page.goto(`${base}/`);
      await page.click('#add-details > summary'); // its status is in the form's disclosure
      const cdp = await page.context().newCDPSession(page);
      try {
        const { root } = await cdp.send('DOM.getDocument');
        const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[role=status]' });
        assert(nodeIds.length >= 3, `${nodeIds.length} status regions`);
        for (const nodeId of nodeIds) {
          const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
          const { node } = await cdp.send('DOM.describeNode', { nodeId });
          const id = node.attributes[node.attributes.indexOf('id') + 1];
          assert(!nodes[0].ignored && nodes[0].role.value === 'status',
            `#${id} is not a status region in the tree: ${JSON.stringify(nodes[0].ignoredReasons || nodes[0].role)}`);
        }
        const box = await page.$eval('#add-status', (n) => n.getBoundingClientRect().height);
        assert(box === 0, `the empty add status takes ${box}px`);
      } finally {
        await cdp.detach();
      }
    });

    // The stored-articles panel and search pages (they add articles: last).
    await require('./list_test.js')({ page, base, shotDir, test, assert, routeFor, lowContrast });

    await test('no script errors on the page', async () => {
      assert(pageErrors.length === 0, pageErrors.join('\n'));
    });
  } finally {
    if (ctx) await ctx.close();
    const code = await stopServer(proc);
    if (code !== 0) { failed++; console.log(`FAIL server exit code after SIGTERM: ${code}`); }
    else { passed++; console.log('ok   server stops cleanly on SIGTERM (exit 0)'); }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { failed++; console.log(`FAIL ${e && e.stack ? e.stack : e}`); }).finally(() => {
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
});
