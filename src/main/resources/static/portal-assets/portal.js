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
          contact: 'Une question ? Écrivez à {email} ou appelez le {phone}.', locale: 'fr-FR',
          state: 'État', DISPUTED: 'contestée', PARTIALLY_PAID: 'payée en partie', OPEN: '', IN_PLAN: 'en échéancier',
          disputeTitle: 'Contester une facture',
          disputeIntro: 'Une facture vous semble erronée ? Dites-nous pourquoi : nous suspendons nos relances sur cette facture le temps de l’examiner. Joignez si besoin jusqu’à 3 pièces (PDF, PNG ou JPEG, 5 Mo chacune).',
          disputeInvoice: 'Facture', disputeCategory: 'Motif', disputeComment: 'Votre explication', disputeFiles: 'Pièces jointes',
          disputeSend: 'Envoyer la contestation', PRICING: 'Prix ou conditions commerciales', DELIVERY: 'Livraison ou quantités',
          QUALITY: 'Qualité ou défaut', ADMINISTRATIVE: 'Erreur sur la facture',
          disputeDone: 'Contestation enregistrée (n° {id}) : nos relances sur la facture {invoice} sont suspendues.',
          statement: 'Télécharger le relevé de compte (PDF)',
          paidTitle: 'Vous avez déjà payé ?',
          paidIntro: 'Indiquez-nous votre virement : nous le recherchons sur nos relevés et revenons vers vous s’il n’y figure pas.',
          paidOn: 'Payé le', paidAmount: 'Montant', paidReference: 'Référence du virement (facultatif)',
          paidInvoices: 'Factures réglées (facultatif)', paidSend: 'Signaler mon paiement',
          paidDone: 'Merci : votre paiement du {date} est signalé, nous le vérifions.',
          promiseTitle: 'Indiquer une date de paiement', promiseIntro: 'Dites-nous quand vous paierez : nous suspendons nos relances jusqu’à cette date.',
          promiseDate: 'Je paierai le', promiseAmount: 'Montant', promiseSend: 'Envoyer ma promesse',
          RECORDED: 'Merci : votre promesse de paiement est enregistrée, nos relances attendent cette date.',
          TO_REVIEW: 'Merci : votre proposition est transmise à notre service, qui vous répondra rapidement.',
          planTitle: 'Demander un échéancier', planIntro: 'Vous traversez une difficulté ? Proposez un paiement en plusieurs mensualités : notre service l’étudie et vous envoie un accord à signer.',
          planCount: 'Nombre de mensualités (2 à 12)', planFirst: 'Première mensualité le', planComment: 'Votre situation (facultatif)',
          planSend: 'Envoyer ma demande', planDone: 'Merci : votre demande d’échéancier est transmise à notre service.' },
    en: { title: 'Your account', intro: 'Your open invoices with {creditor} as of {date}.',
          invoicesTitle: 'Open invoices', lettersTitle: 'Letters sent',
          invoice: 'Invoice', issued: 'Issued', due: 'Due', amount: 'Amount', outstanding: 'Outstanding',
          daysLate: 'Days late', sentAt: 'Sent', letter: 'Letter', letterAmount: 'Amount stated',
          penalties: 'Penalties claimed', owed: 'Outstanding', overdue: 'Of which overdue',
          penaltiesClaimed: 'Penalties and compensation claimed', noInvoice: 'No open invoice: thank you.',
          pay: 'To pay: bank transfer to {creditor}, IBAN {iban}, quoting the invoice numbers.',
          contact: 'A question? Write to {email} or call {phone}.', locale: 'en-GB',
          state: 'Status', DISPUTED: 'disputed', PARTIALLY_PAID: 'partly paid', OPEN: '', IN_PLAN: 'in a payment plan',
          disputeTitle: 'Dispute an invoice',
          disputeIntro: 'Does an invoice look wrong? Tell us why: we stop our reminders on that invoice while we look into it. Attach up to 3 documents if needed (PDF, PNG or JPEG, 5 MB each).',
          disputeInvoice: 'Invoice', disputeCategory: 'Reason', disputeComment: 'Your explanation', disputeFiles: 'Attachments',
          disputeSend: 'Send the dispute', PRICING: 'Price or commercial terms', DELIVERY: 'Delivery or quantities',
          QUALITY: 'Quality or defect', ADMINISTRATIVE: 'Error on the invoice',
          disputeDone: 'Dispute recorded (no. {id}): our reminders on invoice {invoice} are on hold.',
          statement: 'Download the statement of account (PDF)',
          paidTitle: 'Already paid?',
          paidIntro: 'Tell us about your transfer: we look for it on our bank statements and come back to you if it is not there.',
          paidOn: 'Paid on', paidAmount: 'Amount', paidReference: 'Transfer reference (optional)',
          paidInvoices: 'Invoices paid (optional)', paidSend: 'Report my payment',
          paidDone: 'Thank you: your payment of {date} is reported; we are checking it.',
          promiseTitle: 'Tell us when you will pay', promiseIntro: 'Tell us when you will pay: we hold our reminders until that date.',
          promiseDate: 'I will pay on', promiseAmount: 'Amount', promiseSend: 'Send my promise',
          RECORDED: 'Thank you: your promise to pay is recorded; our reminders wait for that date.',
          TO_REVIEW: 'Thank you: your proposal goes to our team, who will answer you shortly.',
          planTitle: 'Ask for a payment plan', planIntro: 'Going through a difficult time? Offer to pay in monthly installments: our team looks into it and sends you an agreement to sign.',
          planCount: 'Number of monthly installments (2 to 12)', planFirst: 'First installment on', planComment: 'Your situation (optional)',
          planSend: 'Send my request', planDone: 'Thank you: your payment plan request goes to our team.' }
  };

  const token = location.pathname.split('/')[2];
  let words = WORDS.fr;

  /** The CSRF token Spring Security set as a cookie when the page was served, sent back as a header. */
  function csrf() {
    const found = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return found ? decodeURIComponent(found.substring('XSRF-TOKEN='.length)) : '';
  }

  /** What the server said, as text: a problem's detail and its per-field errors, or the plain message. */
  async function reason(response) {
    const text = await response.text();
    try {
      const problem = JSON.parse(text);
      const errors = (problem.errors || []).map(e => (e.value ? e.value + ' : ' : '') + e.reason);
      return [problem.detail || problem.title].concat(errors).filter(Boolean).join(' — ');
    } catch (notJson) {
      return text || String(response.status);
    }
  }

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
    words = w;
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
    document.querySelectorAll('[data-label]').forEach(element => { element.textContent = w[element.dataset.label]; });
    document.getElementById('statement').href = '/portal/' + encodeURIComponent(token) + '/statement.pdf';
    document.getElementById('dispute-title').textContent = w.disputeTitle;
    document.getElementById('dispute-intro').textContent = w.disputeIntro;
    const choices = account.invoices.filter(invoice => invoice.status !== 'DISPUTED').map(invoice => {
      const option = document.createElement('option');
      option.value = invoice.number;
      option.textContent = invoice.number + ' — ' + money(invoice.outstanding, invoice.currency);
      return option;
    });
    document.querySelector('#dispute select[name=invoiceNumber]').replaceChildren(...choices);
    document.querySelector('#paid select[name=invoiceNumbers]').replaceChildren(...account.invoices.map(invoice => {
      const option = document.createElement('option');
      option.value = invoice.number;
      option.textContent = invoice.number + ' — ' + money(invoice.outstanding, invoice.currency);
      return option;
    }));
    document.getElementById('paid').hidden = account.invoices.length === 0;
    document.getElementById('promise').hidden = account.invoices.length === 0;
    document.getElementById('plan').hidden = account.invoices.length === 0;
    document.getElementById('dispute').hidden = choices.length === 0;

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
        cell(invoice.daysLate > 0 ? String(invoice.daysLate) : '—', invoice.daysLate > 0 ? 'num late' : 'num'),
        cell(w[invoice.status] ?? invoice.status));
      tr.dataset.status = invoice.status;
      return tr;
    });
    if (!rows.length) {
      const tr = document.createElement('tr');
      const td = cell(w.noInvoice);
      td.colSpan = 7;
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

  /**
   * Sends one of the page's forms to /portal/{token}/{action} with the CSRF header, and says in {resultId} what
   * came of it: {done(answer, form)} gives the words of a success; a refusal shows the server's reasons.
   */
  function sends(formId, action, resultId, done) {
    document.getElementById(formId).addEventListener('submit', async event => {
      event.preventDefault();
      const form = event.target;
      const result = document.getElementById(resultId);
      const button = form.querySelector('button');
      button.disabled = true;
      document.body.dataset.state = 'sending';
      try {
        const response = await fetch('/portal/' + encodeURIComponent(token) + '/' + action, {
          method: 'POST', body: new FormData(form), credentials: 'same-origin',
          headers: { 'X-XSRF-TOKEN': csrf(), Accept: 'application/json' } });
        if (!response.ok) {
          result.className = 'refused';
          result.textContent = await reason(response);
          return;
        }
        const words = await done(await response.json(), form);
        form.reset();
        result.className = 'done';
        result.textContent = words;
      } catch (error) {
        result.className = 'refused';
        result.textContent = error.message;
      } finally {
        button.disabled = false;
        document.body.dataset.state = 'ready';
      }
    });
  }

  sends('dispute', 'disputes', 'dispute-result', async dispute => {
    // The invoice is disputed now: the page shows it so, and offers it no more.
    await load();
    return fill(words.disputeDone, { id: dispute.id, invoice: dispute.invoiceNumber });
  });
  sends('promise', 'promises', 'promise-result', answer => {
    document.getElementById('promise-result').dataset.status = answer.status;
    return words[answer.status];
  });
  sends('plan', 'plan-requests', 'plan-result', () => words.planDone);
  sends('paid', 'payment-announcements', 'paid-result', (answer, form) => fill(words.paidDone,
    { date: new Intl.DateTimeFormat(words.locale).format(new Date(form.elements.paidOn.value + 'T12:00:00')) }));

  load().catch(error => {
    const box = document.getElementById('error');
    box.textContent = error.message;
    box.hidden = false;
    document.body.dataset.state = 'error';
  });
})();
