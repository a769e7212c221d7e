// The service worker: Rapport on a phone whose signal drops. Served at /sw.js
// (so that it controls every page), with the fingerprint of the embedded
// assets written into VERSION by the server: a new build is a new worker.
//
// - Assets (CSS, scripts, icons) come from the phone's cache first.
// - Pages come from the network; each page seen is kept (Today, meeting
//   mode, a person), and the pages the server lists at /api/v1/offline are
//   fetched ahead (the meetings of the next days). With no network, the
//   kept copy is shown with a banner that says it is offline and since when.
// - The forms that matter in a meeting (an answer, a note, Finish) and
//   Today's one-click actions, posted with no network, go to the outbox
//   (outbox.js, IndexedDB) and are sent once the network is back. Each
//   carries the write id the page made, so a retry is recorded once.
// - The API is never answered from the cache.
importScripts('/assets/outbox.js');

var VERSION = '__ASSETS__';
var ASSETS = 'rapport-assets-' + VERSION;
var PAGES = 'rapport-pages';
var ASSET_URLS = [
  '/assets/app.css', '/assets/htmx.min.js', '/assets/pipeline.js', '/assets/meeting.js',
  '/assets/offline.js', '/assets/outbox.js', '/assets/icon-192.png', '/manifest.webmanifest'
];
// The forms the outbox takes, by path.
var QUEUED = [
  [/^\/people\/(\d+)\/answers$/, 'answer'],
  [/^\/people\/(\d+)\/notes$/, 'note'],
  [/^\/people\/(\d+)\/meeting\/finish$/, 'finish'],
  [/^\/agenda\/do$/, 'action']
];
// A page that takes longer than this, when a copy is kept, shows the copy:
// a patchy network is worse than none.
var SLOW_MS = 6000;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(ASSETS).then(function (c) { return c.addAll(ASSET_URLS); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf('rapport-assets-') === 0 && k !== ASSETS;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function queuedKind(path) {
  for (var i = 0; i < QUEUED.length; i++) {
    var m = path.match(QUEUED[i][0]);
    if (m) return { kind: QUEUED[i][1], contact: m[1] || '' };
  }
  return null;
}

self.addEventListener('fetch', function (event) {
  var req = event.request;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === 'POST') {
    var q = queuedKind(url.pathname);
    if (q) event.respondWith(postOrKeep(req, url, q));
    return;
  }
  if (req.method !== 'GET' || url.pathname.indexOf('/api/') === 0) return;
  if (url.pathname.indexOf('/assets/') === 0 || url.pathname === '/manifest.webmanifest') {
    event.respondWith(caches.match(req).then(function (hit) { return hit || fetch(req); }));
    return;
  }
  var boosted = req.headers.get('HX-Boosted') === 'true';
  if (req.mode === 'navigate' || boosted) event.respondWith(page(req, url));
});

// ---- pages ----------------------------------------------------------------

function pageKey(url) { return url.pathname + url.search; }

function isPage(res) {
  return res && res.type === 'basic' && res.status === 200 &&
    (res.headers.get('Content-Type') || '').indexOf('text/html') === 0;
}

// Keeps a copy of a page, stamped with when it was fetched.
function keep(key, res) {
  return res.text().then(function (html) {
    var headers = new Headers(res.headers);
    headers.set('X-Rapport-Saved', new Date().toISOString());
    return caches.open(PAGES).then(function (c) {
      return c.put(key, new Response(html, { status: 200, headers: headers }));
    });
  });
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}

function when(iso) {
  var d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  return d.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short',
                                       hour: '2-digit', minute: '2-digit' });
}

// The kept copy, marked as such: a banner with the time it was fetched, and
// no flash message of the visit it was kept from.
function keptCopy(hit, why) {
  var saved = hit.headers.get('X-Rapport-Saved') || '';
  return hit.text().then(function (html) {
    var banner = '<div class="offline-banner" role="status" id="offline-banner"><p><strong>' +
      escapeHtml(why) + '</strong> This is the copy kept on this phone, from <time datetime="' +
      escapeHtml(saved) + '">' + escapeHtml(when(saved)) + '</time>. What you save here stays on ' +
      'this phone and is sent when you are back online.</p></div>';
    html = html.replace(/<div class="flash" role="status">[\s\S]*?<\/div>/, '')
      .replace('<main id="main" tabindex="-1">', function (m) { return m + banner; });
    return new Response(html, { status: 200, headers: hit.headers });
  });
}

function notKept(url) {
  var html = '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Offline · Rapport</title><link rel="stylesheet" href="/assets/app.css"></head>' +
    '<body><main id="main"><h1>You are offline</h1><p>This page (' + escapeHtml(url.pathname) +
    ') was not kept on this phone. Today and the meetings of the next days are: ' +
    '<a href="/">open Today</a>.</p></main></body></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8',
                                                      'Cache-Control': 'no-store' } });
}

function page(req, url) {
  var key = pageKey(url);
  var network = fetch(req).then(function (res) {
    if (isPage(res)) keep(key, res.clone());
    return res;
  });
  network.catch(function () {});  // answered below, from the kept copy
  return caches.open(PAGES).then(function (c) { return c.match(key); }).then(function (hit) {
    if (!hit) return network.catch(function () { return notKept(url); });
    var slow = new Promise(function (resolve) {
      setTimeout(function () { resolve('slow'); }, SLOW_MS);
    });
    return Promise.race([network, slow]).then(function (res) {
      if (res === 'slow') return keptCopy(hit.clone(), 'The network is slow.');
      return res;
    }, function () { return keptCopy(hit.clone(), 'Offline.'); });
  });
}

// Fetches and keeps the pages the server lists for offline use.
function keepAhead(pages) {
  return Promise.all((pages || []).map(function (p) {
    var url = new URL(p, self.location.origin);
    if (url.origin !== self.location.origin) return null;
    // Marked as a copy to keep: the server leaves the flash message (a
    // cookie read once) for the page the seeker is opening meanwhile.
    return fetch(url.href, { credentials: 'same-origin', headers: { 'X-Rapport-Keep': '1' } }).then(function (res) {
      if (isPage(res)) return keep(pageKey(url), res);
      return null;
    }).catch(function () { return null; });
  }));
}

// ---- the outbox -----------------------------------------------------------

function newId() {
  if (self.crypto && self.crypto.randomUUID) return self.crypto.randomUUID();
  var b = new Uint8Array(16);
  self.crypto.getRandomValues(b);
  return Array.prototype.map.call(b, function (x) { return (x < 16 ? '0' : '') + x.toString(16); }).join('');
}

// Where the seeker goes after a form kept on the phone: the page it was on.
function backFor(kind, contact, fields) {
  if (kind === 'action') return '/';
  if (fields.get('back') === 'person') return '/people/' + contact;
  return '/people/' + contact + '/meeting';
}

function tell(message) {
  return self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (list) {
    list.forEach(function (c) { c.postMessage(message); });
  });
}

// Posts the form; when the network fails, keeps it in the outbox and goes
// back to the page (an htmx request gets 204: the page shows what was kept).
function postOrKeep(req, url, q) {
  var copy = req.clone();
  return fetch(req).catch(function () {
    return copy.text().then(function (body) {
      var fields = new URLSearchParams(body);
      if (!fields.get('write_id')) {
        fields.set('write_id', newId());
        body = fields.toString();
      }
      // Finish pressed with no signal: the seeker chose the moment; the
      // server does not ask again ("the meeting has not started") on sync.
      if (q.kind === 'finish' && fields.get('early') !== 'yes') {
        fields.set('early', 'yes');
        body = fields.toString();
      }
      var item = { id: fields.get('write_id'), url: url.pathname, body: body, kind: q.kind,
                   contact: q.contact, page: backFor(q.kind, q.contact, fields), saved: Date.now() };
      return self.RapportOutbox.put(item).then(function () {
        tell({ type: 'kept', item: item });
        if (self.registration.sync) self.registration.sync.register('rapport-outbox').catch(function () {});
        if (req.headers.get('HX-Request') === 'true') return new Response(null, { status: 204 });
        return Response.redirect(new URL(item.page, self.location.origin).href, 303);
      });
    });
  });
}

// A new CSRF token (the server makes one each time it starts): every API
// answer carries it.
function freshToken() {
  return fetch('/api/v1/offline', { credentials: 'same-origin' }).then(function (res) {
    return res.headers.get('X-CSRF-Token');
  }, function () { return null; });
}

function textOf(html, pattern) {
  var m = html.match(pattern);
  return m ? m[1].replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim() : '';
}

// Sends one item. Resolves with { item, sent } or { item, refused: why }, or
// { later: true } when the network or the server cannot take it now.
function send(item, token, retried) {
  var body = item.body;
  if (token) {
    var f = new URLSearchParams(body);
    f.set('csrf', token);
    body = f.toString();
  }
  var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
  // An answer comes back as its question's block, which says when another
  // answer was saved elsewhere meanwhile.
  if (item.kind === 'answer') headers['HX-Request'] = 'true';
  return fetch(item.url, { method: 'POST', body: body, headers: headers, redirect: 'manual',
                           credentials: 'same-origin' }).then(function (res) {
    if (res.status === 403 && !retried) {
      return freshToken().then(function (t) {
        if (!t) return { later: true };
        item.body = (function () { var f = new URLSearchParams(item.body); f.set('csrf', t); return f.toString(); })();
        return send(item, null, true);
      });
    }
    if (res.type === 'opaqueredirect' || (res.status >= 200 && res.status < 300)) {
      var text = res.type === 'opaqueredirect' ? Promise.resolve('') : res.text();
      return text.then(function (html) {
        return self.RapportOutbox.remove(item.id).then(function () {
          return { item: item, sent: true, also: textOf(html, /class="hint also">([\s\S]*?)<\/p>/) };
        });
      });
    }
    if (res.status === 409) {  // recorded once already, and since undone or removed
      return self.RapportOutbox.remove(item.id).then(function () {
        return { item: item, sent: true, also: 'It had reached Rapport already, and was since undone or removed.' };
      });
    }
    if (res.status >= 400 && res.status < 500) {
      return res.text().then(function (html) {
        var why = textOf(html, /role="alert">([\s\S]*?)<\/p>/) ||
          textOf(html, /<main[^>]*>[\s\S]*?<p[^>]*>([\s\S]*?)<\/p>/) || 'Rapport could not take it';
        return self.RapportOutbox.refuse(item, why).then(function () { return { item: item, refused: why }; });
      });
    }
    return { later: true };
  }, function () { return { later: true }; });
}

var flushing = null;
// A request to send that came while a pass was under way (the page saying
// "online" while a pass begun offline is failing): one more pass after it.
var flushAgain = false;

// Sends the outbox, oldest first, one at a time; stops at the first that
// must wait. Tells the pages what happened.
function flush() {
  if (flushing) {
    flushAgain = true;
    return flushing;
  }
  flushing = self.RapportOutbox.all().then(function (items) {
    var results = [];
    function next(i) {
      if (i >= items.length) return results;
      return send(items[i], null, false).then(function (r) {
        if (r.later) return results;
        results.push(r);
        return next(i + 1);
      });
    }
    return next(0);
  }).then(function (results) {
    if (results.length) return tell({ type: 'sent', results: results }).then(function () { return results; });
    return results;
  }).then(function (r) {
    flushing = null;
    if (!flushAgain) return r;
    flushAgain = false;
    return flush();
  }, function (e) { flushing = null; flushAgain = false; throw e; });
  return flushing;
}

self.addEventListener('sync', function (event) {
  if (event.tag === 'rapport-outbox') event.waitUntil(flush());
});

self.addEventListener('message', function (event) {
  var m = event.data || {};
  if (m.type === 'flush') event.waitUntil(flush());
  if (m.type === 'keep') event.waitUntil(keepAhead(m.pages));
});
