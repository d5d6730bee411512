// ميزان — the stored-articles panel: what the store holds, newest first
// (GET /api/articles), LIST_PAGE at a time with «المزيد», one site at a time
// when a site is given. Uses app.js's helpers (el, bdi, api, articleTitle,
// articleMeta, showAlert, moreDone) and places.js's (placesNote, placeNodes):
// classic scripts of one page.
'use strict';

const LIST_PAGE = 20;
const LIST_TIMEOUT_MS = 30000; // one read of the store's metadata, as a search

let listCtl = null; // the request in flight: a refresh aborts a "more" or an older refresh
let listSource = ''; // the site the list shows ('' every site)
const listIds = new Set(); // ids shown: a page fetched after an article was added may repeat one
let listOffset = 0; // articles fetched so far: the next page's offset
let listTotal = 0;

// Versions of one article stored at its URL (superseded_by, corrects: a
// corrected re-scrape beside the text it corrects), as `mizan list` marks them.
function versionNote(a) {
  const corrects = Array.isArray(a.corrects) ? a.corrects : [];
  if (a.superseded_by) {
    return el('p', { class: 'meta version' },
      `نسخة سابقة: حلّت محلها نسخة أحدث بالرابط نفسه، #${a.superseded_by}`);
  }
  if (corrects.length) {
    return el('p', { class: 'meta version' },
      `تصحّح نسخة سابقة بالرابط نفسه: ${corrects.map((id) => `#${id}`).join('، ')}`);
  }
  return null;
}

// Listed for the site asked for because it carried the text as an exact
// copy (`copy_at`, `list --source`'s "(an exact copy at …)"): the row's id,
// title and source are the article stored first, another site's, so the
// line says whose copy this is and where the site published it.
function copyAtNote(a) {
  const p = a.copy_at;
  if (!p || typeof p !== 'object') return null;
  return el('p', { class: 'meta copy-at' }, 'نشر ', placeNodes(p),
    ' هذا النص نسخةً مطابقة بحروفها؛ المقال مخزّن باسم ', bdi(a.source || 'مصدر غير معروف'));
}

// A copy the site shown carried: its places line leaves that site out, as
// `list --source` does, since the copy_at line names it already.
function listItem(a) {
  return el('li', { 'data-id': a.id, class: a.copy_at ? 'copy' : null }, el('h3', {}, articleTitle(a)),
    el('p', { class: 'meta' }, `#${a.id} · `, articleMeta(a)), copyAtNote(a),
    placesNote(a.places, a.copy_at), versionNote(a));
}

// "عدد المقالات من SITE: 57، المعروض منها 20"; nothing for an empty list
// (its own line says so).
function listTotalNodes() {
  if (!listIds.size) return [];
  return ['عدد المقالات', listSource ? [' من ', bdi(listSource)] : [], `: ${num.format(listTotal)}`,
    listIds.size < listTotal ? `، المعروض منها ${num.format(listIds.size)}` : []].flat();
}

// The list from its first page (more false: on load, a site submitted, an
// article added) or its next page appended (more true, the «المزيد» button).
// announce: say the count in the status region (the user asked for it; not
// on load, nor after an add, whose own status speaks).
async function loadList(more, source, announce) {
  if (more && listCtl) return; // a refresh is under way: its first page comes instead
  if (listCtl) listCtl.abort();
  const ctl = listCtl = new AbortController();
  const btn = $('#list-more');
  btn.disabled = true; // not hidden: nothing below the list moves while it loads
  const offset = more ? listOffset : 0;
  let focusTo = null;
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctl.abort(); }, LIST_TIMEOUT_MS);
  try {
    const q = new URLSearchParams({ offset: String(offset), limit: String(LIST_PAGE) });
    if (source) q.set('source', source);
    const res = await api('GET', `/api/articles?${q}`, undefined, ctl.signal);
    const page = Array.isArray(res.articles) ? res.articles : [];
    const list = $('#articles');
    showAlert($('#list-error'), '');
    if (!more) {
      list.replaceChildren();
      listIds.clear();
      listSource = source;
    }
    const items = page.filter((a) => !listIds.has(a.id)).map((a) => {
      listIds.add(a.id);
      return listItem(a);
    });
    list.append(...items);
    listOffset = offset + page.length;
    listTotal = Number(res.total) || 0;
    if (!listIds.size) {
      list.replaceChildren(el('li', { class: 'muted' }, listSource
        ? ['لا مقالات من الموقع ', bdi(listSource), ' في القاعدة.'] : 'لا مقالات في القاعدة بعد.'));
    }
    $('#list-total').replaceChildren(...listTotalNodes());
    btn.hidden = !(page.length > 0 && listOffset < listTotal);
    if (more) {
      focusTo = moreDone(list, items, btn);
      $('#list-status').textContent = `المعروض ${num.format(listIds.size)} من ${num.format(listTotal)}`;
    } else if (announce) {
      $('#list-status').textContent = listIds.size ? $('#list-total').textContent : list.textContent;
    }
  } catch (e) {
    if (e.aborted && !timedOut) return; // a newer request took over
    showAlert($('#list-error'), timedOut ? 'لم يُجب الخادم خلال نصف دقيقة؛ أعد المحاولة.' : e.message);
    $('#list-status').textContent = '';
    if (more) {
      focusTo = btn; // the pages shown stay; the button tries again
    } else {
      // not the site asked for, or no longer the store's contents
      $('#articles').replaceChildren();
      $('#list-total').replaceChildren();
      listIds.clear();
      listSource = source;
      btn.hidden = true;
    }
  } finally {
    clearTimeout(timer);
    if (listCtl === ctl) {
      listCtl = null;
      btn.disabled = false;
      // Disabling the focused button dropped focus to <body>: it goes on to
      // the first article of the new page. Not while one is elsewhere.
      const at = document.activeElement;
      if (focusTo && (!at || at === document.body || at === btn)) focusTo.focus();
    }
  }
}

// After an article is added (or removed): the list as it is now, for the
// site shown.
function refreshList() {
  return loadList(false, listSource, false);
}

function onListSubmit(ev) {
  ev.preventDefault();
  const source = $('#list-source').value.trim();
  const problem = tooLong('اسم الموقع', source);
  if (problem) {
    showAlert($('#list-error'), problem);
    return;
  }
  loadList(false, source, true);
}

document.addEventListener('DOMContentLoaded', () => {
  $('#list-form').addEventListener('submit', onListSubmit);
  $('#list-more').addEventListener('click', () => loadList(true, listSource, true));
  loadList(false, '', false);
});
