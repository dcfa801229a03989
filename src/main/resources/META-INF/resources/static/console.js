// The staff console's only script: SLA countdowns and local times. Loaded from the console's own origin (the pages
// forbid inline scripts); it writes text only, never HTML.
(function () {
  'use strict';

  function renderSla() {
    var now = Date.now();
    document.querySelectorAll('.sla[data-due]').forEach(function (el) {
      var minutes = Math.round((Date.parse(el.dataset.due) - now) / 60000);
      el.textContent = minutes >= 0 ? '剩余 ' + minutes + ' 分钟' : '已超时 ' + (-minutes) + ' 分钟';
      el.classList.toggle('late', minutes < 0);
    });
  }

  // Times arrive as ISO-8601 instants; staff read them in their own local time.
  function renderTimes() {
    document.querySelectorAll('time.at[datetime]').forEach(function (el) {
      var at = new Date(el.dateTime);
      if (!isNaN(at)) {
        el.textContent = at.toLocaleString('zh-CN', { hour12: false });
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    renderSla();
    renderTimes();
    setInterval(renderSla, 30000);
  });
})();
