// The plain home page: the first plan's indicator system, read from the HTTP API. Chinese first, English on a switch.
const labels = {
  zh: { title: '规划监测评估平台', lang: 'English', head: ['类别', '序号', '指标名称', '基期值（年份）', '目标值（年份）', '指标属性'],
    cat: { overall: '总体指标', key_area: '重点领域指标' }, attr: { expected: '预期性', binding: '约束性' }, none: '—' },
  en: { title: 'Plan Monitor', lang: '中文', head: ['Category', 'No.', 'Indicator', 'Baseline (year)', 'Target (year)', 'Attribute'],
    cat: { overall: 'Overall', key_area: 'Key areas' }, attr: { expected: 'Expected', binding: 'Binding' }, none: '—' },
};
const comparatorEn = { at_least: 'at least', about: 'about', at_most: 'at most' };
let lang = 'zh';
let data = null;

function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  return td;
}

function render() {
  const l = labels[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.getElementById('title').textContent = l.title;
  document.getElementById('lang').textContent = l.lang;
  const head = document.getElementById('head');
  head.replaceChildren(...l.head.map((h) => { const th = document.createElement('th'); th.textContent = h; th.scope = 'col'; return th; }));
  if (!data) return;
  document.getElementById('plan').textContent = `${data.plan.name[lang]} · ${data.plan.issuer[lang]} · ${data.plan.period.start}–${data.plan.period.end}`;
  const rows = data.indicators.filter((i) => i.system).map((i) => {
    const tr = document.createElement('tr');
    const baseline = i.baseline ? `${i.baseline.value}${i.unit}（${i.baseline.year}）` : l.none;
    const t = i.target;
    const target = t ? (lang === 'zh' ? `${t.printed ?? t.value + i.unit}（${t.year}）` : `${comparatorEn[t.comparator]} ${t.value} ${i.unit} (${t.year})`) : l.none;
    tr.append(cell(l.cat[i.category] ?? i.category), cell(String(i.number ?? '')), cell(i.name[lang]), cell(baseline, 'num'), cell(target, 'num'), cell(l.attr[i.attribute]));
    return tr;
  });
  document.getElementById('rows').replaceChildren(...rows);
}

document.getElementById('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; render(); });

const plans = await (await fetch('/api/plans')).json();
if (plans.length > 0) {
  const plan = plans.find((p) => p.id === 'shenzhen-services-14th-fyp') ?? plans[0];
  const indicators = await (await fetch(`/api/plans/${encodeURIComponent(plan.id)}/indicators`)).json();
  data = { plan, indicators };
}
render();
