// The phone's outbox: forms saved while the network was down, kept in
// IndexedDB until the server has them. Shared by the pages (offline.js) and
// the service worker (sw.js loads it with importScripts), so both read and
// write the same store.
//
// An item: { id: the write's own id, made on the phone and sent with the
// form as write_id, so that sending it twice records it once; url: where the
// form posts; body: the form, url-encoded; kind: 'answer', 'note', 'finish'
// or 'action'; page: the page it was written on; saved: when (ms) }.
// Items the server refused (a mistake in the form, not the network) move to
// "refused", with the reason, until the seeker dismisses them: nothing typed
// is dropped without a word.
(function (scope) {
  'use strict';
  var NAME = 'rapport';
  var VERSION = 1;

  function open() {
    return new Promise(function (resolve, reject) {
      var req = scope.indexedDB.open(NAME, VERSION);
      req.onupgradeneeded = function () {
        var db = req.result;
        if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('refused')) db.createObjectStore('refused', { keyPath: 'id' });
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  // Runs `fn(stores)` in one transaction over `names`; resolves with what the
  // last request it returned gave.
  function run(names, mode, fn) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(names, mode);
        var result;
        var stores = {};
        names.forEach(function (n) { stores[n] = tx.objectStore(n); });
        var req = fn(stores);
        if (req) req.onsuccess = function () { result = req.result; };
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function oldestFirst(items) {
    return (items || []).sort(function (a, b) { return a.saved - b.saved; });
  }

  scope.RapportOutbox = {
    put: function (item) {
      return run(['outbox'], 'readwrite', function (s) { return s.outbox.put(item); });
    },
    all: function () {
      return run(['outbox'], 'readonly', function (s) { return s.outbox.getAll(); }).then(oldestFirst);
    },
    remove: function (id) {
      return run(['outbox'], 'readwrite', function (s) { return s.outbox.delete(id); });
    },
    // The server said no: keep it, with why, out of the queue.
    refuse: function (item, why) {
      return run(['outbox', 'refused'], 'readwrite', function (s) {
        s.outbox.delete(item.id);
        var copy = {};
        Object.keys(item).forEach(function (k) { copy[k] = item[k]; });
        copy.why = why;
        return s.refused.put(copy);
      });
    },
    refused: function () {
      return run(['refused'], 'readonly', function (s) { return s.refused.getAll(); }).then(oldestFirst);
    },
    dismiss: function (id) {
      return run(['refused'], 'readwrite', function (s) { return s.refused.delete(id); });
    }
  };
})(self);
