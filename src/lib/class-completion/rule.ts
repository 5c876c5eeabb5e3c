import type { ClassKind } from '../classes/classes.table.ts';
import { formatHours } from '../hours/units.ts';
import { LEAVE_SHARE_LIMIT, leaveExceedsLimit, maxLeaveTenths } from '../classes/leave-rule.ts';

/**
 * When a cadre completes (结业) a class. One explicit rule object per class kind, so the page, the
 * export and the certificate all apply the same thing and a trainer can read it (describeRule).
 */
export interface CompletionRule {
  /** Every course assigned to the class (class_courses) completed: lessons studied and quiz passed. */
  requireCoursesCompleted: boolean;
  /** Every quiz of those courses passed (enrollments.quiz_passed_at); named apart so the reason says "quiz". */
  requireQuizzesPassed: boolean;
  /** Leave over this share of the hours of the sessions held fails; exactly the share passes (条例: 1/7). */
  maxLeaveShare: { numerator: number; denominator: number };
  /** Sessions held and missed without leave (缺勤未请假) that are still tolerated. */
  maxUnexcusedAbsences: number;
  /** Reading classes: every reading on the list has an approved note. */
  requireAllNotesApproved: boolean;
}

const BASE_RULE: CompletionRule = {
  requireCoursesCompleted: true,
  requireQuizzesPassed: true,
  maxLeaveShare: LEAVE_SHARE_LIMIT,
  maxUnexcusedAbsences: 0,
  requireAllNotesApproved: false,
};

/** The rule of a kind of class: a reading class also needs every note approved. */
export function ruleFor(kind: ClassKind): CompletionRule {
  return kind === 'reading' ? { ...BASE_RULE, requireAllNotesApproved: true } : BASE_RULE;
}

/** The rule in sentences, for the completion page. */
export function describeRule(rule: CompletionRule): string[] {
  const lines: string[] = [];
  lines.push(rule.maxUnexcusedAbsences === 0 ? '已举行的每次集中学习都出勤或请假，没有缺勤未请假。' : `缺勤未请假不超过 ${rule.maxUnexcusedAbsences} 次。`);
  lines.push(`请假学时不超过已举行集中学习总学时的 ${rule.maxLeaveShare.numerator}/${rule.maxLeaveShare.denominator}（恰好 ${rule.maxLeaveShare.numerator}/${rule.maxLeaveShare.denominator} 可以结业）。`);
  if (rule.requireAllNotesApproved) lines.push('读书安排中的每一篇读物都有一篇审核通过的读书心得。');
  if (rule.requireCoursesCompleted) lines.push('班次指定的必修课程全部学完。');
  if (rule.requireQuizzesPassed) lines.push('这些课程的结业测验全部通过。');
  return lines;
}

/** What is known of one cadre in one class. */
export interface MemberFacts {
  sessionsHeld: number;
  sessionsPresent: number;
  sessionsOnLeave: number;
  /** Hours of the sessions held (closed): the base of the leave share. */
  heldTenths: number;
  presentTenths: number;
  leaveTenths: number;
  /** Readings on the list; null for a class that is not a reading class. */
  readingsTotal: number | null;
  notesApproved: number;
  courses: Array<{ courseId: string; title: string; completed: boolean; hasQuiz: boolean; quizPassed: boolean }>;
}

export interface MemberOutcome {
  completed: boolean;
  /** Sessions held and missed without leave. */
  absences: number;
  /** Why the cadre has not completed, in Chinese; empty when completed. */
  reasons: string[];
  met: { attendance: boolean; leave: boolean; notes: boolean; courses: boolean; quizzes: boolean };
}

/** Applies the rule to one cadre's facts. */
export function evaluate(rule: CompletionRule, facts: MemberFacts): MemberOutcome {
  const absences = Math.max(0, facts.sessionsHeld - facts.sessionsPresent - facts.sessionsOnLeave);
  const missingNotes = rule.requireAllNotesApproved && facts.readingsTotal !== null ? Math.max(0, facts.readingsTotal - facts.notesApproved) : 0;
  const unfinished = rule.requireCoursesCompleted ? facts.courses.filter((c) => !c.completed) : [];
  const unpassed = rule.requireQuizzesPassed ? facts.courses.filter((c) => c.hasQuiz && !c.quizPassed) : [];
  const met = {
    attendance: absences <= rule.maxUnexcusedAbsences,
    leave: !leaveExceedsLimit(facts.leaveTenths, facts.heldTenths, rule.maxLeaveShare),
    notes: missingNotes === 0,
    courses: unfinished.length === 0,
    quizzes: unpassed.length === 0,
  };
  const reasons: string[] = [];
  if (!met.attendance) reasons.push(`缺勤未请假 ${absences} 次`);
  if (!met.leave) {
    const share = `${rule.maxLeaveShare.numerator}/${rule.maxLeaveShare.denominator}`;
    reasons.push(`请假 ${formatHours(facts.leaveTenths)} 学时，超过集中学习总学时 ${formatHours(facts.heldTenths)} 学时的 ${share}（最多 ${formatHours(maxLeaveTenths(facts.heldTenths, rule.maxLeaveShare))} 学时）`);
  }
  if (!met.notes) reasons.push(`读书心得通过 ${facts.notesApproved}/${facts.readingsTotal} 篇，还差 ${missingNotes} 篇`);
  for (const c of unfinished) reasons.push(`必修课程《${c.title}》未完成`);
  for (const c of unpassed) reasons.push(`《${c.title}》结业测验未通过`);
  return { completed: reasons.length === 0, absences, reasons, met };
}
