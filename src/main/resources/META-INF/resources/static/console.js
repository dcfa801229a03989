// The staff console's only script: SLA countdowns and the FAQ entry form. Loaded from the console's own origin (the
// pages forbid inline scripts); it writes text only, never HTML.
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

  function faqEntryForm() {
    var form = document.getElementById('faq-entry');
    if (!form) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new FormData(form);
      var body = {
        topicId: data.get('topicId'),
        title: data.get('title'),
        answer: data.get('answer'),
        phrasings: String(data.get('phrasings') || '').split('\n').map(function (p) { return p.trim(); })
          .filter(function (p) { return p.length > 0; })
      };
      var result = document.getElementById('faq-entry-result');
      fetch(form.dataset.action, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
      }).then(function (response) {
        result.textContent = response.ok ? '已创建' : '未创建（' + response.status + '）';
      }, function () {
        result.textContent = '网络错误';
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    renderSla();
    renderTimes();
    setInterval(renderSla, 30000);
    faqEntryForm();
  });
})();
