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
    // The duplicate test provokes a 409 on purpose; anything else is a fault.
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 409/.test(m.text())) pageErrors.push(m.text());
    });

    await test('page loads: Arabic, right-to-left, served with a CSP', async () => {
      const res = await page.goto(`${base}/`);
      assert(res.status() === 200, `GET / → ${res.status()}`);
      assert((res.headers()['content-security-policy'] || '').includes("default-src 'self'"), 'no CSP');
      assert(await page.getAttribute('html', 'dir') === 'rtl', 'html dir is not rtl');
      assert(await page.getAttribute('html', 'lang') === 'ar', 'html lang is not ar');
      await page.waitForFunction(() => /مقال/.test(document.querySelector('#health').textContent));
    });

    await test('empty claim shows an error, no request', async () => {
      await page.click('#check-btn');
      assert(await page.isVisible('#check-error'), 'no error shown for an empty claim');
      assert(await page.isHidden('#result'), 'result shown without a claim');
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
      for (const v of report.voices || []) for (const m of v.members || [])
        for (const e of m.evidence || []) sentences.add(e.text);
      for (const m of marks) assert(sentences.has(m.text), `mark "${m.text.slice(0, 40)}…" is not an evidence sentence`);
      // Stance badges carry words, not colour alone.
      const badges = await page.$$eval('#voices .badge', (bs) => bs.map((b) => b.textContent.trim()));
      assert(badges.length > 0 && badges.every((b) => b.length > 1), 'stance badges without text');
      await page.screenshot({ path: path.join(shotDir, 'check-desktop.png'), fullPage: true });
    });

    await test('number conflicts are flagged when the report has them', async () => {
      const conflicts = (report && report.numbers || []).filter((q) => q.conflict);
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

    await test('add an article through the form; hostile text stays text', async () => {
      await page.click('#add-details > summary');
      const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
      await page.fill('#a-title', `عنوان ${hostile}`);
      await page.fill('#a-text', `خبر عن افتتاح جسر جديد فوق نهر الفرات في مدينة الرقة. ${hostile}`);
      await page.fill('#a-source', 'test-source');
      await page.click('#add-btn');
      await page.waitForSelector('#add-status:not([hidden])');
      const status = await page.textContent('#add-status');
      assert(/أُضيف المقال رقم/.test(status), `status: ${status}`);
      // Adding it again is refused as a duplicate, with a clear message.
      await page.fill('#a-text', `خبر عن افتتاح جسر جديد فوق نهر الفرات في مدينة الرقة. ${hostile}`);
      await page.click('#add-btn');
      await page.waitForFunction(() => /موجود من قبل/.test(document.querySelector('#add-status').textContent));
      // Search finds it; the markup is shown as text, never run.
      await page.fill('#q', 'جسر الفرات');
      await page.click('#search-form button');
      await page.waitForSelector('#hits li h4');
      const title = await page.textContent('#hits li h4');
      assert(title.includes('<img'), `title not shown as text: ${title}`);
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
