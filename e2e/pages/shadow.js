/*
 * Custom elements with shadow roots, as web-component apps (Salesforce Lightning, Reddit, design
 * systems) build their pages. Names come from the query string through fill.js (`data-token`).
 *   <lens-owner>  open root: <p>Owner: <span class="name">{{token}}</span></p>
 *   <lens-nest>   open root holding <lens-bare>, whose open root holds the name as its own text
 *   <lens-frame>  open root with a border around a <slot> (the name stays in the light DOM)
 *   <lens-vault>  closed root: <p>Private: <span>{{token}}</span></p>
 *   <lens-later>  open root with the name, defined only by window.lensDefineLater() (an upgrade)
 * window.lensVaultText() reads the closed root's text (the page can, the extension cannot).
 */
(function () {
  'use strict';
  function name(element) {
    return window.lensFill('{{' + element.getAttribute('data-token') + '}}');
  }

  customElements.define(
    'lens-owner',
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: 'open' });
        var p = document.createElement('p');
        var span = document.createElement('span');
        span.className = 'name';
        span.textContent = name(this);
        p.append('Owner: ', span);
        root.append(p);
      }
    },
  );

  customElements.define(
    'lens-bare',
    class extends HTMLElement {
      connectedCallback() {
        if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).append(this.getAttribute('data-text'));
      }
    },
  );

  customElements.define(
    'lens-nest',
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: 'open' });
        var inner = document.createElement('lens-bare');
        inner.setAttribute('data-text', name(this));
        var div = document.createElement('div');
        div.append(inner);
        root.append(div);
      }
    },
  );

  customElements.define(
    'lens-frame',
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: 'open' });
        var div = document.createElement('div');
        div.style.border = '1px solid #888';
        div.append('Framed: ', document.createElement('slot'));
        root.append(div);
      }
    },
  );

  var vaults = [];
  customElements.define(
    'lens-vault',
    class extends HTMLElement {
      connectedCallback() {
        if (vaults.some((v) => v.host === this)) return;
        var root = this.attachShadow({ mode: 'closed' });
        var p = document.createElement('p');
        var span = document.createElement('span');
        span.textContent = name(this);
        p.append('Private: ', span);
        root.append(p);
        vaults.push(root);
      }
    },
  );

  // As an app whose element definitions load after its HTML: the upgrade attaches an open root and
  // renders into it, and nothing changes in the light DOM.
  window.lensDefineLater = function () {
    customElements.define(
      'lens-later',
      class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) return;
          var p = document.createElement('p');
          p.append('Joined later: ', name(this));
          this.attachShadow({ mode: 'open' }).append(p);
        }
      },
    );
  };

  window.lensVaultText = function () {
    return vaults.map((root) => root.textContent).join('\n');
  };
})();
