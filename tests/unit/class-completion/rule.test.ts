import { describe, expect, test } from 'vitest';
import { describeRule, evaluate, type MemberFacts, ruleFor } from '../../../src/lib/class-completion/rule.ts';

/** A cadre who did everything in a reading class of seven 2-hour sessions, six readings and one course with a quiz. */
function facts(extra: Partial<MemberFacts> = {}): MemberFacts {
  return {
    sessionsHeld: 7,
    sessionsPresent: 7,
    sessionsOnLeave: 0,
    heldTenths: 140,
    presentTenths: 140,
    leaveTenths: 0,
    readingsTotal: 6,
    notesApproved: 6,
    courses: [{ courseId: 'c', title: '党支部工作实务', completed: true, hasQuiz: true, quizPassed: true }],
    ...extra,
  };
}

describe('evaluate', () => {
  const reading = ruleFor('reading');
  const lecture = ruleFor('lecture');

  test('a cadre who did everything completes, with no reasons', () => {
    expect(evaluate(reading, facts())).toMatchObject({ completed: true, reasons: [], absences: 0 });
  });

  test('leave of exactly one seventh of the hours held completes', () => {
    const outcome = evaluate(reading, facts({ sessionsPresent: 6, sessionsOnLeave: 1, presentTenths: 120, leaveTenths: 20 }));
    expect(outcome.completed).toBe(true);
  });

  test('leave over one seventh does not, and says by how much in Chinese', () => {
    const outcome = evaluate(reading, facts({ sessionsPresent: 5, sessionsOnLeave: 2, presentTenths: 100, leaveTenths: 40 }));
    expect(outcome.completed).toBe(false);
    expect(outcome.reasons).toEqual(['请假 4 学时，超过集中学习总学时 14 学时的 1/7（最多 2 学时）']);
  });

  test('one session missed without leave fails, and is counted', () => {
    const outcome = evaluate(lecture, facts({ sessionsPresent: 6, presentTenths: 120 }));
    expect(outcome).toMatchObject({ completed: false, absences: 1, reasons: ['缺勤未请假 1 次'] });
  });

  test('a reading class needs every reading approved; a lecture class does not look at notes', () => {
    const short = facts({ notesApproved: 5 });
    expect(evaluate(reading, short).reasons).toEqual(['读书心得通过 5/6 篇，还差 1 篇']);
    expect(evaluate(lecture, { ...short, readingsTotal: null }).completed).toBe(true);
  });

  test('an unfinished course and an unpassed quiz are each named', () => {
    const outcome = evaluate(reading, facts({ courses: [{ courseId: 'c', title: '党支部工作实务', completed: false, hasQuiz: true, quizPassed: false }] }));
    expect(outcome.reasons).toEqual(['必修课程《党支部工作实务》未完成', '《党支部工作实务》结业测验未通过']);
  });

  test('a class without sessions, notes or courses is completed by its members', () => {
    const none = { sessionsHeld: 0, sessionsPresent: 0, sessionsOnLeave: 0, heldTenths: 0, presentTenths: 0, leaveTenths: 0, readingsTotal: null, notesApproved: 0, courses: [] };
    expect(evaluate(ruleFor('special'), none).completed).toBe(true);
  });
});

describe('describeRule', () => {
  test('states the reading class rule in sentences, the 1/7 boundary included', () => {
    const lines = describeRule(ruleFor('reading'));
    expect(lines.join('')).toContain('1/7（恰好 1/7 可以结业）');
    expect(lines.join('')).toContain('审核通过的读书心得');
    expect(describeRule(ruleFor('lecture')).join('')).not.toContain('读书心得');
  });
});
