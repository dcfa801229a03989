// The operations dashboard: fetches each chart's data from the staff dashboard API (the console's cookie signs the
// requests in) and draws it with Apache ECharts (loaded before this script from the ECharts WebJar). A change of any
// filter fetches and draws every chart again. Each chart element counts its draws in data-draws, and the rows it
// drew in data-rows, so a test (or a curious admin) can tell a drawn chart from a pending one.
(function () {
  'use strict';

  var API = '/api/v1/staff/dashboard/';
  var TIERS = { HIGH: '高风险', MEDIUM: '中风险', LOW: '低风险', NONE: '未评分' };
  var TIER_COLOURS = { HIGH: '#c23531', MEDIUM: '#e98f36', LOW: '#61a0a8', NONE: '#9ea7b1' };
  var charts = {};
  // each filter change is a generation; answers of an older one arriving late are dropped, not drawn over newer ones
  var generation = 0;

  function chart(name) {
    if (!charts[name]) {
      charts[name] = echarts.init(document.querySelector('[data-chart="' + name + '"]'));
    }
    return charts[name];
  }

  function query() {
    var params = new URLSearchParams();
    new FormData(document.getElementById('dashboard-filters')).forEach(function (value, key) {
      if (value) {
        params.append(key, value);
      }
    });
    return params.toString();
  }

  function load(path, search) {
    return fetch(API + path + (search ? '?' + search : ''), {
      headers: { Accept: 'application/json' }, credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (problem) {
          throw new Error(problem.detail || problem.title || response.status);
        });
      }
      return response.json();
    });
  }

  function draw(name, option, rows) {
    var element = document.querySelector('[data-chart="' + name + '"]');
    var instance = chart(name);
    option.tooltip = option.tooltip || { trigger: 'axis' };
    option.grid = option.grid || { left: 70, right: 60, top: 40, bottom: 40 };
    if (rows === 0) {
      option.title = { text: '无数据', left: 'center', top: 'middle', textStyle: { color: '#9ea7b1' } };
    }
    instance.setOption(option, true);
    element.dataset.rows = rows;
    element.dataset.draws = String(Number(element.dataset.draws || 0) + 1);
  }

  function column(rows, field) {
    return rows.map(function (row) { return row[field]; });
  }

  function distinct(values) {
    return values.filter(function (value, i) { return values.indexOf(value) === i; });
  }

  var renderers = {
    consumption: function (data) {
      var rows = data.rows;
      draw('consumption', {
        legend: { data: ['用电量 kWh', '去年同月 kWh'] },
        xAxis: { type: 'category', data: column(rows, 'period') },
        yAxis: { type: 'value' },
        series: [{ name: '用电量 kWh', type: 'bar', data: column(rows, 'kwh') },
          { name: '去年同月 kWh', type: 'line', data: column(rows, 'previousYearKwh') }]
      }, rows.length);
      draw('tiers', {
        legend: { data: ['第一档', '第二档', '第三档'] },
        xAxis: { type: 'category', data: column(rows, 'period') },
        yAxis: { type: 'value' },
        series: [['第一档', 'tier1Households'], ['第二档', 'tier2Households'], ['第三档', 'tier3Households']]
          .map(function (tier) {
            return { name: tier[0], type: 'bar', stack: 'tiers', data: column(rows, tier[1]) };
          })
      }, rows.length);
    },
    collection: function (data) {
      var rows = data.rows;
      draw('collection', {
        legend: { data: ['应收', '实收', '按期缴费率'] },
        xAxis: { type: 'category', data: column(rows, 'period') },
        yAxis: [{ type: 'value', name: '元' }, { type: 'value', name: '缴费率', min: 0, max: 1 }],
        series: [{ name: '应收', type: 'bar', data: column(rows, 'billed') },
          { name: '实收', type: 'bar', data: column(rows, 'collected') },
          { name: '按期缴费率', type: 'line', yAxisIndex: 1, data: column(rows, 'onTimeRate') }]
      }, rows.length);
    },
    arrears: function (data) {
      var rows = data.rows;
      var ages = ['0-30', '31-60', '61-90', '90+'];
      var tiers = distinct(column(rows, 'riskTier'));
      draw('arrears', {
        legend: { data: tiers.map(function (tier) { return TIERS[tier] || tier; }) },
        xAxis: { type: 'category', name: '逾期天数', data: ages },
        yAxis: { type: 'value', name: '元' },
        series: tiers.map(function (tier) {
          return {
            name: TIERS[tier] || tier, type: 'bar', stack: 'arrears', itemStyle: { color: TIER_COLOURS[tier] },
            data: ages.map(function (age) {
              var found = rows.filter(function (row) { return row.age === age && row.riskTier === tier; })[0];
              return found ? found.amount : 0;
            })
          };
        })
      }, rows.length);
    },
    'payment-channels': function (data) {
      var rows = data.rows;
      var periods = distinct(column(rows, 'period'));
      var channels = distinct(column(rows, 'channel'));
      draw('payment-channels', {
        legend: { type: 'scroll', data: channels },
        grid: { left: 70, right: 20, top: 50, bottom: 40 },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value', name: '笔数' },
        series: channels.map(function (channel) {
          return {
            name: channel, type: 'bar', stack: 'channels',
            data: periods.map(function (period) {
              var found = rows.filter(function (row) { return row.period === period && row.channel === channel; })[0];
              return found ? found.payments : 0;
            })
          };
        })
      }, rows.length);
    },
    outages: function (data) {
      var rows = data.rows;
      draw('outages', {
        legend: { data: ['户·分钟', '影响户数', '次数'] },
        xAxis: { type: 'category', data: column(rows, 'cause') },
        yAxis: [{ type: 'value', name: '户·分钟' }, { type: 'value', name: '户 / 次' }],
        series: [{ name: '户·分钟', type: 'bar', data: column(rows, 'customerMinutes') },
          { name: '影响户数', type: 'bar', yAxisIndex: 1, data: column(rows, 'customersAffected') },
          { name: '次数', type: 'line', yAxisIndex: 1, data: column(rows, 'outages') }]
      }, rows.length);
    },
    escalations: function (data) {
      var rows = data.rows;
      draw('escalations', {
        legend: { data: ['转人工', '时限内答复率', '平均评分'] },
        xAxis: { type: 'category', data: column(rows, 'day') },
        yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '达标率 / 评分', min: 0, max: 5 }],
        series: [{ name: '转人工', type: 'bar', data: column(rows, 'escalations') },
          { name: '时限内答复率', type: 'line', yAxisIndex: 1, data: column(rows, 'slaCompliance') },
          { name: '平均评分', type: 'line', yAxisIndex: 1, data: column(rows, 'averageRating') }]
      }, rows.length);
    }
  };

  function refresh() {
    var search = query();
    var mine = ++generation;
    var status = document.getElementById('dashboard-status');
    status.textContent = '加载中…';
    status.classList.remove('problem');
    var loads = Object.keys(renderers).map(function (path) {
      return load(path, search).then(function (data) {
        if (mine === generation) {
          renderers[path](data);
        }
        return data.refreshedAt;
      });
    });
    Promise.all(loads).then(function (refreshedAt) {
      if (mine !== generation) {
        return;
      }
      var at = refreshedAt.filter(Boolean).sort()[0];
      status.textContent = at ? '数据截至 ' + new Date(at).toLocaleString('zh-CN', { hour12: false }) : '尚未汇总';
    }).catch(function (failure) {
      if (mine !== generation) {
        return;
      }
      status.textContent = '无法加载：' + failure.message;
      status.classList.add('problem');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('dashboard-filters').addEventListener('change', refresh);
    document.getElementById('dashboard-filters').addEventListener('submit', function (event) {
      event.preventDefault();
      refresh();
    });
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (name) { charts[name].resize(); });
    });
    refresh();
  });
})();
