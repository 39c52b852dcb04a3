/* Counts CSP violations into #csp-violations: the extension must not cause any. */
(function () {
  'use strict';
  var count = 0;
  var out = document.getElementById('csp-violations');
  var seen = [];
  document.addEventListener('securitypolicyviolation', function (event) {
    count += 1;
    seen.push(event.violatedDirective + ' ' + (event.blockedURI || ''));
    out.textContent = String(count);
    out.setAttribute('data-violations', JSON.stringify(seen));
  });
})();
