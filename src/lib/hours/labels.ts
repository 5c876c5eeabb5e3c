import type { LedgerKind } from './hours.table.ts';

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  course: '网络课程',
  lecture: '干部大讲堂',
  reading: '读书班心得',
  adjustment: '组织部门调整',
};
