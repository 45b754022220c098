import { RESULTS_RECOMMENDATIONS_QUERY } from './results.queries';

/**
 * The part of the results page's script that shows the recommendations followed up in the cycle, put into
 * RESULTS_SCRIPT where its helpers (`el`, `localized`, `gql`, `say`, `cycleId`) are in scope. The same rules hold:
 * no backtick, no dollar-brace, no closing script tag, nodes built with textContent only.
 */
export const RECOMMENDATIONS_SCRIPT = `
  var RECOMMENDATIONS_QUERY = ${JSON.stringify(RESULTS_RECOMMENDATIONS_QUERY)};
  var FOLLOW_UP_LABELS = { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress',
    PARTIALLY_IMPLEMENTED: 'Partially implemented', IMPLEMENTED: 'Implemented', NO_LONGER_RELEVANT: 'No longer relevant' };
  var recommendationsSeq = 0;

  // One table per country: each recommendation followed up in the cycle, with the status of that follow-up.
  function renderRecommendations(connection) {
    var list = $('recommendation-list'), section = $('recommendations');
    list.textContent = '';
    var byCountry = {}, order = [];
    connection.nodes.forEach(function (r) {
      if (!byCountry[r.country.code]) { byCountry[r.country.code] = []; order.push(r.country); }
      byCountry[r.country.code].push(r);
    });
    order.forEach(function (country) {
      var rows = byCountry[country.code].map(function (r) {
        var followUp = r.followUps.filter(function (f) { return f.cycle.id === cycleId; })[0];
        var status = followUp ? followUp.implementationStatus : null;
        return el('tr', { 'data-recommendation': r.id }, [
          el('td', {}, [r.sourceBody + ' ' + r.source.year + ', ' + r.reference]),
          el('td', {}, [localized(r.text)]),
          el('td', { 'class': 'follow-up', 'data-status': status || '' },
            [status ? FOLLOW_UP_LABELS[status] || status : 'no follow-up']),
        ]);
      });
      var caption = el('caption', {}, [localized(country.name),
        ': ' + rows.length + (rows.length === 1 ? ' recommendation' : ' recommendations')]);
      list.appendChild(el('table', { 'class': 'recommendations', 'data-country': country.code }, [caption,
        el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, ['Source']),
          el('th', { scope: 'col' }, ['Recommendation']), el('th', { scope: 'col' }, ['Follow-up in this cycle'])])]),
        el('tbody', {}, rows)]));
    });
    setText('recommendations-status', connection.totalCount === 0
      ? 'No recommendation has a follow-up in this cycle that you may see.'
      : connection.totalCount + ' recommendations in ' + order.length + ' countries' +
        (connection.totalCount > connection.nodes.length ? ' (the first ' + connection.nodes.length + ' shown)' : ''));
    section.setAttribute('data-ready', 'true');
  }

  function loadRecommendations() {
    if (!cycleId) return Promise.resolve();
    var seq = ++recommendationsSeq, section = $('recommendations');
    section.setAttribute('data-ready', 'false');
    return gql(RECOMMENDATIONS_QUERY, { cycleId: cycleId }).then(function (data) {
      if (seq === recommendationsSeq) renderRecommendations(data.recommendations);
    }).catch(function (error) {
      section.setAttribute('data-ready', 'error');
      say('recommendations-status', 'The recommendations could not be loaded: ' + error.message, true);
    });
  }

`;
