// Copy buttons (Compose's "Copy the message", the Calendar page's "Copy the
// address"): a button with data-copy="ID" puts the text of element ID (the
// value of a form field) on the clipboard and says so in element
// data-status, with the words of data-copied. The buttons are hidden in the
// HTML and shown from here, so with JavaScript off a page offers only what
// works.
(function () {
  function show(root) {
    root.querySelectorAll('[data-copy]').forEach(function (b) { b.hidden = false; });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { show(document); });
  } else {
    show(document);
  }
  document.addEventListener('htmx:load', function () { show(document); });
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-copy]');
    if (!button) return;
    var source = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.dataset.status);
    var say = function (text) { if (status) status.textContent = text; };
    if (!source || !navigator.clipboard) {
      say('Copying is not available here: select the text and copy it yourself.');
      return;
    }
    var field = source.tagName === 'INPUT' || source.tagName === 'TEXTAREA';
    var text = field ? source.value : source.textContent;
    navigator.clipboard.writeText(text).then(
      function () { say(button.dataset.copied || 'Copied.'); },
      function () { say('Could not copy: select the text and copy it yourself.'); });
  });
})();
