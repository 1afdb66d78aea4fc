// Clicks a saved filter in Tasklist's left column (arguments[0]) and reports, in milliseconds, when its list is on
// screen: the requests the click started have all answered and the first card is drawn (reading arguments[1] when
// given). Runs in the page, polling each frame, so the figure is what a collector waits, without the driver's round
// trips. -1: not shown within 30 s; -2: no such filter.
const done = arguments[arguments.length - 1];
const filterName = arguments[0];
const expectedFirst = arguments[1];
if (!window.encaisseRequests) {
  const requests = { started: 0, pending: 0 };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...body) {
    requests.started++;
    requests.pending++;
    this.addEventListener('loadend', () => requests.pending--);
    return send.apply(this, body);
  };
  window.encaisseRequests = requests;
}
const requests = window.encaisseRequests;
const link = [...document.querySelectorAll('div.task-filter h4 a')].find(a => a.textContent.trim().startsWith(filterName));
if (!link) {
  done(-2);
} else {
  const startedBefore = requests.started;
  const start = performance.now();
  link.click();
  (function poll() {
    const first = document.querySelector('li.task h4 a');
    const answered = requests.started > startedBefore && requests.pending === 0;
    if (answered && first && (!expectedFirst || first.textContent.includes(expectedFirst))) {
      done(performance.now() - start);
    } else if (performance.now() - start > 30000) {
      done(-1);
    } else {
      requestAnimationFrame(poll);
    }
  })();
}
