// ميزان — the other places an exact copy of an article was published
// (docs/json-schema.md `places`), named on one line as `mizan list` and
// `mizan search` name them (src/cli/places_line.c): each site once, the
// earliest recorded first, PLACES_NAMED of them, then «و N غيرها». Uses
// app.js's helpers (el, bdi, dirOf, safeUrl, publishedNode, num): classic
// scripts of one page.
'use strict';

const PLACES_NAMED = 3; // sites named on the line; the rest counted, as the CLI does

// The site rule of src/store/site.c (mz_site_of), which the CLI's line
// names each site once by: the registrable domain of a source or URL
// (m.almayadeen.net and https://www.almayadeen.net/x are one site;
// alquds.co.uk stays whole; a blog host's subdomain is its own site), with
// the account on a platform where accounts share the host
// (facebook.com/aljazeera). A name that is not a host is its own site.
// Lowercased: the key two places are compared by.
const COUNTRY_SLD = new Set(['ac', 'co', 'com', 'edu', 'gob', 'gov', 'mil', 'net', 'news', 'org',
  'info', 'sch']);
const SHARED_HOSTS = new Set(['blogspot', 'wordpress', 'tumblr', 'wixsite', 'github', 'weebly',
  'livejournal']);
const ACCOUNT_HOSTS = new Set(['facebook.com', 'fb.com', 'twitter.com', 'x.com', 'instagram.com',
  't.me', 'telegram.me', 'youtube.com', 'tiktok.com', 'threads.net']);

// The host of a source written as a URL or host:port (mz_url_host), and the
// text after it; a name that is not a host, whole, with nothing after.
function hostOf(src) {
  const scheme = src.indexOf('://');
  const rest = scheme >= 0 ? src.slice(scheme + 3) : src;
  const cut = rest.search(/[/?#]/);
  let host = cut >= 0 ? rest.slice(0, cut) : rest;
  host = host.slice(host.indexOf('@') + 1); // user:password@host
  const colon = host.indexOf(':');
  if (colon >= 0 && /^\d*$/.test(host.slice(colon + 1))) host = host.slice(0, colon); // a port
  host = host.replace(/(.)\.+$/, '$1'); // the DNS root's dot
  return host.includes('.') && !/[ :]/.test(host)
    ? [host, cut >= 0 ? rest.slice(cut) : ''] : [src, ''];
}

function registrable(host) {
  const labels = host.split('.');
  if (labels.length < 3 || /^[\d.]+$/.test(host)) return host;
  const keep = labels[labels.length - 1].length === 2 &&
    COUNTRY_SLD.has(labels[labels.length - 2].toLowerCase()) ? 3 : 2;
  let from = Math.max(0, labels.length - keep);
  if (SHARED_HOSTS.has(labels[from].toLowerCase())) from = Math.max(0, from - 1);
  return labels.slice(from).join('.');
}

function siteKey(src) {
  if (!src) return '';
  const [host, after] = hostOf(String(src));
  const site = registrable(host).toLowerCase();
  if (!ACCOUNT_HOSTS.has(site) || after[0] !== '/') return site;
  const seg = after.slice(1).split(/[/?#]/);
  if (!seg[0]) return site;
  // youtube.com/channel/ID, /c/name, /user/name: the name is the next one
  const prefix = /^(channel|user)$/i.test(seg[0]) || seg[0] === 'c';
  const account = prefix && after[1 + seg[0].length] === '/' && seg[1] ? `/${seg[0]}/${seg[1]}` : `/${seg[0]}`;
  return (site + account).toLowerCase();
}

// What a place is compared by (place_src): its source, else its URL.
const placeSrc = (p) => p.source || p.url || '';

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
// those of the site skip left out; as cli_print_place_sites counts them.
function distinctPlaces(places, skip) {
  const skipKey = skip ? siteKey(skip) : '';
  const seen = new Set();
  return places.filter((p) => {
    const key = p && typeof p === 'object' ? siteKey(placeSrc(p)) : '';
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
// sites copied is not a 40-item line. skip: a site whose places are left out
// (the site a list shows, which the row's `copy_at` line names already).
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
