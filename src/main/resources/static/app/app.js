// Shared by the Encaisse pages: calls to the JSON API (same login) and French formatting.
const Encaisse = (() => {
  const money = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const days = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

  async function get(path) {
    // From the origin, never from the page's address, which may carry user:password@ (Basic login).
    const response = await fetch(new URL(path, location.origin), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not JSON */ }
      const error = new Error(detail);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  /** 1234.5 -> "1 234,50 €" (no-break spaces), as a French spreadsheet writes it. */
  function euros(value, currency = 'EUR') {
    if (value === null || value === undefined) return '—';
    return money.format(Number(value)) + '\u00a0' + (currency === 'EUR' ? '€' : currency);
  }

  function number(value) {
    return value === null || value === undefined ? '—' : days.format(Number(value));
  }

  function date(iso) {
    if (!iso) return '—';
    const [y, m, d] = iso.substring(0, 10).split('-');
    return `${d}/${m}/${y}`;
  }

  function text(value) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  /** A table cell holding an amount: the figure as shown, and the API's value for checking. */
  function amountCell(value, currency) {
    const td = document.createElement('td');
    td.className = 'num';
    td.textContent = euros(value, currency);
    td.dataset.value = value === null || value === undefined ? '' : String(value);
    return td;
  }

  function cell(content, className) {
    const td = document.createElement('td');
    if (className) td.className = className;
    if (content instanceof Node) td.appendChild(content); else td.textContent = text(content);
    return td;
  }

  function row(...cells) {
    const tr = document.createElement('tr');
    cells.forEach(c => tr.appendChild(c));
    return tr;
  }

  function fail(error) {
    const box = document.getElementById('error');
    box.hidden = false;
    box.textContent = error.status === 404 ? error.message : `Erreur / Error: ${error.message}`;
    document.body.dataset.state = 'error';
  }

  return { get, euros, number, date, text, amountCell, cell, row, fail };
})();
