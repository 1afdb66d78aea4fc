// The customer's page: what it owes and what was sent to it, read from /portal/{token}/account.
// French first; English when the customer's language is English. Text only (textContent): nothing read is markup.
(() => {
  const WORDS = {
    fr: { title: 'Votre compte', intro: 'Situation au {date} de vos factures ouvertes auprès de {creditor}.',
          invoicesTitle: 'Factures ouvertes', lettersTitle: 'Courriers envoyés',
          invoice: 'Facture', issued: 'Émise le', due: 'Échéance', amount: 'Montant TTC', outstanding: 'Reste dû',
          daysLate: 'Jours de retard', sentAt: 'Envoyé le', letter: 'Courrier', letterAmount: 'Montant rappelé',
          penalties: 'Pénalités réclamées', owed: 'Reste dû', overdue: 'Dont échu',
          penaltiesClaimed: 'Pénalités et indemnités réclamées', noInvoice: 'Aucune facture ouverte : merci.',
          pay: 'Pour régler : virement à {creditor}, IBAN {iban}, en indiquant les numéros de facture.',
          contact: 'Une question ? Écrivez à {email} ou appelez le {phone}.', locale: 'fr-FR' },
    en: { title: 'Your account', intro: 'Your open invoices with {creditor} as of {date}.',
          invoicesTitle: 'Open invoices', lettersTitle: 'Letters sent',
          invoice: 'Invoice', issued: 'Issued', due: 'Due', amount: 'Amount', outstanding: 'Outstanding',
          daysLate: 'Days late', sentAt: 'Sent', letter: 'Letter', letterAmount: 'Amount stated',
          penalties: 'Penalties claimed', owed: 'Outstanding', overdue: 'Of which overdue',
          penaltiesClaimed: 'Penalties and compensation claimed', noInvoice: 'No open invoice: thank you.',
          pay: 'To pay: bank transfer to {creditor}, IBAN {iban}, quoting the invoice numbers.',
          contact: 'A question? Write to {email} or call {phone}.', locale: 'en-GB' }
  };

  const token = location.pathname.split('/')[2];

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? '');
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  async function load() {
    const response = await fetch('/portal/' + encodeURIComponent(token) + '/account',
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(await response.text());
    const account = await response.json();
    const w = WORDS[account.language === 'en' ? 'en' : 'fr'];
    document.documentElement.lang = account.language === 'en' ? 'en' : 'fr';
    const money = (value, currency) => new Intl.NumberFormat(w.locale, { style: 'currency', currency: currency || 'EUR' })
      .format(Number(value || 0));
    const day = iso => iso ? new Intl.DateTimeFormat(w.locale).format(new Date(iso.length === 10 ? iso + 'T12:00:00' : iso)) : '—';

    document.title = w.title + ' — ' + account.creditorName;
    document.getElementById('creditor').textContent = account.creditorName;
    document.getElementById('title').textContent = w.title + ' — ' + account.customerName;
    document.getElementById('intro').textContent = fill(w.intro, { date: day(account.asOf), creditor: account.creditorName });
    document.getElementById('invoices-title').textContent = w.invoicesTitle;
    document.getElementById('letters-title').textContent = w.lettersTitle;
    document.querySelectorAll('th[data-label]').forEach(th => { th.textContent = w[th.dataset.label]; });

    document.getElementById('totals').replaceChildren(...account.totals.flatMap(total =>
      [['owed', total.outstanding], ['overdue', total.overdue], ['penaltiesClaimed', total.penaltiesClaimed]]
        .map(([label, value]) => {
          const box = document.createElement('div');
          box.className = 'total';
          const name = document.createElement('div');
          name.className = 'label';
          name.textContent = w[label];
          const shown = document.createElement('div');
          shown.className = 'value';
          shown.textContent = money(value, total.currency);
          shown.dataset.figure = total.currency + '.' + label;
          shown.dataset.value = String(value);
          box.append(name, shown);
          return box;
        })));

    const rows = account.invoices.map(invoice => {
      const tr = document.createElement('tr');
      tr.dataset.invoice = invoice.number;
      tr.append(cell(invoice.number), cell(day(invoice.issueDate)), cell(day(invoice.dueDate)),
        cell(money(invoice.amount, invoice.currency), 'num'), cell(money(invoice.outstanding, invoice.currency), 'num'),
        cell(invoice.daysLate > 0 ? String(invoice.daysLate) : '—', invoice.daysLate > 0 ? 'num late' : 'num'));
      return tr;
    });
    if (!rows.length) {
      const tr = document.createElement('tr');
      const td = cell(w.noInvoice);
      td.colSpan = 6;
      tr.append(td);
      rows.push(tr);
    }
    document.querySelector('#invoices tbody').replaceChildren(...rows);

    document.querySelector('#letters tbody').replaceChildren(...account.letters.map(letter => {
      const tr = document.createElement('tr');
      const penalties = Number(letter.interestClaimed || 0) + Number(letter.compensationClaimed || 0);
      tr.append(cell(day(letter.sentAt)), cell(letter.subject || ''), cell(money(letter.totalOutstanding, letter.currency), 'num'),
        cell(penalties > 0 ? money(penalties, letter.currency) : '—', 'num'));
      return tr;
    }));
    document.getElementById('pay').textContent = account.creditorIban
      ? fill(w.pay, { creditor: account.creditorName, iban: account.creditorIban }) : '';
    document.getElementById('contact').textContent = fill(w.contact,
      { email: account.creditorEmail || '', phone: account.creditorPhone || '' });
    document.body.dataset.state = 'ready';
  }

  load().catch(error => {
    const box = document.getElementById('error');
    box.textContent = error.message;
    box.hidden = false;
    document.body.dataset.state = 'error';
  });
})();
