/**
 * The browser script that starts GraphiQL, served as a file so the page's Content-Security-Policy needs no
 * inline script. It reads its settings from the page's JSON data block. Plain ES2017 without a build step.
 */
export const GRAPHIQL_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  // The dialogs' scroll lock (react-remove-scroll) adds a <style> element; it tags it with this nonce, which the
  // page's Content-Security-Policy allows for styles only.
  window.__webpack_nonce__ = config.styleNonce;
  var send = GraphiQL.createFetcher({ url: config.endpoint });

  // The headers pane starts with a note for people (a name starting with "//") and an empty Authorization, so
  // that it explains itself while still being valid JSON: neither is sent, and anonymous reads keep working.
  function sentHeaders(headers) {
    var result = {};
    Object.keys(headers || {}).forEach(function (name) {
      var value = headers[name];
      if (name.indexOf('//') === 0 || value === null || value === undefined || String(value).trim() === '') return;
      result[name] = String(value);
    });
    return result;
  }

  function fetcher(params, options) {
    return send(params, Object.assign({}, options, { headers: sentHeaders(options && options.headers) }));
  }

  // GraphiQL keeps tabs, history and the last variables in localStorage, and its history keeps headers even
  // when told not to persist them. Whatever it stores passes through here first: no header (a token) and no
  // value under a secret-looking name (a password in the Login tab's variables) reaches the disk.
  var SECRET = /password|secret|token/i;
  function scrubVariables(text) {
    var parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return SECRET.test(text) ? '' : text;
    }
    return JSON.stringify(blankSecrets(parsed), null, 2);
  }
  function blankSecrets(value) {
    if (Array.isArray(value)) return value.map(blankSecrets);
    if (!value || typeof value !== 'object') return value;
    var result = {};
    Object.keys(value).forEach(function (name) {
      result[name] = SECRET.test(name) && typeof value[name] === 'string' ? '' : blankSecrets(value[name]);
    });
    return result;
  }
  function scrubState(value) {
    if (Array.isArray(value)) return value.map(scrubState);
    if (!value || typeof value !== 'object') return value;
    var result = {};
    Object.keys(value).forEach(function (name) {
      var item = value[name];
      if (name === 'headers') result[name] = null;
      else if (name === 'variables' && typeof item === 'string') result[name] = scrubVariables(item);
      else result[name] = scrubState(item);
    });
    return result;
  }
  var NAMESPACE = 'graphiql:';
  var storage = {
    getItem: function (key) { return localStorage.getItem(key); },
    setItem: function (key, value) {
      if (/:headers$/.test(key)) return localStorage.removeItem(key);
      var stored = value;
      if (/:variables$/.test(key)) stored = scrubVariables(value);
      else {
        try {
          stored = JSON.stringify(scrubState(JSON.parse(value)));
        } catch (e) {
          stored = value;
        }
      }
      localStorage.setItem(key, stored);
    },
    removeItem: function (key) { localStorage.removeItem(key); },
    clear: function () {
      Object.keys(localStorage).forEach(function (key) {
        if (key.indexOf(NAMESPACE) === 0) localStorage.removeItem(key);
      });
    },
    get length() {
      return Object.keys(localStorage).filter(function (key) { return key.indexOf(NAMESPACE) === 0; }).length;
    },
  };

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs,
      defaultHeaders: config.headers,
      defaultEditorToolsVisibility: 'headers',
      storage: storage,
      shouldPersistHeaders: false,
    }),
  );
})();
`;

/** The page's own layout around GraphiQL: a short header line and GraphiQL filling the rest of the window. */
export const GRAPHIQL_PAGE_STYLE = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 14px/1.4 system-ui, sans-serif; }
.top { padding: 6px 12px; border-bottom: 1px solid #ddd; background: #f7f7f7; color: #222; }
.top a { color: #0b57d0; }
.top code { background: #ececec; border-radius: 3px; padding: 0 3px; }
#graphiql { flex: 1; min-height: 0; }
`;
