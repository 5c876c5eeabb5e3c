import type { NoteStatus } from '../classes/classes.table.ts';
import { REVIEWABLE_STATUSES } from './review.ts';

/** The review list's status filter, as links on the page (`?status=`); anything unknown means 待审核. */
export const REVIEW_FILTERS = [
  { value: 'submitted', label: '待审核', statuses: ['submitted'], empty: '没有待审核的心得。' },
  { value: 'returned', label: '已退回', statuses: ['returned'], empty: '没有退回待修改的心得。' },
  { value: 'approved', label: '已通过', statuses: ['approved'], empty: '还没有通过的心得。' },
  { value: 'all', label: '全部', statuses: REVIEWABLE_STATUSES, empty: '还没有学员提交心得。' },
] as const satisfies ReadonlyArray<{ value: string; label: string; statuses: readonly NoteStatus[]; empty: string }>;

export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export function reviewFilterOf(value: string | null): ReviewFilter {
  return REVIEW_FILTERS.find((f) => f.value === value) ?? REVIEW_FILTERS[0];
}
