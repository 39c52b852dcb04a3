/*
 * A hostile page script: it tries every way a page has to read what the hover card shows, and
 * writes what it found into #snoop-result as JSON:
 *   newText      text of every element the page did not create itself (light DOM)
 *   shadowText   text inside every shadow root it could reach (open ones, or ones captured by
 *                patching attachShadow before the extension ran)
 *   openShadow   tag names of added elements whose shadowRoot is readable
 *   addedTags    tag names of elements added by someone else
 *   highlights   names and range texts in CSS.highlights (which names are marked is visible to a page)
 *   pointText    what elementFromPoint/elementsFromPoint return over the card's area, as text
 * The test asserts that no card content (organization, "Open in Affinity", e-mail from the card)
 * appears in newText, shadowText or pointText.
 */
(function () {
  'use strict';
  var ownElements = new WeakSet();
  document.querySelectorAll('*').forEach(function (el) {
    ownElements.add(el);
  });
  var captured = [];
  var originalAttach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = originalAttach.call(this, Object.assign({}, init, { mode: 'open' }));
    captured.push(root);
    return root;
  };

  var found = { newText: [], shadowText: [], openShadow: [], addedTags: [], highlights: [], pointText: [] };
  var out = document.getElementById('snoop-result');

  function add(list, value) {
    if (value && list.indexOf(value) === -1) list.push(value);
  }

  function snoop() {
    document.querySelectorAll('*').forEach(function (el) {
      if (ownElements.has(el)) return;
      add(found.addedTags, el.localName);
      add(found.newText, (el.textContent || '').trim());
      if (el.shadowRoot) {
        add(found.openShadow, el.localName);
        add(found.shadowText, (el.shadowRoot.textContent || '').trim());
      }
      var rect = el.getBoundingClientRect();
      var points = [
        [rect.left + 20, rect.top + 20],
        [rect.left + rect.width / 2, rect.top + rect.height / 2],
      ];
      points.forEach(function (p) {
        document.elementsFromPoint(p[0], p[1]).forEach(function (hit) {
          if (!ownElements.has(hit)) add(found.pointText, (hit.textContent || '').trim());
        });
      });
    });
    captured.forEach(function (root) {
      add(found.shadowText, (root.textContent || '').trim());
    });
    if (window.CSS && CSS.highlights) {
      CSS.highlights.forEach(function (highlight, name) {
        highlight.forEach(function (range) {
          add(
            found.highlights,
            name + ': ' + (range.startContainer.data || '').slice(range.startOffset, range.endOffset),
          );
        });
      });
    }
    var text = JSON.stringify(found, null, 1);
    if (out.textContent !== text) out.textContent = text;
  }

  new MutationObserver(function (records) {
    // Its own report is not news.
    var others = records.filter(function (r) {
      return !out.contains(r.target);
    });
    if (others.length > 0) snoop();
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  });
  setInterval(snoop, 200);
  window.lensSnoop = function () {
    snoop();
    return found;
  };
})();
