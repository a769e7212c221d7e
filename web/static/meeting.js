// Meeting mode's countdown: the agreed minutes, shown large; amber with
// five minutes left (time to ask whom else to meet), and a plain "time is
// up" at zero. The time left is always computed from Date.now() and the
// moment Start was pressed (kept in sessionStorage, so a reload or a saved
// note does not lose it), never by counting ticks, so a sleeping phone or a
// slow tab cannot make it drift. Without JavaScript the panel stays hidden
// and the page still shows the plan and the forms.
(function () {
  'use strict';
  var WARN_MS = 5 * 60 * 1000;
  var PROMPT_WARN = 'Five minutes left: ask whom else you should meet, and keep to the time you agreed.';
  var PROMPT_OVER = 'Time is up: thank them for their time, and offer to let them go.';

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function format(ms) {
    var secs = Math.max(0, Math.ceil(ms / 1000));
    return pad(Math.floor(secs / 60)) + ':' + pad(secs % 60);
  }

  function setup(panel) {
    if (!panel || panel.dataset.ready === '1') return;
    panel.dataset.ready = '1';
    var minutes = parseInt(panel.dataset.minutes, 10) || 30;
    var total = minutes * 60 * 1000;
    var key = 'rapport-meeting-' + panel.dataset.contact;
    var clock = panel.querySelector('#countdown');
    var prompt = panel.querySelector('#countdown-prompt');
    // One button (a hidden one would still be a control): Start, then Reset.
    var button = panel.querySelector('#countdown-button');
    var timer = null;

    function started() {
      var v = null;
      try { v = window.sessionStorage.getItem(key); } catch (e) { v = null; }
      var n = v === null ? NaN : Number(v);
      return isNaN(n) ? null : n;
    }
    function remember(v) {
      try {
        if (v === null) window.sessionStorage.removeItem(key);
        else window.sessionStorage.setItem(key, String(v));
      } catch (e) { /* private mode: the timer still runs for this page */ }
    }
    function say(text) { if (prompt.textContent !== text) prompt.textContent = text; }
    function label(running) {
      var text = running ? button.dataset.reset : button.dataset.start;
      if (button.textContent !== text) button.textContent = text;
      button.classList.toggle('secondary', running);
    }

    var since = started();
    function render() {
      if (!document.body.contains(panel)) { stop(); return; }
      if (since === null) {
        clock.textContent = format(total);
        clock.classList.remove('amber', 'over');
        say('');
        label(false);
        return;
      }
      var left = total - (Date.now() - since);
      clock.textContent = format(left);
      label(true);
      if (left <= 0) {
        clock.classList.remove('amber');
        clock.classList.add('over');
        say(PROMPT_OVER);
        stop();
      } else if (left <= WARN_MS) {
        clock.classList.add('amber');
        clock.classList.remove('over');
        say(PROMPT_WARN);
      } else {
        clock.classList.remove('amber', 'over');
        say('');
      }
    }
    function stop() {
      if (timer !== null) { window.clearInterval(timer); timer = null; }
    }
    function run() {
      stop();
      render();
      if (since !== null && total - (Date.now() - since) > 0) timer = window.setInterval(render, 250);
    }

    button.addEventListener('click', function () {
      if (since === null) {
        since = Date.now();
        remember(since);
        run();
      } else {
        since = null;
        remember(null);
        stop();
        render();
      }
    });
    var finish = document.getElementById('finish-form');
    if (finish) finish.addEventListener('submit', function () { remember(null); });

    panel.hidden = false;
    run();
  }

  function init() { setup(document.getElementById('countdown-panel')); }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
  // A page swapped in by htmx (a boosted form coming back here) gets a new panel.
  document.addEventListener('htmx:load', init);
})();
