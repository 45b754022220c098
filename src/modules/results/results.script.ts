import {
  RESULTS_BREAKDOWN_QUERY,
  RESULTS_CYCLE_QUERY,
  RESULTS_LOGIN_MUTATION,
  RESULTS_MATRIX_QUERY,
} from './results.queries';
import { BREAKDOWN_SCRIPT } from './results.breakdown-script';
import { RECOMMENDATIONS_SCRIPT } from './results-recommendations.script';

/**
 * The browser script of the results page. It asks the GraphQL API for the comparison, so the page shows exactly
 * what the API's read rules let the reader see, and builds every node with textContent (never markup from data).
 * Plain ES2017 without a build step; it must contain no backtick, no dollar-brace and no closing script tag
 * (its queries are put in as JSON strings, which hold none).
 */
export const RESULTS_SCRIPT = `
(function () {
  'use strict';
  var TOKEN_KEY = 'indicators.results.token';
  var root = document.getElementById('results');
  var cycleCode = root.getAttribute('data-cycle-code');
  var $ = function (id) { return document.getElementById(id); };
  var table = $('matrix'), areaSelect = $('area'), form = $('sign-in'), signedIn = $('signed-in');
  var cycleId = null, cycleTitle = '', requestSeq = 0;
  var scoreLabels = ['Not in place', 'Partially in line with the standard', 'Largely in line with the standard',
    'Fully in line with the standard'];
  var REASONS = { NOT_APPLICABLE: ['n/a', 'not applicable', 'state-na'], NO_DATA: ['no data', 'no data available', 'state-nodata'] };
  var TRENDS = { IMPROVED: ['\\u25B2', 'improved'], DETERIORATED: ['\\u25BC', 'deteriorated'], NO_CHANGE: ['=', 'no change'] };
  var CYCLE_QUERY = ${JSON.stringify(RESULTS_CYCLE_QUERY)};
  var MATRIX_QUERY = ${JSON.stringify(RESULTS_MATRIX_QUERY)};
  var LOGIN_MUTATION = ${JSON.stringify(RESULTS_LOGIN_MUTATION)};
  var BREAKDOWN_QUERY = ${JSON.stringify(RESULTS_BREAKDOWN_QUERY)};

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] != null) node.setAttribute(k, String(attrs[k])); });
    (children || []).forEach(function (c) {
      if (c != null) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function langOf(t) {
    return t && t.locale ? t.locale.toLowerCase().replace('_latn', '-Latn').replace('_cyrl', '-Cyrl') : null;
  }
  function localized(t) { return el('span', { lang: langOf(t) }, [t ? t.text : '']); }
  function setText(id, value) { $(id).textContent = value; }
  function say(id, message, isError) { setText(id, message); $(id).classList.toggle('error', !!isError); }
  function token() { try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; } }
  function setToken(value) {
    try { if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* storage off */ }
  }

  function gql(query, variables) {
    var headers = { 'content-type': 'application/json', accept: 'application/json' };
    var sent = token();
    if (sent) headers.authorization = 'Bearer ' + sent;
    return fetch('/graphql', { method: 'POST', headers: headers, credentials: 'same-origin',
      body: JSON.stringify({ query: query, variables: variables }) })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        var errors = body.errors || [];
        var expired = errors.some(function (e) { return e.extensions && e.extensions.code === 'UNAUTHENTICATED'; });
        if (sent && expired) {
          setToken(null);
          showUser(null);
          say('sign-in-message', 'Your sign-in has expired: you now see the public view.', true);
          return gql(query, variables);
        }
        if (errors.length) throw new Error(errors.map(function (e) { return e.message; }).join(' '));
        return body.data;
      });
  }

  function showUser(user) {
    form.hidden = !!user;
    signedIn.hidden = !user;
    setText('user-name', user ? user.displayName + ' (' + user.role.toLowerCase().replace(/_/g, ' ') + ')' : '');
  }

  function renderCycle(cycle) {
    cycleTitle = cycle.title.text;
    var title = $('cycle-title');
    title.textContent = cycle.title.text;
    if (langOf(cycle.title)) title.setAttribute('lang', langOf(cycle.title));
    document.title = cycle.title.text + ' \\u2013 results';
    setText('cycle-status', cycle.status.charAt(0) + cycle.status.slice(1).toLowerCase());
    cycle.frameworkVersion.scoreLevels.forEach(function (level) {
      var target = level.value == null ? null : document.querySelector('[data-level="' + level.value + '"]');
      if (target) { target.textContent = level.label.text; scoreLabels[level.value] = level.label.text; }
    });
    var wanted = new URLSearchParams(location.search).get('area') || '';
    cycle.frameworkVersion.areas.forEach(function (pillar) {
      areaSelect.appendChild(el('option', { value: pillar.code }, [pillar.title.text]));
      pillar.subThemes.forEach(function (sub) {
        areaSelect.appendChild(el('option', { value: sub.code }, ['\\u2003' + sub.title.text]));
      });
    });
    areaSelect.value = wanted;
    if (areaSelect.value !== wanted) areaSelect.value = '';
    areaSelect.disabled = false;
  }

  function formatValue(value, answerType) {
    if (value == null) return '';
    if (answerType === 'BOOLEAN') return value === 'true' ? 'yes' : value === 'false' ? 'no' : value;
    if (answerType === 'PERCENT') return value + ' %';
    return value;
  }

  function renderCell(cell, indicator, countryName) {
    var cls = 'cell', label, detail = null, words = [];
    if (cell.state === 'HIDDEN') {
      cls += ' state-hidden'; label = 'not visible';
      detail = 'a result exists that you may not see yet (not approved or not published)';
    } else if (cell.state === 'NOT_ASSESSED') {
      cls += ' state-not-assessed'; label = 'not assessed'; detail = 'no assessment recorded';
    } else if (cell.score != null) {
      cls += ' score score-' + cell.score; label = String(cell.score); detail = scoreLabels[cell.score];
    } else if (REASONS[cell.notScoredReason]) {
      var reason = REASONS[cell.notScoredReason];
      cls += ' ' + reason[2]; label = reason[0]; detail = reason[1];
    } else {
      cls += ' value' + (indicator.answerType === 'TEXT' ? ' text' : '');
      label = formatValue(cell.value, indicator.answerType);
    }
    var td = el('td', { class: cls, 'data-country': cell.countryCode, 'data-state': cell.state, 'data-trend': cell.trend },
      [el('span', { class: 'label' }, [label])]);
    if (detail && cell.score != null) td.appendChild(el('span', { class: 'sr' }, [' \\u2013 ' + detail]));
    var trend = TRENDS[cell.trend];
    if (trend) {
      var since = cell.previousCycleCode ? ' since ' + cell.previousCycleCode + ' (was ' + cell.previousScore + ')' : '';
      td.appendChild(el('span', { class: 'trend', 'aria-hidden': 'true' }, [trend[0]]));
      td.appendChild(el('span', { class: 'sr' }, [' ' + trend[1] + since]));
      words.push(trend[1] + since);
    }
    if (detail) words.unshift(detail);
    if (cell.status) words.push('status: ' + cell.status.toLowerCase().replace(/_/g, ' '));
    td.setAttribute('title', countryName + ', ' + indicator.code + ': ' + label + (words.length ? ' \\u2013 ' + words.join('; ') : ''));
    return td;
  }

  function headingRow(cls, span, area, extra) {
    return el('tr', { class: cls }, [el('th', { scope: 'rowgroup', colspan: span },
      [el('span', { class: 'code' }, [area.code]), ' ', localized(area.title), extra || null])]);
  }

  function renderMatrix(comparison, area) {
    Array.prototype.slice.call(table.querySelectorAll('thead, tbody')).forEach(function (n) { n.remove(); });
    var names = {}, span = comparison.countries.length + 1;
    var head = el('tr', null, [el('th', { scope: 'col' }, ['Indicator'])]);
    comparison.countries.forEach(function (c) {
      names[c.code] = c.name.text;
      head.appendChild(el('th', { scope: 'col', 'data-country': c.code }, [localized(c.name), el('br'), el('span', { class: 'code' }, [c.code])]));
    });
    table.appendChild(el('thead', null, [head]));
    var pillarCode = null, groupCode = null, body = null;
    comparison.rows.forEach(function (row) {
      var indicator = row.indicator, own = indicator.area, pillar = own.parent || own;
      if (pillar.code !== pillarCode) {
        pillarCode = pillar.code; body = null;
        table.appendChild(el('tbody', { class: 'pillar', 'data-pillar': own.pillar }, [headingRow('pillar', span, pillar)]));
      }
      if (!body || own.code !== groupCode) {
        groupCode = own.code;
        body = el('tbody', { 'data-pillar': own.pillar, 'data-area': own.code }, own.parent ? [headingRow('subtheme', span, own)] : []);
        table.appendChild(body);
      }
      var tr = el('tr', { 'data-indicator': indicator.code, 'data-pillar': own.pillar },
        [el('th', { scope: 'row' }, [el('span', { class: 'code' }, [indicator.code]), ' ', localized(indicator.title)])]);
      row.cells.forEach(function (cell) { tr.appendChild(renderCell(cell, indicator, names[cell.countryCode] || cell.countryCode)); });
      body.appendChild(tr);
    });
    setText('caption', cycleTitle + ': each country\\u2019s result per indicator' + (area ? ' (area ' + area + ')' : ''));
    var edition = $('edition');
    edition.textContent = '';
    if (comparison.edition) {
      var date = new Date(comparison.edition.publishedAt);
      edition.appendChild(document.createTextNode('Edition ' + comparison.edition.number + ', published '));
      edition.appendChild(el('time', { datetime: comparison.edition.publishedAt },
        [date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })]));
    } else {
      edition.textContent = token() ? 'Live data: assessments as they stand now, not a published edition'
        : 'Not published yet: results become visible to the public once the cycle is published';
    }
    say('status', comparison.rows.length + ' indicators \\u00d7 ' + comparison.countries.length + ' countries');
    showBreakdownChoices(comparison);
    root.setAttribute('data-loaded-area', area || '');
    root.setAttribute('data-ready', 'true');
    root.removeAttribute('aria-busy');
  }

${BREAKDOWN_SCRIPT}

  function fail(error) {
    root.removeAttribute('aria-busy');
    root.setAttribute('data-ready', 'error');
    say('status', 'The results could not be loaded: ' + error.message, true);
  }

  function loadMatrix() {
    if (!cycleId) return Promise.resolve();
    var area = areaSelect.value || null, seq = ++requestSeq;
    root.setAttribute('aria-busy', 'true');
    root.setAttribute('data-ready', 'false');
    say('status', 'Loading the results\\u2026');
    return gql(MATRIX_QUERY, { cycleId: cycleId, areaCode: area }).then(function (data) {
      if (seq !== requestSeq) return;
      if (!data.comparison) throw new Error('the cycle no longer exists.');
      renderMatrix(data.comparison, area);
    }).catch(fail);
  }

${RECOMMENDATIONS_SCRIPT}
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var email = form.elements.namedItem('email').value, password = form.elements.namedItem('password').value;
    setToken(null);
    say('sign-in-message', 'Signing in\\u2026');
    gql(LOGIN_MUTATION, { input: { email: email, password: password } }).then(function (data) {
      var payload = data.login;
      if (!payload.token) {
        var problems = payload.userErrors.map(function (e) { return e.message; }).join(' ');
        say('sign-in-message', problems || 'Signing in failed.', true);
        return;
      }
      setToken(payload.token);
      form.reset();
      say('sign-in-message', '');
      showUser(payload.user);
      $('sign-out').focus();
      loadRecommendations();
      return loadMatrix();
    }).catch(function (error) { say('sign-in-message', error.message, true); });
  });

  $('sign-out').addEventListener('click', function () {
    setToken(null);
    showUser(null);
    $('email').focus();
    loadRecommendations();
    loadMatrix();
  });

  areaSelect.addEventListener('change', function () {
    var url = new URL(location.href);
    if (areaSelect.value) url.searchParams.set('area', areaSelect.value); else url.searchParams.delete('area');
    history.replaceState(null, '', url.pathname + url.search);
    loadMatrix();
  });

  root.setAttribute('aria-busy', 'true');
  gql(CYCLE_QUERY, { code: cycleCode }).then(function (data) {
    $('demo-banner').hidden = data.dataStatus !== 'DEMO';
    setText('funding', data.fundingStatement || '');
    $('funding').hidden = !data.fundingStatement;
    showUser(data.me);
    if (!data.cycle) {
      root.removeAttribute('aria-busy');
      root.setAttribute('data-ready', 'missing');
      say('status', 'There is no monitoring cycle with the code \\u201c' + cycleCode + '\\u201d.', true);
      return;
    }
    cycleId = data.cycle.id;
    renderCycle(data.cycle);
    loadRecommendations();
    return loadMatrix();
  }).catch(fail);
})();
`;
