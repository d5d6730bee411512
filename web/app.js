// ميزان — the page: claim check, voices with evidence highlighted in context,
// search, adding an article; the stored-articles panel is list.js, the places line places.js. Untrusted
// text only ever goes into text nodes (textContent / createTextNode), never
// innerHTML.
'use strict';

const VERDICTS = {
  supported: { label: 'مدعوم', icon: '✓' },
  refuted: { label: 'مدحوض', icon: '✗' },
  disputed: { label: 'متنازع عليه', icon: '⇄' },
  not_enough_evidence: { label: 'أدلة غير كافية', icon: '?' },
};
const STANCES = {
  agree: { label: 'يؤيد', icon: '✓' },
  disagree: { label: 'ينفي', icon: '✗' },
  discuss: { label: 'يناقش', icon: '…' },
  unrelated: { label: 'غير ذي صلة', icon: '–' },
};
const CUES = {
  denial: 'نفي', attribution: 'إسناد', hedging: 'تحفّظ', number_match: 'رقم مطابق',
  number_mismatch: 'رقم مخالف', assertion: 'تأكيد', overlap: 'تطابق لفظي',
  conflict: 'روايات متعارضة', as_usual: 'سير الأمور كالمعتاد',
};
const CONTEXT_CHARS = 220; // code points of context shown around an evidence sentence
const EVIDENCE_SHOWN = 2; // evidence sentences shown per article, as `mizan check` prints
// The server's limits (src/server/http.h): checked here so that a claim too
// long is refused with its length, not cut silently as maxlength would.
const MAX_CLAIM_CHARS = 2000; // code points, as the server counts them
const K_MAX = 200;
// A check whose reply has not come by then (a proxy or a stuck connection
// holding it) is given up, so the button does not stay busy for ever.
const CHECK_TIMEOUT_MS = 120000;
// A search is one index lookup, an added article one insert: a reply that
// has not come in 30 s is not coming (a hung proxy, a lost connection).
const SEARCH_TIMEOUT_MS = 30000;
const ADD_TIMEOUT_MS = 30000;

const $ = (sel) => document.querySelector(sel);
const pct = new Intl.NumberFormat('ar', { style: 'percent', maximumFractionDigits: 0 });
const num = new Intl.NumberFormat('ar');

// el('p', {class: 'x'}, 'text', child) — builds DOM nodes; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// signal: an AbortSignal; an aborted call rejects with e.aborted set (a newer
// request took over: the caller shows nothing for it).
async function api(method, path, body, signal) {
  const opt = { method, headers: {}, signal };
  if (body !== undefined) {
    opt.headers['Content-Type'] = 'application/json';
    opt.body = JSON.stringify(body);
  }
  const aborted = () => Object.assign(new Error('aborted'), { aborted: true });
  let res;
  try {
    res = await fetch(path, opt);
  } catch (e) {
    if (signal && signal.aborted) throw aborted();
    // The footer still counted the store's articles as if all were well:
    // asked again, it says the server does not answer (or, if it is back, the
    // count as it is now).
    if (path !== '/api/health') refreshHealth();
    throw new Error('تعذّر الاتصال بالخادم');
  }
  // The footer said the server did not answer, and now it does: asked again,
  // it counts the store's articles (it used to keep «لا يستجيب» while checks
  // came back, until the page was reloaded).
  if (serverDown && path !== '/api/health') refreshHealth();
  let data = null;
  try { data = await res.json(); } catch (e) { /* not JSON */ }
  if (signal && signal.aborted) throw aborted();
  if (!res.ok) {
    const err = new Error(errorText(res.status, data));
    err.status = res.status;
    err.data = data;
    throw err;
  }
  // A reply cut off (the server stopped while it was sent) or a proxy's
  // HTML page with status 200: said in Arabic, not as the TypeError that
  // reading null would give ("Cannot read properties of null").
  if (data === null || typeof data !== 'object')
    throw new Error('وصل من الخادم ردّ لا يُقرأ (ناقص، أو ليس من ميزان)؛ أعد المحاولة.');
  return data;
}

// What each status means, in Arabic. Statuses the server never sends (502,
// 504) come from a proxy in front of it, with an HTML page as their body.
const STATUS_AR = {
  400: 'طلب غير صالح', 403: 'غير مسموح', 404: 'غير موجود', 405: 'طريقة طلب غير مسموحة',
  409: 'مكرّر', 413: 'الطلب أكبر من الحد المسموح', 414: 'الطلب أطول من الحد المسموح',
  429: 'طلبات كثيرة، أعد المحاولة بعد قليل', 431: 'الطلب أطول من الحد المسموح',
  500: 'خطأ في الخادم', 502: 'الخادم لا يستجيب', 503: 'الخادم مشغول', 504: 'انتهت مهلة الخادم',
};

// The server's message and field name are English: each is isolated (FSI ..
// PDI) so that the Arabic sentence around them keeps its order. A reply with
// no JSON error (an HTML page) gives the Arabic meaning and the status alone.
function errorText(status, data) {
  const prefix = STATUS_AR[status] || (status >= 500 ? 'خطأ في الخادم' : 'طلب مرفوض');
  if (!(data && typeof data.error === 'string' && data.error))
    return `${prefix} (\u2068HTTP ${status}\u2069).`;
  const field = data.field ? ` (الحقل: \u2068${data.field}\u2069)` : '';
  return `${prefix}: \u2068${data.error}\u2069${field}`;
}

// Direction of a title, site name or text: right-to-left when it holds any
// Arabic letter, else left-to-right ("24.ae", an English headline). Not the
// first strong letter (dir=auto): "BBC: ..." is still an Arabic title.
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const dirOf = (text) => (ARABIC.test(text) ? 'rtl' : 'ltr');
// User text in its own isolate, laid out in its own direction.
const bdi = (text, attrs) => el('bdi', Object.assign({ dir: dirOf(text) }, attrs), text);

// Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII ones: an Arabic
// keyboard types the former, and the field for k is text, not type=number,
// which drops them without a word (k came out empty, so the default 20).
const asciiDigits = (text) => text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g,
  (d) => String(d.charCodeAt(0) & 0xF));

// A message with the server's English words in it (its error, a field's name,
// "HTTP 502"; errorText sets each off with FSI .. PDI) as nodes: each such
// part in a <bdi lang="en">, so that a screen reader reads it in an English
// voice, not spelt out by an Arabic one (WCAG 3.1.2), and kept whole in the
// right-to-left sentence.
function messageNodes(text) {
  return String(text || '').split(/\u2068([^\u2069]*)\u2069/).map((part, i) => (i % 2
    ? el('bdi', { dir: dirOf(part), lang: ARABIC.test(part) ? null : 'en' }, part) : part));
}

function showAlert(node, text) {
  node.replaceChildren(...messageNodes(text));
  node.hidden = !text;
}

// The report's English text stands in for its Arabic one (a server older than
// reason_ar): the element says so, for a screen reader's voice.
function setEnglish(node, english) {
  if (english) node.setAttribute('lang', 'en');
  else node.removeAttribute('lang');
}

// ---- evidence in context

const articleCache = new Map();
function fetchArticle(id) {
  if (!articleCache.has(id)) {
    articleCache.set(id, api('GET', `/api/articles/${encodeURIComponent(id)}`).catch((e) => {
      articleCache.delete(id);
      throw e;
    }));
  }
  return articleCache.get(id);
}

// A sentence (its code points; offset: the body's code point where it
// starts) in a <mark>, with the words that gave it its cue (cue_char_start,
// cue_char_end: «نفت», «نقلاً عن») in <b>, so a long sentence shows where
// its denial or attribution is.
function markSentence(cps, offset, ev) {
  const m = el('mark', { class: `cue-${ev.cue || 'overlap'}` });
  const a = ev.cue_char_start - offset, b = ev.cue_char_end - offset;
  if (Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a < b && b <= cps.length) {
    m.append(cps.slice(0, a).join(''), el('b', { class: 'cue-words' }, cps.slice(a, b).join('')),
      cps.slice(b).join(''));
  } else {
    m.append(cps.join(''));
  }
  return m;
}

// The context is cut between words, not inside one («… وسائل ال»): a cut
// that falls in a word moves to the space before it (after it, at the
// start), unless the word runs longer than WORD_BACK code points (an
// address), or the move would reach the sentence itself (lo/hi).
const WORD_BACK = 24;
const isBlank = (c) => /\s/.test(c);
function wordStart(cps, i, hi) {
  if (i === 0 || isBlank(cps[i - 1]) || isBlank(cps[i])) return i;
  for (let j = i; j < hi && j < i + WORD_BACK; j++) if (isBlank(cps[j])) return j + 1;
  return i;
}
function wordEnd(cps, i, lo) {
  if (i === cps.length || isBlank(cps[i]) || isBlank(cps[i - 1])) return i;
  for (let j = i; j > lo && j > i - WORD_BACK; j--) if (isBlank(cps[j - 1])) return j - 1;
  return i;
}

// The body around [cs, ce) (code-point offsets from the API) with the
// sentence wrapped in <mark>. Slicing an array of code points, not the JS
// string, keeps emoji and other astral characters (two UTF-16 units) aligned.
function evidenceInContext(body, ev) {
  const cps = Array.from(body);
  const cs = ev.char_start, ce = ev.char_end;
  if (!(Number.isInteger(cs) && Number.isInteger(ce) && 0 <= cs && cs < ce && ce <= cps.length)) {
    return el('p', { class: 'context' }, el('mark', {}, ev.text || ''));
  }
  const sentence = cps.slice(cs, ce);
  const from = wordStart(cps, Math.max(0, cs - CONTEXT_CHARS), cs);
  const to = wordEnd(cps, Math.min(cps.length, ce + CONTEXT_CHARS), ce);
  return el('p', { class: 'context', dir: dirOf(body) },
    from > 0 ? '… ' : '',
    cps.slice(from, cs).join(''),
    markSentence(sentence, cs, ev),
    cps.slice(ce, to).join(''),
    to < cps.length ? ' …' : '');
}

// The first evidence sentences, and the denial the check found in the article
// (members[].denial) when that is another sentence: the verdict's reason may
// quote it, so the page shows it too, as `mizan check` does.
function renderEvidence(member, holder) {
  const evs = (member.evidence || []).slice(0, EVIDENCE_SHOWN);
  const d = member.denial;
  if (d && d.text && !evs.some((e) => e.char_start === d.char_start))
    evs.push(Object.assign({}, d, { cue: d.cue || 'denial' }));
  if (!evs.length) {
    holder.append(el('p', { class: 'muted' }, 'لا توجد جملة دليل لهذا المقال.'));
    return;
  }
  const boxes = evs.map((ev) => el('div', { class: 'evidence' },
    el('span', { class: 'cue' }, CUES[ev.cue] || ev.cue || ''),
    el('p', { class: 'context' }, markSentence(Array.from(ev.text || ''), ev.char_start, ev))));
  holder.append(...boxes);
  fetchArticle(member.article_id).then((a) => {
    const body = a.body || '';
    boxes.forEach((box, i) =>
      box.replaceChild(evidenceInContext(body, evs[i]), box.querySelector('.context')));
    const full = el('details', { class: 'full' }, el('summary', {}, 'نص المقال كاملاً'),
      el('div', { class: 'body', dir: dirOf(body) }, body));
    boxes[boxes.length - 1].append(full);
  }).catch(() => { /* keep the sentences alone */ });
}

// ---- the report

function badge(stance) {
  const s = STANCES[stance] || { label: stance, icon: '' };
  return el('span', { class: `badge stance-${stance}` },
    el('span', { 'aria-hidden': 'true' }, s.icon), ' ', s.label);
}

function safeUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) { return null; }
}

// The file an article was ingested from (PATH, PATH:LINE, PATH#ITEM), its
// receipt when it has no address; "stdin…" and "api" name no file.
const originIsFile = (o) => !!o && o !== 'api' && !/^stdin([:#]|$)/.test(o);

// An article's title (m: a report's member or a stored-articles item), a
// link to its address when it has one. Titles and site names are isolated
// (see dirOf): a Latin title keeps its final full stop, and "24.ae" next to
// a date is not read as "ae · 2026-03-14.24" by the bidi algorithm.
function articleTitle(m) {
  const href = m.url ? safeUrl(m.url) : null;
  const text = m.title || '(بلا عنوان)';
  // A link that opens a new tab says so, to those who cannot see the tab
  // open (WCAG technique G201): a screen reader reads the hidden words.
  return href
    ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', dir: dirOf(text) }, text,
      el('span', { class: 'sr-only', dir: 'rtl' }, ' (يُفتح في لسان جديد)'))
    : bdi(text);
}

// A stored date as a reader of Arabic news reads it: ISO 8601 (the store's
// form, the date alone or with a time) as day, month's name and year, and
// the time, with the zone the newsroom gave; anything else (a date the
// store could not read, kept as written) as written. The ISO form stays in
// <time datetime>.
const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر',
  'أكتوبر', 'نوفمبر', 'ديسمبر'];
const plain = new Intl.NumberFormat('ar', { useGrouping: false });
const two = new Intl.NumberFormat('ar', { useGrouping: false, minimumIntegerDigits: 2 });
function publishedNode(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  const [y, mo, d, hh, mm] = m ? m.slice(1, 6).map(Number) : [];
  const day = m && new Date(Date.UTC(y, mo - 1, d));
  if (!m || day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d ||
      hh > 23 || mm > 59) return bdi(s);
  const zone = m[6] === 'Z' ? 'UTC' : m[6] ? `UTC${m[6].slice(0, 3)}:${m[6].slice(-2)}` : null;
  return el('time', { datetime: s }, `${plain.format(d)} ${MONTHS[mo - 1]} ${plain.format(y)}`,
    m[4] !== undefined ? `، ${two.format(hh)}:${two.format(mm)}` : null,
    zone ? [' ', el('bdi', { dir: 'ltr' }, zone)] : null);
}

// Its source, author (when known) and date, and with no address to open,
// the file it was ingested from: its receipt.
function articleMeta(m) {
  const href = m.url ? safeUrl(m.url) : null;
  return [bdi(m.source || 'مصدر غير معروف', { class: 'source' }),
    m.author ? [' · ', bdi(m.author, { class: 'author' })] : null,
    m.published ? [' · ', publishedNode(m.published)] : null,
    !href && originIsFile(m.origin) ? [' · الملف: ', bdi(m.origin, { class: 'origin', dir: 'ltr' })] : null];
}

// placesNote, placeNodes: places.js.

function renderMember(m, showBadge) {
  const meta = el('p', { class: 'meta' }, articleMeta(m),
    m.probs && m.stance && m.probs[m.stance] !== undefined
      ? el('span', {}, ` · احتمال ${STANCES[m.stance] ? STANCES[m.stance].label : m.stance}: ${pct.format(m.probs[m.stance])}`)
      : null);
  // An earlier version a corrected one supersedes (docs/json-schema.md
  // `members[].superseded_by`): its receipt and why it is not weighed, not its
  // sentences, as `mizan check` prints it.
  if (m.superseded_by !== undefined) {
    return el('li', { class: 'member member-superseded' }, el('h4', {}, articleTitle(m)), meta,
      placesNote(m.places), el('p', { class: 'superseded' },
        `نسخة سابقة من المقال #${m.superseded_by} (الرابط نفسه): صحّحها الموقع، فلا تُوزن`));
  }
  const li = el('li', { class: 'member' }, el('h4', {}, showBadge ? [badge(m.stance), ' '] : null, articleTitle(m)), meta,
    placesNote(m.places));
  renderEvidence(m, li);
  return li;
}

function renderVoice(v) {
  const members = v.members || [];
  // not weighed in the verdict (docs/json-schema.md `voices[].counted`): its
  // badge is only what the model read, so the page says it did not count,
  // as `mizan check` prints "weakly related: weight 0.22, not counted"
  // A voice read disagree whose only case against the claim is a denial of
  // another matter (`voices[].other_matter`) is weighed as unrelated: the
  // page says why, as `mizan check` prints "read disagree, but it denies
  // another matter: weighed as unrelated", in place of "weakly related".
  const other = v.other_matter === true;
  // The mirror (`voices[].topic_only`): read agree, but it tells only the
  // story's topic against a denial of the claim's matter ("read agree, but
  // it tells only the story's topic: weighed as unrelated").
  const topic = v.topic_only === true;
  const weak = v.counted === false;
  // a denial later reports tell as past (`overtaken_by`): shown, not weighed;
  // a voice that corrects the claim's own figure (`corrects_claim`): weighed
  // as disagreeing whatever the model read — the terminal's marks, in Arabic
  const mark = other ? ['not-counted other-matter', 'قرأه النموذج نافيًا، لكنه ينفي أمرًا آخر: وُزن غير ذي صلة']
    : topic ? ['not-counted topic-only', 'قرأه النموذج مؤيدًا، لكنه لا ينقل إلا موضوع القصة: وُزن غير ذي صلة']
    : v.overtaken_by ? ['not-counted overtaken', 'نفيٌ تذكره تقارير لاحقة على أنه سابق: لا يُوزن']
    // `plan_before_move`: the claim's day, reported before the move: not weighed
    : v.plan_before_move ? ['not-counted overtaken', 'ذكر يوم الادعاء قبل أن تنقل المصادر الحدث عنه: الموعد المقرر، لا يُوزن']
      : v.corrects_claim === true ? ['corrects-claim', 'يصحح رقم الادعاء: وُزن نافيًا له']
        // `other_figure`: read agree, but tells the event with another figure
        : v.other_figure === true ? ['other-figure', 'ينقل الحدث برقم غير رقم الادعاء: وُزن نافيًا له']
        // `other_winner`: names another winner of the claim's match or title
        : v.other_winner === true ? ['other-figure', 'يسمّي فائزًا غير فائز الادعاء: وُزن نافيًا له']
          // `moved_day_weighed` / `other_day_weighed`: read agree, but tells the
          // event moved off the claim's day, or gives it another day
          : v.moved_day_weighed === true ? ['other-day', 'ينقل تأجيل الحدث عن يوم الادعاء: وُزن نافيًا له']
            : v.other_day_weighed === true ? ['other-day', 'يذكر للحدث يومًا غير يوم الادعاء: وُزن نافيًا له']
              : weak ? ['not-counted', 'صلته ضعيفة: لا يُحسب في الحكم'] : null;
  return el('li', { class: `voice voice-${v.stance}${weak ? ' voice-weak' : ''}` },
    el('div', { class: 'voice-head' },
      el('span', { class: 'voice-no' }, `الصوت ${num.format(v.voice)}`),
      badge(v.stance),
      el('span', { class: 'weight' }, `الوزن ${pct.format(v.weight || 0)}`),
      mark ? el('span', { class: mark[0] }, mark[1]) : null,
      el('span', { class: 'sources' },
        (v.sources || []).map((s, i) => [i ? '، ' : '', bdi(s)])),
      members.length > 1 ? el('span', { class: 'copies' }, `${num.format(members.length)} نسخ`) : null),
    // A member's own badge matters when copies in one voice differ, or when
    // the check weighed the voice otherwise than the model read the article
    // (e.g. a denial sentence): show both rather than hide the difference.
    el('ul', { class: 'members' },
      members.map((m) => renderMember(m, members.length > 1 || m.stance !== v.stance))));
}

// The claim's own value as the reason words it: "أكثر من 300", "3–4"; none
// for a vague one («عشرات»: its floor is no number the claim gave).
function claimValue(q) {
  if (q.claim_number === undefined || q.claim_vague) return null;
  const bound = q.claim_bound === 'at_least' ? 'أكثر من ' : q.claim_bound === 'at_most' ? 'أقل من ' : '';
  const range = q.claim_number_max !== undefined ? `–${num.format(q.claim_number_max)}` : '';
  const percent = q.kind === 'percent' ? '%' : ''; // "61.2%", as the sources' values read
  return `${direction(q.claim_change)}${bound}${num.format(q.claim_number)}${range}${percent}`;
}

// A change's direction before its value (values[].change, claim_change):
// «ارتفع بنسبة 2.5%» and «انخفض بنسبة 2.5%» are no one figure.
function direction(change) {
  return change === 'rise' ? 'ارتفاع ' : change === 'fall' ? 'انخفاض ' : '';
}

// Quantities whose sources conflict, and those whose claim value no source
// gives (claim_unmatched: one report of 40 killed against the claim's 5),
// with the values in question: all of a conflict's, the off-claim ones else.
function renderNumbers(report) {
  const shown = (report.numbers || []).filter((q) => q.conflict || q.claim_unmatched);
  const box = $('#numbers');
  const list = box.querySelector('.number-list');
  list.replaceChildren();
  box.hidden = shown.length === 0;
  $('#numbers-title .title-text').textContent = shown.some((q) => q.conflict)
    ? 'تعارض في الأرقام' : 'أرقام لا يذكرها الادعاء';
  for (const q of shown) {
    // Copies inside one voice repeat the same value: show it once per voice,
    // as it is shown (a rise and a fall of 5% are two values, a change and a
    // level too: keyed by the value alone, the fall was dropped).
    // A conflict lists the values that make it (values[].conflicting; a
    // server before it marked none: then all of them), not the others the
    // sources give of the same noun (a figure beside the claim's, an earlier one).
    const seen = new Set();
    const marked = (q.values || []).some((v) => v.conflicting);
    const values = (q.values || []).filter((v) => {
      const key = `${v.voice}|${v.change || ''}|${v.level ? 'level' : ''}|${v.value}`;
      if (q.conflict ? marked && !v.conflicting : !v.off_claim) return false;
      return seen.has(key) ? false : seen.add(key);
    });
    const claim = claimValue(q);
    list.append(el('li', {},
      // what an amount is of (numbers[].of): «دولار (احتياطي)» and «دولار
      // (ضخ)» are two quantities, and read as one twice without it
      el('strong', {}, (q.quantity || '') + (q.of ? ` (${q.of})` : '')),
      q.on_claim ? el('span', { class: 'on-claim' }, ' (يذكره الادعاء)') : null,
      // claim_earlier: a source gives the claim's figure only as an earlier
      // one (the first-instance sentence the appeal reduced): true once;
      // claim_last_period: only as last year's or season's, another period's
      !q.conflict ? el('span', { class: 'claim-value' },
        // claim_last_month: the previous month's («مقابل 24.9% في آب»);
        // claim_other_period: only as another period's (the annual 26.4%
        // for a monthly claim), as the terminal's ANOTHER PERIOD'S
        q.claim_last_month ? ' — رقم الادعاء رقم الشهر السابق'
          : q.claim_last_period ? ' — رقم الادعاء رقم العام أو الموسم السابق'
          : q.claim_earlier ? ' — رقم الادعاء رقم سابق'
          : q.claim_other_period ? ' — رقم الادعاء رقم فترة أخرى (سنوي أو شهري أو فصلي)'
          : ' — لا يذكر أي مصدر رقم الادعاء',
        claim ? [' (', el('bdi', {}, claim), ')'] : null) : null, ': ',
      values.map((v, i) => el('span', { class: 'num-value' },
        i ? ' مقابل ' : '',
        // an earlier figure («في وقت سابق») is set against no newer one: say so;
        // a change («بنسبة 2.5%») is said with its direction, a level as such
        el('bdi', {}, direction(v.change) + v.value),
        // basis points («150 نقطة أساس»): the number is in points, 1.5
        ` (الصوت ${num.format(v.voice)}${v.basis_points ? `، نقاط أساس = ${num.format(v.number)} نقطة` : ''}` +
        `${v.earlier ? '، رقم سابق' : ''}${v.level ? '، مستوى' : ''})`))));
  }
}

// Site names (Latin, with dots and hyphens) inside Arabic text: each in its
// own <bdi>, so the bidi algorithm cannot tear "(furat-today.example)" apart,
// nor turn a name that starts with digits, "24.ae", into "ae.24". A name too
// long for a phone's line (class long) may wrap; the others stay whole.
function withIsolatedLatin(text) {
  return text.split(/([A-Za-z0-9][\w.-]*[A-Za-z][\w-]*|[A-Za-z][\w.-]*\w)/)
    .map((part, i) => (i % 2 ? el('bdi', { dir: 'ltr', class: part.length > 24 ? 'long' : null }, part) : part));
}

function renderReport(report) {
  const v = VERDICTS[report.verdict] || { label: report.verdict, icon: '' };
  const card = $('#verdict');
  card.className = `verdict verdict-${report.verdict}`;
  const claimBdi = card.querySelector('.verdict-claim bdi');
  claimBdi.textContent = report.claim || '';
  claimBdi.dir = dirOf(report.claim || ''); // "Reuters: …" is an Arabic claim (see dirOf)
  card.dataset.verdict = report.verdict;
  card.querySelector('.verdict-icon').textContent = v.icon;
  card.querySelector('.verdict-label').textContent = v.label;
  // The Arabic reason (mizan.check/1 since reason_ar was added); older servers send only `reason`.
  const reason = report.reason_ar || report.reason || '';
  const reasonNode = card.querySelector('.verdict-reason');
  reasonNode.replaceChildren(...withIsolatedLatin(reason));
  setEnglish(reasonNode, !report.reason_ar && !!report.reason);
  const note = card.querySelector('.verdict-note');
  const noteText = report.note_ar || report.note || '';
  note.textContent = noteText;
  setEnglish(note, !report.note_ar && !!report.note);
  note.hidden = !noteText || noteText === reason; // an empty store's note is already the reason
  const conf = Number(report.confidence) || 0;
  card.querySelector('.confidence-value').textContent = pct.format(conf);
  card.querySelector('.confidence-meter').value = conf;
  const c = report.counts || {};
  card.querySelector('.counts').replaceChildren(
    ...['agree', 'disagree', 'discuss', 'unrelated'].map((s) =>
      el('li', {}, badge(s), ' ', num.format(c[s] || 0))),
    el('li', {}, `أصوات مستقلة: ${num.format(c.voices || 0)}`),
    el('li', {}, `مقالات: ${num.format(c.articles || 0)}`));
  renderNumbers(report);
  // Unrelated voices are left out, unless one carries a denial of the claim
  // (the reason then names it: "عدّه نموذج الموقف غير ذي صلة").
  const voices = (report.voices || []).filter((x) => x.stance !== 'unrelated' || x.other_matter === true ||
    x.topic_only === true ||
    (x.members || []).some((m) => m.denial && m.superseded_by === undefined));
  $('#voices').replaceChildren(...(voices.length
    ? voices.map(renderVoice)
    : [el('li', { class: 'muted' }, 'لم يُعثر على مقالات ذات صلة بالادعاء.')]));
  $('#result').hidden = false;
}

// ---- forms

// null when text fits the server's limit, else the message to show.
function tooLong(what, text) {
  const n = Array.from(text).length;
  return n <= MAX_CLAIM_CHARS ? null
    : `${what} أطول من الحد المسموح: ${num.format(n)} حرفاً، والحد ${num.format(MAX_CLAIM_CHARS)}.`;
}

// The check in flight, if any. A newer submit (Enter in the claim box works
// while the button is disabled) aborts it, so its late reply cannot replace
// the newer claim's report; and the old report is hidden meanwhile, never
// shown under a claim it was not made for. The same claim again is let run.
let checkCtl = null;
let checking = ''; // the claim and k of checkCtl's request

async function onCheck(ev) {
  ev.preventDefault();
  const claim = $('#claim').value.trim();
  const kText = asciiDigits($('#k').value.trim());
  const k = /^[0-9]+$/.test(kText) ? Number(kText) : NaN;
  showAlert($('#check-error'), '');
  if (!claim) {
    showAlert($('#check-error'), 'اكتب نص الادعاء أولاً.');
    return;
  }
  const problem = tooLong('الادعاء', claim) || (kText && !(Number.isInteger(k) && k >= 1 && k <= K_MAX)
    ? `عدد المقالات المرشّحة عدد صحيح من ${num.format(1)} إلى ${num.format(K_MAX)}.` : null);
  if (problem) {
    showAlert($('#check-error'), problem);
    return;
  }
  if (checkCtl && checking === `${claim}\n${kText}`) return; // a second Enter
  if (checkCtl) checkCtl.abort();
  const ctl = checkCtl = new AbortController();
  checking = `${claim}\n${kText}`;
  const btn = $('#check-btn');
  // Disabling the focused button drops focus to <body>, and a keyboard user
  // would start again at the top of the page: focus goes to the verdict's
  // heading after a report, back to the button after a failure.
  let focusTo = btn;
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctl.abort(); }, CHECK_TIMEOUT_MS);
  btn.disabled = true;
  btn.textContent = 'جارٍ التحقق…';
  document.body.classList.add('busy');
  $('#result').hidden = true;
  $('#check-status').textContent = 'جارٍ التحقق…';
  try {
    const body = { claim };
    if (kText) body.k = k;
    const report = await api('POST', '/api/check', body, ctl.signal);
    showReport(report, claim, kText ? String(k) : '');
    focusTo = $('#verdict-label');
    rememberClaim(claim, kText ? k : null);
  } catch (e) {
    if (e.aborted && !timedOut) return; // a newer check took over
    showAlert($('#check-error'), timedOut ? 'لم يُجب الخادم خلال دقيقتين؛ أعد المحاولة.' : e.message);
    $('#check-status').textContent = '';
  } finally {
    clearTimeout(timer);
    if (checkCtl === ctl) {
      checkIdle();
      // Only when focus was lost or left on the button: not while one types.
      const at = document.activeElement;
      if (!at || at === document.body || at === btn) focusTo.focus();
    }
  }
}

// No check in flight: the one running, if any, is given up, and the button
// is ready again.
function checkIdle() {
  const ctl = checkCtl;
  checkCtl = null;
  if (ctl) ctl.abort();
  const btn = $('#check-btn');
  btn.disabled = false;
  btn.textContent = 'تحقّق';
  document.body.classList.remove('busy');
}

// A report on the card, for the claim and k it answers: kept (see held) and
// announced in the status region.
function showReport(report, claim, kText) {
  renderReport(report);
  hold(claim, kText, report);
  const v = VERDICTS[report.verdict];
  $('#check-status').textContent =
    `الحكم: ${v ? v.label : report.verdict}، درجة الثقة ${pct.format(Number(report.confidence) || 0)}`;
}

// The reports shown lately, by claim and k: Back and Forward show the one the
// address names again at once, as it was, instead of checking the claim anew
// (seconds of work, and a report that could differ from the one gone back to).
// A submit of the form always checks afresh. Only this page's memory: a
// reloaded page checks again.
const HELD_REPORTS = 20;
const held = new Map();
const heldKey = (claim, kText) => `${claim}\n${kText || $('#k').defaultValue}`;
function hold(claim, kText, report) {
  const key = heldKey(claim, kText);
  held.delete(key); // to the end: the oldest goes first
  held.set(key, report);
  if (held.size > HELD_REPORTS) held.delete(held.keys().next().value);
}

// ---- a shareable address: ?claim=...&k=... names the check shown, so a
// link can be sent, and the back button returns to the claim before.

const PAGE_TITLE = document.title;

function claimInUrl() {
  const q = new URLSearchParams(location.search);
  const k = q.get('k');
  return { claim: (q.get('claim') || '').trim(), k: k === null ? null : asciiDigits(k.trim()) };
}

// After a report: a new history entry for the claim, unless the address
// already names it (the page was opened, or gone back to, with it).
function rememberClaim(claim, k) {
  const kPart = k !== null && String(k) !== $('#k').defaultValue ? String(k) : null;
  const now = claimInUrl();
  if (now.claim !== claim || now.k !== kPart) {
    const q = new URLSearchParams({ claim });
    if (kPart) q.set('k', kPart);
    history.pushState(null, '', `?${q}`);
  }
  document.title = `${claim} — ${PAGE_TITLE}`;
}

// On load and on the back/forward buttons: show the report the address names
// when the page holds it, else check its claim; show the empty form when it
// names none.
function checkFromUrl() {
  const { claim, k } = claimInUrl();
  $('#claim').value = claim;
  $('#k').value = k || $('#k').defaultValue;
  const report = claim ? held.get(heldKey(claim, k)) : null;
  if (claim && !report) {
    $('#check-form').requestSubmit();
    return;
  }
  checkIdle(); // a check still running is not for this address
  showAlert($('#check-error'), '');
  if (report) {
    showReport(report, claim, k);
    document.title = `${claim} — ${PAGE_TITLE}`;
  } else {
    $('#result').hidden = true;
    $('#check-status').textContent = '';
    document.title = PAGE_TITLE;
  }
}

// Snippets wrap matches in [ ]; `marks` gives each match's code-point span,
// so an article's own brackets ("[تحديث]") are not taken for matches. Older
// servers send no marks: then the brackets are all there is.
function snippetNode(s, marks) {
  const p = el('p', { class: 'snippet', dir: dirOf(s) });
  if (Array.isArray(marks)) {
    const cps = Array.from(s);
    let last = 0;
    for (const [start, end] of marks) {
      if (!(start >= last && end >= start && end <= cps.length)) break; // not this snippet's
      const open = start > last && cps[start - 1] === '[' ? 1 : 0;
      p.append(cps.slice(last, start - open).join(''), el('mark', {}, cps.slice(start, end).join('')));
      last = end < cps.length && cps[end] === ']' ? end + 1 : end;
    }
    p.append(cps.slice(last).join(''));
    return p;
  }
  const re = /\[([^\[\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(s))) {
    p.append(s.slice(last, m.index), el('mark', {}, m[1]));
    last = m.index + m[0].length;
  }
  p.append(s.slice(last));
  return p;
}

// Hits a page (the API's k); «المزيد» asks for the next page with offset.
// The API gives no total for a search: the button shows while a full page
// came back, and the server's offset limit is not reached.
const SEARCH_PAGE = 10;
const SEARCH_OFFSET_MAX = 10000;

let searchCtl = null; // as checkCtl: a newer search aborts the one in flight (or its "more")
let searchQ = ''; // the query whose hits are shown
let searchShown = 0; // how many of its hits the server gave (the next offset)
let searchIds = new Set(); // the ids shown: an article stored between two pages moves the
                           // ranking, and a hit of one page could come again on the next

function hitItem(h) {
  return el('li', {},
    el('h3', {}, articleTitle(h)), // under the section's h2; a link to its address, as the report's
    el('p', { class: 'meta' }, `#${h.id} · `, bdi(h.source || 'مصدر غير معروف', { class: 'source' })),
    snippetNode(h.snippet || '', h.marks), placesNote(h.places),
    versionNote(h)); // an older version at its URL, or the one that corrects it (list.js)
}

// After a "more" page came (items: its new <li>s, appended to list): where
// focus goes. The button, disabled while the page loaded, dropped it to
// <body>: to the first new item's heading, so a keyboard user reads on from
// there; to the last item when nothing new came and the button is gone;
// else back to the button.
function moreDone(list, items, btn) {
  const li = items[0] || (btn.hidden ? list.lastElementChild : null);
  if (!li) return btn;
  const h = li.querySelector('h3') || li;
  h.tabIndex = -1;
  return h;
}

async function onSearch(ev) {
  ev.preventDefault();
  const q = $('#q').value.trim();
  showAlert($('#search-error'), '');
  if (!q) return;
  const problem = tooLong('نص البحث', q);
  if (problem) {
    showAlert($('#search-error'), problem);
    return;
  }
  await searchPage(q, false);
}

// The first page of q's hits (more false), or the next one appended.
async function searchPage(q, more) {
  if (more && searchCtl) return;
  if (searchCtl) searchCtl.abort();
  const ctl = searchCtl = new AbortController();
  const btn = $('#search-more');
  btn.disabled = true; // not hidden while it loads: nothing below the hits moves
  const offset = more ? searchShown : 0;
  let focusTo = null;
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctl.abort(); }, SEARCH_TIMEOUT_MS);
  try {
    const res = await api('GET', `/api/search?q=${encodeURIComponent(q)}&k=${SEARCH_PAGE}` +
      (offset ? `&offset=${offset}` : ''), undefined, ctl.signal);
    const hits = res.hits || [];
    const list = $('#hits');
    if (!more) searchIds = new Set();
    const fresh = hits.filter((h) => !searchIds.has(h.id));
    for (const h of fresh) searchIds.add(h.id);
    const items = fresh.map(hitItem);
    if (more) {
      showAlert($('#search-error'), '');
      list.append(...items);
      searchShown += hits.length;
    } else {
      searchQ = q;
      searchShown = hits.length;
      list.replaceChildren(...(hits.length ? items : [el('li', { class: 'muted' }, 'لا نتائج.')]));
    }
    btn.hidden = !(hits.length === SEARCH_PAGE && searchShown <= SEARCH_OFFSET_MAX);
    // The count is announced, not the list: a live list would be read out whole.
    $('#search-status').textContent = searchShown
      ? (more && !fresh.length ? 'لا مزيد من النتائج.' : `النتائج: ${num.format(searchIds.size)}`) : 'لا نتائج.';
    if (more) focusTo = moreDone(list, items, btn);
  } catch (e) {
    if (e.aborted && !timedOut) return; // a newer search took over
    showAlert($('#search-error'), timedOut ? 'لم يُجب الخادم خلال نصف دقيقة؛ أعد المحاولة.' : e.message);
    if (more) {
      focusTo = btn; // this query's hits stay; the button tries again
    } else {
      $('#hits').replaceChildren(); // not this query's hits
      $('#search-status').textContent = '';
      searchQ = '';
      btn.hidden = true;
    }
  } finally {
    clearTimeout(timer);
    if (searchCtl === ctl) {
      searchCtl = null;
      btn.disabled = false;
      const at = document.activeElement; // not while one is elsewhere
      if (focusTo && (!at || at === document.body || at === btn)) focusTo.focus();
    }
  }
}

async function onAdd(ev) {
  ev.preventDefault();
  const f = ev.target;
  const status = $('#add-status');
  // A pasted page source goes as "html": the server reads its story and metadata.
  const raw = f.text.value;
  const item = /^\s*(<!doctype html|<html)/i.test(raw) ? { html: raw } : { text: raw };
  for (const k of ['title', 'url', 'source']) if (f[k].value.trim()) item[k] = f[k].value.trim();
  // The last article's message goes while this one is sent: it is not this one's.
  status.className = 'status';
  status.textContent = '';
  if (!raw.trim()) {
    status.textContent = 'الصق نص المقال أولاً.';
    status.classList.add('bad');
    return;
  }
  // One article, one request: a second click while it is sent would come
  // back 409 and report the article just added as "already there".
  const btn = $('#add-btn');
  btn.disabled = true;
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctl.abort(); }, ADD_TIMEOUT_MS);
  try {
    const res = await api('POST', '/api/articles', item, ctl.signal);
    status.textContent = `أُضيف المقال رقم ${num.format(res.id)}.`;
    status.classList.add('good');
    f.reset();
    refreshHealth();
    refreshList(); // web/list.js: the stored articles as they are now
  } catch (e) {
    // A request given up on may still have been stored: sent again, it
    // would come back as a copy of itself, so the message says how to tell.
    status.replaceChildren(...messageNodes(timedOut
      ? 'لم يُجب الخادم خلال نصف دقيقة؛ قد يكون المقال أُضيف: ابحث عن عنوانه قبل إرساله مرة أخرى.'
      : e.status === 409 && e.data && e.data.id
        ? `هذا المقال موجود من قبل (رقم ${num.format(e.data.id)}).` : e.message));
    status.classList.add('bad');
  } finally {
    clearTimeout(timer);
    btn.disabled = readOnly;
  }
}

let readOnly = false; // the server said read_only: nothing can be added
let serverDown = false; // the footer says «الخادم لا يستجيب»

async function refreshHealth() {
  try {
    const h = await api('GET', '/api/health');
    serverDown = false;
    readOnly = !!h.read_only;
    $('#health').textContent = `ميزان ${h.version} · ${num.format(h.articles)} مقالاً في القاعدة` +
      (h.read_only ? ' · للقراءة فقط' : '');
    if (h.read_only) $('#add-btn').disabled = true;
  } catch (e) {
    serverDown = true;
    $('#health').textContent = 'ميزان · الخادم لا يستجيب';
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('#check-form').addEventListener('submit', onCheck);
  $('#search-form').addEventListener('submit', onSearch);
  $('#search-more').addEventListener('click', () => { if (searchQ) searchPage(searchQ, true); });
  $('#add-form').addEventListener('submit', onAdd);
  // A claim is a sentence: Enter checks it, as in the search box; Shift+Enter
  // still breaks the line. Not while an input method composes a word.
  $('#claim').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    $('#check-form').requestSubmit();
  });
  window.addEventListener('popstate', checkFromUrl);
  if (claimInUrl().claim) checkFromUrl();
  refreshHealth();
});
