// ميزان — the other places an exact copy of an article was published
// (docs/json-schema.md `places`), named on one line as `mizan list` and
// `mizan search` name them (src/cli/places_line.c): each site once, the
// earliest recorded first, PLACES_NAMED of them, then «و N غيرها». Uses
// app.js's helpers (el, bdi, dirOf, safeUrl, publishedNode, num): classic
// scripts of one page.
'use strict';

const PLACES_NAMED = 3; // sites named on the line; the rest counted, as the CLI does

// What a place is compared by: its `site`, the server's reading of its
// source, else its URL, by the site rule of src/store/site.c (m.x.net and
// www.x.net are one site; an account on a shared platform is its own), as
// the CLI names each site once; a place from a server before that key, its
// source or URL as written. The page keeps no second copy of the rule.
const placeKey = (p) => String(p.site || p.source || p.url || '').toLowerCase();

// The site of another place an exact copy was published: its source (the
// server fills it from the URL when none was given), else its address's
// host, else the address as written (a host the URL parser finds none in,
// as "urn:…", is not shown as nothing).
function placeSite(p) {
  if (p.source) return p.source;
  try { return new URL(p.url).hostname.replace(/^www\./, '') || p.url || ''; } catch (e) { return p.url || ''; }
}

// A place: its site, a link to its address (in a new tab) when it has one,
// and its date in brackets when known.
function placeNodes(p) {
  const href = p.url ? safeUrl(p.url) : null;
  const site = placeSite(p);
  return [href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', dir: dirOf(site) }, site,
    el('span', { class: 'sr-only', dir: 'rtl' }, ' (يُفتح في لسان جديد)')) : bdi(site),
  p.published ? [' (', publishedNode(p.published), ')'] : null];
}

// The first place of each site (the earliest recorded: the API's order),
// those of the site of the place skip left out; as cli_print_place_sites
// counts them.
function distinctPlaces(places, skip) {
  const skipKey = skip && typeof skip === 'object' ? placeKey(skip) : '';
  const seen = new Set();
  return places.filter((p) => {
    const key = p && typeof p === 'object' ? placeKey(p) : '';
    if (!key || key === skipKey || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// "نُشر النص نفسه بحروفه أيضًا في: SITE (DATE)، SITE و٣٧ غيرها": the other
// places an exact copy of the text was ingested from (a stored article's
// `places`, a search hit's, a report member's `members[].places`), each site
// once and a link to its first place's address, three named and the other
// sites counted, as `mizan list` and `mizan search` name them; a story 40
// sites copied is not a 40-item line. skip: a place whose site's places are
// left out (a row's `copy_at` in a site's list: its line names that site).
// Nothing when there is none.
function placesNote(places, skip) {
  if (!Array.isArray(places)) return null;
  const sites = distinctPlaces(places, skip);
  if (!sites.length) return null;
  const more = sites.length - PLACES_NAMED;
  return el('p', { class: 'meta places' }, 'نُشر النص نفسه بحروفه أيضًا في: ',
    sites.slice(0, PLACES_NAMED).map((p, i) => [i ? '، ' : '', placeNodes(p)]),
    more > 0 ? ` و${num.format(more)} غيرها` : null);
}
