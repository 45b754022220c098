/**
 * The part of the results page's script that shows the breakdown of one indicator for one country: the reader
 * chooses both (or links to them with `?indicator=PROT-1.3&country=RS`), and the script reads the assessment's
 * breakdown through the API, which decides whether the reader gets exact values or suppressed cells. It runs inside
 * the page script (it uses its `el`, `gql`, `$` and `setText`), with the same rules: no backtick, no dollar-brace,
 * no closing script tag, nodes built with textContent only.
 */
export const BREAKDOWN_SCRIPT = `
  var breakdownIndicator = $('breakdown-indicator'), breakdownCountry = $('breakdown-country');
  var breakdownSection = $('breakdown'), breakdownRows = [], breakdownSeq = 0;

  function fillSelect(select, options, wanted, empty) {
    Array.prototype.slice.call(select.querySelectorAll('option')).forEach(function (o) { o.remove(); });
    if (empty) select.appendChild(el('option', { value: '' }, [empty]));
    options.forEach(function (o) { select.appendChild(el('option', { value: o[0] }, [o[1]])); });
    select.value = wanted || '';
    if (select.value !== (wanted || '')) select.value = empty ? '' : (options[0] ? options[0][0] : '');
    select.disabled = false;
  }

  function showBreakdownChoices(comparison) {
    var params = new URLSearchParams(location.search);
    breakdownRows = comparison.rows.filter(function (row) {
      return row.indicator.answerType === 'NUMBER' || row.indicator.answerType === 'PERCENT';
    });
    fillSelect(breakdownIndicator, breakdownRows.map(function (row) {
      return [row.indicator.code, row.indicator.code + ' ' + row.indicator.title.text];
    }), breakdownIndicator.value || params.get('indicator'), 'Choose an indicator');
    fillSelect(breakdownCountry, comparison.countries.map(function (c) { return [c.code, c.name.text]; }),
      breakdownCountry.value || params.get('country'), null);
    loadBreakdown();
  }

  function cellOf(table, codes) {
    return table.cells.filter(function (c) {
      return c.categories.every(function (k, i) { return k.code === codes[i]; });
    })[0];
  }

  function valueCell(cell, table, percent) {
    if (!cell) return el('td', { class: 'bd-value' }, ['']);
    if (cell.suppressed) {
      return el('td', { class: 'bd-value suppressed', 'data-suppressed': 'true',
        title: 'Suppressed: fewer than ' + table.minimumCount + ' people, or a cell that would give such a count away' },
        [el('span', { 'aria-hidden': 'true' }, ['\\u2022\\u2022']), el('span', { class: 'sr' }, ['suppressed'])]);
    }
    return el('td', { class: 'bd-value', 'data-suppressed': 'false' }, [String(cell.value) + (percent ? ' %' : '')]);
  }

  function renderBreakdownTable(table, percent) {
    var names = table.dimensions.map(function (d) { return d.title.text; });
    var caption = el('caption', null, ['By ' + names.join(' \\u00d7 ')]);
    var node = el('table', { class: 'breakdown-table', 'data-dimensions': table.dimensionCodes.join('|') }, [caption]);
    var first = [], second = [];
    table.cells.forEach(function (c) {
      if (!first.some(function (k) { return k.code === c.categories[0].code; })) first.push(c.categories[0]);
      if (c.categories[1] && !second.some(function (k) { return k.code === c.categories[1].code; })) second.push(c.categories[1]);
    });
    var head = el('tr', null, [el('th', { scope: 'col' }, [names[0]])]);
    if (second.length) second.forEach(function (k) { head.appendChild(el('th', { scope: 'col' }, [k.title.text])); });
    else head.appendChild(el('th', { scope: 'col' }, [percent ? 'Percentage' : 'Count']));
    node.appendChild(el('thead', null, [head]));
    var body = el('tbody');
    first.forEach(function (k) {
      var tr = el('tr', { 'data-category': k.code }, [el('th', { scope: 'row' }, [k.title.text])]);
      if (second.length) second.forEach(function (j) { tr.appendChild(valueCell(cellOf(table, [k.code, j.code]), table, percent)); });
      else tr.appendChild(valueCell(cellOf(table, [k.code]), table, percent));
      body.appendChild(tr);
    });
    node.appendChild(body);
    return node;
  }

  function breakdownDone(state, message) {
    setText('breakdown-status', message);
    breakdownSection.setAttribute('data-ready', state);
  }

  function loadBreakdown() {
    var code = breakdownIndicator.value, country = breakdownCountry.value, seq = ++breakdownSeq;
    var target = $('breakdown-tables');
    target.textContent = '';
    var url = new URL(location.href);
    if (code) { url.searchParams.set('indicator', code); url.searchParams.set('country', country); }
    else { url.searchParams.delete('indicator'); url.searchParams.delete('country'); }
    history.replaceState(null, '', url.pathname + url.search);
    if (!code) return breakdownDone('true', 'Choose an indicator to see its breakdown.');
    var row = breakdownRows.filter(function (r) { return r.indicator.code === code; })[0];
    var cell = row && row.cells.filter(function (c) { return c.countryCode === country; })[0];
    if (!cell || !cell.assessmentId)
      return breakdownDone('true', 'There is no result of ' + code + ' for ' + country + ' that you may see.');
    breakdownSection.setAttribute('data-ready', 'false');
    setText('breakdown-status', 'Loading the breakdown\\u2026');
    gql(BREAKDOWN_QUERY, { id: cell.assessmentId }).then(function (data) {
      if (seq !== breakdownSeq) return;
      var tables = data.assessment ? data.assessment.breakdown : [];
      if (!tables.length) return breakdownDone('true', code + ' has no breakdown for ' + country + '.');
      var percent = row.indicator.answerType === 'PERCENT';
      tables.forEach(function (t) { target.appendChild(renderBreakdownTable(t, percent)); });
      var hidden = tables.reduce(function (n, t) { return n + t.cells.filter(function (c) { return c.suppressed; }).length; }, 0);
      breakdownDone('true', tables[0].exact
        ? 'Exact values: you see them as a partner of the country or as the reviewer.'
        : hidden + ' cell(s) suppressed (\\u2022\\u2022): counts from 1 to ' + (tables[0].minimumCount - 1) +
          ', and cells that would give them away.');
    }).catch(function (error) {
      if (seq === breakdownSeq) breakdownDone('error', 'The breakdown could not be loaded: ' + error.message);
    });
  }

  breakdownIndicator.addEventListener('change', loadBreakdown);
  breakdownCountry.addEventListener('change', loadBreakdown);
`;
