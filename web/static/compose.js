// The Compose page's one convenience: "Copy the message" puts the message on
// the clipboard. The button is hidden in the HTML and shown from here, so
// with JavaScript off the page offers only what works (the mailto: link).
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
      say('Copying is not available here: select the message and copy it yourself.');
      return;
    }
    navigator.clipboard.writeText(source.textContent).then(
      function () { say('Copied. Paste it into a new email.'); },
      function () { say('Could not copy: select the message and copy it yourself.'); });
  });
})();
