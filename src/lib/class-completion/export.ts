import { CLASS_KIND_LABELS } from '../classes/classes.table.ts';
import { formatCode } from '../certificates/verification-code.ts';
import { fromTenths } from '../hours/units.ts';
import type { Column } from '../reports/export-columns.ts';
import { toXlsx } from '../reports/export-xlsx.ts';
import type { ClassCompletion, CompletionRow } from './completion.ts';

const HOURS = '0.0';
const PERCENT = '0.0%';
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/** One row per member: each criterion as numbers (so Excel sums and sorts them), then the result and why. */
export const COMPLETION_COLUMNS: Column<CompletionRow>[] = [
  { header: '姓名', value: (r) => r.name, width: 10 },
  { header: '登录名', value: (r) => r.login, width: 14 },
  { header: '单位', value: (r) => r.unitName, width: 18 },
  { header: '已举行集中学习（次）', value: (r) => r.facts.sessionsHeld, width: 12 },
  { header: '出勤（次）', value: (r) => r.facts.sessionsPresent, width: 10 },
  { header: '出勤率', value: (r) => share(r.facts.sessionsPresent, r.facts.sessionsHeld), width: 10, format: PERCENT },
  { header: '缺勤未请假（次）', value: (r) => r.outcome.absences, width: 12 },
  { header: '请假学时', value: (r) => fromTenths(r.facts.leaveTenths), width: 10, format: HOURS },
  { header: '集中学习总学时', value: (r) => fromTenths(r.facts.heldTenths), width: 12, format: HOURS },
  { header: '请假占比', value: (r) => share(r.facts.leaveTenths, r.facts.heldTenths), width: 10, format: PERCENT },
  { header: '心得通过（篇）', value: (r) => (r.facts.readingsTotal === null ? null : r.facts.notesApproved), width: 12 },
  { header: '应交心得（篇）', value: (r) => r.facts.readingsTotal, width: 12 },
  { header: '必修课程完成（门）', value: (r) => r.facts.courses.filter((c) => c.completed).length, width: 14 },
  { header: '必修课程（门）', value: (r) => r.facts.courses.length, width: 12 },
  { header: '测验通过（门）', value: (r) => r.facts.courses.filter((c) => c.hasQuiz && c.quizPassed).length, width: 12 },
  { header: '有测验的课程（门）', value: (r) => r.facts.courses.filter((c) => c.hasQuiz).length, width: 14 },
  { header: '本班所得学时', value: (r) => fromTenths(r.earnedTenths), width: 12, format: HOURS },
  { header: '是否结业', value: (r) => (r.outcome.completed ? '结业' : '未结业'), width: 10 },
  { header: '未结业原因', value: (r) => r.outcome.reasons.join('；'), width: 48 },
  { header: '结业证书验证码', value: (r) => (r.certificateCode ? formatCode(r.certificateCode) : ''), width: 18 },
];

/** The completion table as an .xlsx download (frozen header row, numbers as numbers). */
export async function completionWorkbook(report: ClassCompletion) {
  const body = await toXlsx([{ name: '结业情况', columns: COMPLETION_COLUMNS, rows: report.rows }]);
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `结业情况-${CLASS_KIND_LABELS[report.cls.kind]}-${report.cls.title}.xlsx`,
  };
}
