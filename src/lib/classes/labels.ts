import { formatHours } from '../hours/units.ts';
import type { LiveStatus } from './attendance.ts';
import { formatPerMille, type LeaveShare } from './leave-rule.ts';

export const ROSTER_SOURCE_LABELS: Record<string, string> = { unit: '按单位', position: '按职务', single: '单个添加', import: '名单导入' };

/** "已签到（扫码）", "补签到", "请假", "缺席", "待签到". */
export function attendanceLabel(status: LiveStatus, method: 'qr' | 'manual' | null): string {
  if (status === 'present') return method === 'manual' ? '补签到' : '已签到（扫码）';
  return { leave: '请假', absent: '缺席', pending: '待签到' }[status];
}

/** What the manual entry's reason and recorder say, for tables: "原因；经办：姓名". */
export function attendanceNote(row: { reason: string; actorName: string | null }): string {
  return [row.reason, row.actorName && `经办：${row.actorName}`].filter(Boolean).join('；');
}

/** "请假 2 学时 / 共 14 学时（14.3%）". */
export function leaveShareText(share: LeaveShare): string {
  return `请假 ${formatHours(share.leaveTenths)} 学时 / 共 ${formatHours(share.totalTenths)} 学时（${formatPerMille(share.perMille)}）`;
}

/** The verdict of the 1/7 rule in words. */
export function leaveVerdict(share: LeaveShare): string {
  return share.withinLimit ? `未超过 1/7（最多可请假 ${formatHours(share.allowedTenths)} 学时）` : '超过总学时的 1/7，不能结业';
}
