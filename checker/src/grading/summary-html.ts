import type { ClassResult } from './grade-class';
import { OUTPUT_FILES } from './output-files';
import { figures, LABELS, outcomeWord, percent, ruleStats } from './summary-data';

/** Markup already built by {@link html}: inserted as is. */
class Markup {
  constructor(readonly text: string) {}
}

/** Text as HTML: every character that could open markup or leave an attribute becomes an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A tagged template that escapes every interpolated value (strings, numbers, anything) unless it
 * is Markup this tag built, so no value reaches the page as markup by accident.
 */
function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let text = strings[0];
  values.forEach((value, index) => {
    const part = Array.isArray(value) ? value : [value];
    text += part.map((item) => (item instanceof Markup ? item.text : escapeHtml(String(item ?? '')))).join('\n');
    text += strings[index + 1];
  });
  return new Markup(text);
}

/** A link target for the page: http(s) and site paths only; anything else (javascript:, data:) is dropped. */
function safeHref(url: string): string {
  return /^(https?:\/\/|\/|#)/i.test(url) || /^[\w.-]+(\/[\w.@-]+)*(\.\w+)?(#[\w-]*)?$/.test(url) ? url : '#';
}

const STYLE =
  new Markup(`body { font-family: system-ui, "Noto Sans KR", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1b1f24; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d0d7de; vertical-align: middle; }
th[scope=row] { font-weight: normal; width: 40%; }
td.chart { width: 35%; }
.track { background: #eaeef2; border-radius: 3px; }
.bar { height: 1rem; border-radius: 3px; min-width: 2px; }
.bar.good { background: #2da44e; } .bar.fair { background: #d4a72c; } .bar.poor { background: #cf222e; } .bar.none { background: #d0d7de; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.counts, .meta { color: #57606a; font-size: .9em; }
td.no { color: #cf222e; } td.ERROR { color: #9a6700; font-weight: bold; } td.yes { color: #1a7f37; }`);

/** summary.html: one self-contained page (no network, no script) with a bar chart of pass rates per rule. */
export function summaryHtml(result: ClassResult): string {
  const lang = result.lang;
  const l = LABELS[lang];
  const f = figures(result);
  const bars = ruleStats(result).map((s) => {
    const width = s.passRate === null ? 0 : Math.round(s.passRate * 100);
    const tone = s.passRate === null ? 'none' : width >= 80 ? 'good' : width >= 50 ? 'fair' : 'poor';
    const counts = `${l.failed} ${s.counts.FAIL} · ${l.couldNot} ${s.counts.ERROR} · SKIP ${s.counts.SKIP}`;
    const label = s.guideUrl ? html`<a href="${safeHref(s.guideUrl)}">${s.title[lang]}</a>` : html`${s.title[lang]}`;
    return html`<tr>
      <th scope="row">${label}<br /><code>${s.ruleId}</code></th>
      <td class="chart">
        <div class="track"><div class="bar ${tone}" style="width:${width}%"></div></div>
      </td>
      <td class="num">${percent(s.passRate)}</td>
      <td class="counts">${counts}</td>
    </tr>`;
  });
  const students = result.students.map((o) => {
    const score = o.report ? `${o.report.score.points}/${o.report.score.maxPoints}` : '-';
    const word = outcomeWord(o);
    return html`<tr>
      <td><a href="${`${OUTPUT_FILES.students}/${encodeURIComponent(o.student.id)}.md`}">${o.student.id}</a></td>
      <td>${o.student.name}</td>
      <td class="num">${score}</td>
      <td class="${word}">${l.result0[word]}</td>
      <td>${o.report ? '' : (o.error?.[lang] ?? '')}</td>
    </tr>`;
  });
  const title = l.title(`${result.lab.title[lang]} (${result.lab.id})`);
  const progress =
    result.students.length < result.total ? html`<p><strong>${l.inProgress(result.students.length, result.total)}</strong></p>` : '';
  const average = f.averagePercent === null ? '-' : `${f.averagePercent}%`;
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
        <title>${title}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <h1>${title}</h1>
        ${progress}
        <p class="meta">
          ${l.graded(result.gradedAt, result.students.length)} · ${l.checker} ${result.checkerVersion} · ${l.ruleset}
          <code>${result.rulesetSha256.slice(0, 12)}</code> ·
          ${l.signed(result.signed)}${result.isolation ? ` · ${l.isolation[result.isolation]}` : ''}
        </p>
        <p>
          ${l.passedAll}: <strong>${f.passedAll}/${result.students.length}</strong> · ${l.average}: <strong>${average}</strong> ·
          ${l.errors}: <strong>${f.errors}</strong>
        </p>
        <h2>${l.chart}</h2>
        <table class="rules">
          <thead>
            <tr>
              <th>${l.rule}</th>
              <th>${l.passRate}</th>
              <th></th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${bars}
          </tbody>
        </table>
        <h2>${l.students}</h2>
        <table class="students">
          <thead>
            <tr>
              <th>${l.student}</th>
              <th>${l.name}</th>
              <th>${l.score}</th>
              <th>${l.result}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${students}
          </tbody>
        </table>
      </body>
    </html> `.text;
}
