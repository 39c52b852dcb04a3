/*
 * Test pages take their people from the query string, so the E2E suite can use whatever the
 * sandbox roster holds:
 *   n=<full name of a roster person> (repeatable: n0, n1, …)
 *   e=<e-mail address of a roster person> (e0, e1, …)
 *   o=<full name of someone NOT in the roster> (o0, o1, …)
 * Tokens {{n0}}, {{n0.first}}, {{n0.last}}, {{n0.upper}}, {{n0.lower}}, {{e0}}, {{o0}} in text,
 * href, title, value and the address attributes of web mail (email, data-hovercard-id) are replaced before the extension's content script runs (document_idle).
 */
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var lists = { n: query.getAll('n'), e: query.getAll('e'), o: query.getAll('o') };

  function value(token) {
    var m = /^([neo])(\d+)(?:\.(first|last|upper|lower))?$/.exec(token);
    if (!m) return null;
    var v = lists[m[1]][Number(m[2])];
    if (v === undefined) return null;
    var parts = v.split(' ');
    if (m[3] === 'first') return parts[0];
    if (m[3] === 'last') return parts.slice(1).join(' ');
    if (m[3] === 'upper') return v.toUpperCase();
    if (m[3] === 'lower') return v.toLowerCase();
    return v;
  }

  function fill(text) {
    return text.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, function (_, token) {
      var v = value(token);
      return v === null ? '' : v;
    });
  }

  function fillTree(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(function (t) {
      if (t.data.indexOf('{{') !== -1) t.data = fill(t.data);
    });
    var attrs = ['href', 'title', 'value', 'placeholder', 'email', 'data-hovercard-id'];
    var elements = root.querySelectorAll ? root.querySelectorAll('*') : [];
    Array.prototype.forEach.call(elements, function (el) {
      attrs.forEach(function (a) {
        var v = el.getAttribute(a);
        if (v && v.indexOf('{{') !== -1) el.setAttribute(a, fill(v));
      });
      if (el.localName === 'textarea' && el.value.indexOf('{{') !== -1) el.value = fill(el.value);
    });
  }

  window.lensFill = fill;
  window.lensFillTree = fillTree;
  window.lensPeople = lists;
  fillTree(document.body);
  document.documentElement.setAttribute('data-filled', 'true');
})();
