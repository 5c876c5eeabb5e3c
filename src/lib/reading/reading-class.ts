import type { ClassRow } from '../class-completion/class-access.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Reading, ReadingLookup } from './reading-list.ts';

/** The reading list of a reading class (classes.kind = 'reading'); NotFound for any other class. */
export function readingsOfClass(cls: Pick<ClassRow, 'kind' | 'reading_course_id'>, readingsOf: ReadingLookup): Reading[] {
  if (cls.kind !== 'reading' || !cls.reading_course_id) throw new NotFoundError('这个班次不是读书班，没有读书心得。');
  return readingsOf(cls.reading_course_id) ?? [];
}

/** The reading with this key on the list, else NotFound. */
export function requireReading(readings: Reading[], key: string): Reading {
  const reading = readings.find((r) => r.key === key);
  if (!reading) throw new NotFoundError('读书安排里没有这一篇读物。');
  return reading;
}

/** Notes are written only while the class is open; reviews may still finish after it closes. */
export function requireOpenForWriting(cls: Pick<ClassRow, 'status'>): void {
  if (cls.status !== 'open') throw new ConflictError('读书班已经结束，不能再修改或提交心得。');
}

/** The ledger's description of an approved note. */
export function noteCreditTitle(cls: Pick<ClassRow, 'title'>, reading: Pick<Reading, 'title'>): string {
  return `读书心得：${reading.title}（${cls.title}）`;
}
