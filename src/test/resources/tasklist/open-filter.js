// Clicks a saved filter in Tasklist's left column and reports, in milliseconds, when its list is on screen: the
// first card reads as expected (arguments[1], or any card but the one shown before when null). Runs in the page,
// polling each frame, so the figure is what a collector waits, without the driver's round trips.
const done = arguments[arguments.length - 1];
const filterName = arguments[0];
const expectedFirst = arguments[1];
const link = [...document.querySelectorAll('div.task-filter h4 a')].find(a => a.textContent.trim().startsWith(filterName));
if (!link) {
  done(-2);
} else {
  const firstCard = () => document.querySelector('li.task h4 a');
  const before = firstCard() ? firstCard().textContent : null;
  const start = performance.now();
  link.click();
  (function poll() {
    const first = firstCard();
    const text = first ? first.textContent : null;
    if (text && (expectedFirst ? text.includes(expectedFirst) : text !== before)) {
      done(performance.now() - start);
    } else if (performance.now() - start > 30000) {
      done(-1);
    } else {
      requestAnimationFrame(poll);
    }
  })();
}
