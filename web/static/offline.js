// Every page's side of working offline (the service worker is sw.js, the
// outbox outbox.js): registers the worker; gives each form the outbox can
// take a write id made here, so that however often it is sent it is
// recorded once; asks the worker to keep the pages of the next meetings;
// shows what is saved on this phone and not yet sent, and what was sent;
// and sends the outbox when the network comes back.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !window.RapportOutbox) return;
  var KEEP_EVERY_MS = 5 * 60 * 1000;
  var KEEP_KEY = 'rapport-kept-at';

  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {});

  function newId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return (x < 16 ? '0' : '') + x.toString(16); }).join('');
  }

  // Before htmx or the browser sends the form (capture phase, on window).
  window.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form || !form.dataset || !form.dataset.offline) return;
    var input = form.querySelector('input[name="write_id"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'write_id';
      form.appendChild(input);
    }
    input.value = newId();
  }, true);

  function worker(message) {
    navigator.serviceWorker.ready.then(function (reg) {
      if (reg.active) reg.active.postMessage(message);
    });
  }

  // Keeps Today and the pages of the next meetings on the phone: on Today,
  // and at most every few minutes from other pages.
  function keepAhead() {
    if (!navigator.onLine) return;
    var last = 0;
    try { last = Number(window.localStorage.getItem(KEEP_KEY)) || 0; } catch (e) { last = 0; }
    if (location.pathname !== '/' && Date.now() - last < KEEP_EVERY_MS) return;
    fetch('/api/v1/offline', { credentials: 'same-origin' }).then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (list) {
      if (!list) return;
      worker({ type: 'keep', pages: list.pages });
      try { window.localStorage.setItem(KEEP_KEY, String(Date.now())); } catch (e) { /* private mode */ }
    }).catch(function () {});
  }

  // ---- what the page shows ----

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function statusBox() {
    var box = document.getElementById('outbox-status');
    if (box) return box;
    var main = document.getElementById('main');
    if (!main) return null;
    box = el('div', 'outbox-status');
    box.id = 'outbox-status';
    box.setAttribute('role', 'status');
    var banner = document.getElementById('offline-banner');
    main.insertBefore(box, banner ? banner.nextSibling : main.firstChild);
    return box;
  }

  var KEPT = 'Saved on this phone; it will be sent when you are online.';

  function keptLine(label, text) {
    var p = el('p', 'kept');
    p.appendChild(el('strong', '', label));
    p.appendChild(document.createTextNode(' ' + KEPT + (text ? ' ' : '')));
    if (text) p.appendChild(el('span', 'kept-text', text));
    return p;
  }

  function showItem(item) {
    var f = new URLSearchParams(item.body);
    if (item.kind === 'answer') {
      var li = document.getElementById('question-' + f.get('question'));
      if (!li) return;
      var form = li.querySelector('form');
      li.insertBefore(keptLine('Answer:', f.get('text') || ''), form);
    } else if (item.kind === 'note') {
      var noteForm = document.querySelector('form[data-offline="note"]');
      if (!noteForm) return;
      var article = el('article', 'note kept-note');
      article.appendChild(keptLine('Note:', f.get('body') || ''));
      noteForm.parentNode.insertBefore(article, noteForm.nextSibling);
    } else if (item.kind === 'finish') {
      var finish = document.querySelector('form[data-offline="finish"]');
      if (!finish) return;
      finish.hidden = true;
      var fit = f.get('fit');
      finish.parentNode.insertBefore(keptLine('Finished' + (fit ? ' (fit ' + fit + ')' : '') + '.',
        'The thank-you draft opens once you are online.'), finish);
    } else if (item.kind === 'action') {
      var forms = document.querySelectorAll('form[data-offline="action"]');
      Array.prototype.forEach.call(forms, function (a) {
        var c = a.querySelector('input[name="contact"]');
        var k = a.querySelector('input[name="action"]');
        if (c && k && c.value === f.get('contact') && k.value === f.get('action')) {
          a.hidden = true;
          a.parentNode.insertBefore(keptLine('Done.'), a);
        }
      });
    }
  }

  function render() {
    Array.prototype.forEach.call(document.querySelectorAll('.kept, .kept-note'), function (e) {
      if (e.classList.contains('kept-note') || !e.closest('.kept-note')) e.remove();
    });
    Array.prototype.forEach.call(document.querySelectorAll('form[data-offline][hidden]'), function (f) {
      f.hidden = false;
    });
    return Promise.all([RapportOutbox.all(), RapportOutbox.refused()]).then(function (both) {
      var waiting = both[0];
      var refused = both[1];
      waiting.forEach(function (item) { if (item.page === location.pathname) showItem(item); });
      var box = statusBox();
      if (!box) return;
      box.querySelectorAll('.waiting, .refused').forEach(function (e) { e.remove(); });
      if (waiting.length) {
        box.appendChild(el('p', 'waiting', waiting.length === 1
          ? '1 thing saved on this phone is waiting to be sent.'
          : waiting.length + ' things saved on this phone are waiting to be sent.'));
      }
      refused.forEach(function (item) {
        var f = new URLSearchParams(item.body);
        var p = el('p', 'refused');
        p.appendChild(el('strong', '', 'Not sent: '));
        p.appendChild(document.createTextNode(item.why + ' '));
        var typed = f.get('text') || f.get('body') || f.get('note') || '';
        if (typed) p.appendChild(el('span', 'kept-text', '“' + typed + '” '));
        var b = el('button', 'secondary', 'Dismiss');
        b.type = 'button';
        b.addEventListener('click', function () { RapportOutbox.dismiss(item.id).then(render); });
        p.appendChild(b);
        box.appendChild(p);
      });
    });
  }

  var NAMES = { answer: ['an answer', ' answers'], note: ['a note', ' notes'],
                finish: ['the meeting’s finish', ' meeting finishes'], action: ['an action', ' actions'] };

  function sentSummary(results) {
    var counts = {};
    results.forEach(function (r) { if (r.sent) counts[r.item.kind] = (counts[r.item.kind] || 0) + 1; });
    var parts = Object.keys(NAMES).filter(function (k) { return counts[k]; }).map(function (k) {
      return counts[k] === 1 ? NAMES[k][0] : counts[k] + NAMES[k][1];
    });
    if (!parts.length) return '';
    var last = parts.pop();
    return 'Sent what you saved on this phone: ' + (parts.length ? parts.join(', ') + ' and ' : '') + last + '.';
  }

  function showSent(results) {
    var box = statusBox();
    if (!box) return;
    box.querySelectorAll('.sent').forEach(function (e) { e.remove(); });
    var summary = sentSummary(results);
    if (!summary) return;
    var p = el('p', 'sent', summary + ' ');
    var a = el('a', '', 'Show this page with them');
    a.href = location.pathname + location.search;
    p.appendChild(a);
    results.forEach(function (r) {
      if (r.sent && r.item.kind === 'finish') {
        p.appendChild(document.createTextNode(' · '));
        var t = el('a', '', 'Write the thank-you');
        t.href = '/compose?contact=' + encodeURIComponent(r.item.contact) + '&kind=thank_you';
        p.appendChild(t);
      }
    });
    box.appendChild(p);
    results.forEach(function (r) { if (r.also) box.appendChild(el('p', 'sent also', r.also)); });
  }

  navigator.serviceWorker.addEventListener('message', function (e) {
    var m = e.data || {};
    if (m.type === 'kept') {
      // A form kept by the worker came back as 204 (htmx): clear what was
      // typed, which is now shown as kept.
      var f = new URLSearchParams(m.item.body);
      var typed = null;
      if (m.item.kind === 'answer') {
        var li = document.getElementById('question-' + f.get('question'));
        typed = li && li.querySelector('textarea');
      } else if (m.item.kind === 'note') {
        typed = document.querySelector('form[data-offline="note"] textarea');
      }
      if (typed) typed.value = '';
      render();
    }
    if (m.type === 'sent') {
      render();
      showSent(m.results || []);
    }
  });

  function online() {
    worker({ type: 'flush' });
    keepAhead();
  }
  window.addEventListener('online', online);

  function init() {
    render();
    if (navigator.onLine) online();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
  // A page swapped in by htmx (a boosted link) shows its own kept items.
  document.addEventListener('htmx:afterSettle', function (e) {
    if (e.target === document.body) render();
  });
})();
