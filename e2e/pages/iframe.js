(function () {
  'use strict';
  document.getElementById('child').src = 'frame-child.html' + location.search;
  var blank = document.getElementById('blank');
  var doc = blank.contentDocument;
  doc.open();
  doc.write(
    '<!doctype html><body style="font:16px system-ui"><p>Written into about:blank: <span data-expect="n2"></span></p></body>',
  );
  doc.close();
  doc.querySelector('span').textContent = window.lensPeople.n[2] || '';
})();
