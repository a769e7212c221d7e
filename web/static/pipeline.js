// The pipeline board's drag and drop. Without it, every card's "Move to"
// form does the same; this only posts that form with the column dropped on.
// The server decides everything: a move it records answers with the board
// (whose <main> replaces ours), a move that needs an answer with its
// confirmation page (409), whose form is shown here in the board's dialog.
// Loaded on every page (htmx swaps pages without running their scripts), so
// it listens on the document and does nothing away from the board.
(function () {
  'use strict';
  let dragged = null;

  const column = (el) => (el instanceof Element ? el.closest('.column[data-stage]') : null);

  function clearTargets() {
    document.querySelectorAll('.column.is-target').forEach((c) => c.classList.remove('is-target'));
  }

  function showConfirm(doc) {
    const dialog = document.querySelector('dialog.move-dialog');
    const form = doc.querySelector('form.move-confirm');
    if (!dialog || !form) return false;
    dialog.replaceChildren(document.importNode(form, true));
    dialog.showModal();
    const first = dialog.querySelector('input:not([type=hidden]), button');
    if (first) first.focus();
    return true;
  }

  async function move(card, stage) {
    const form = card.querySelector('form.move');
    if (!form) return;
    const body = new URLSearchParams(new FormData(form));
    body.set('to', stage);
    card.classList.add('is-moving');
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        body,
        headers: { 'X-CSRF-Token': body.get('csrf') || '' },
        credentials: 'same-origin',
      });
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      if (res.status === 409 && showConfirm(doc)) return;
      const main = doc.querySelector('main');
      if (main) document.querySelector('main').replaceChildren(...[...main.childNodes].map((n) => document.importNode(n, true)));
    } catch (e) {
      // The network failed: let the form try, and show the result.
      if (form.elements.to) form.elements.to.value = stage;
      form.requestSubmit();
    } finally {
      card.classList.remove('is-moving');
    }
  }

  document.addEventListener('dragstart', (ev) => {
    const card = ev.target instanceof Element ? ev.target.closest('.card[data-contact]') : null;
    if (!card) return;
    dragged = card;
    ev.dataTransfer.effectAllowed = 'move';
    ev.dataTransfer.setData('text/plain', card.dataset.contact);
  });
  document.addEventListener('dragend', () => { dragged = null; clearTargets(); });
  document.addEventListener('dragover', (ev) => {
    const col = column(ev.target);
    if (!col || !dragged) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'move';
    if (!col.classList.contains('is-target')) {
      clearTargets();
      col.classList.add('is-target');
    }
  });
  document.addEventListener('drop', (ev) => {
    const col = column(ev.target);
    if (!col || !dragged) return;
    ev.preventDefault();
    const card = dragged;
    dragged = null;
    clearTargets();
    if (column(card) !== col) move(card, col.dataset.stage);
  });
  // The dialog's Cancel closes it instead of leaving the page.
  document.addEventListener('click', (ev) => {
    const cancel = ev.target instanceof Element ? ev.target.closest('dialog [data-cancel]') : null;
    if (!cancel) return;
    ev.preventDefault();
    cancel.closest('dialog').close();
  });
})();
