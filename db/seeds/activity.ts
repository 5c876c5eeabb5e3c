import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import {
  planCadreYear,
  unitAssignment,
  yearWindow,
  type ActivityCourse,
  type ActivityPlan,
  type PlannedAdjustment,
  type UnitAssignment,
  type YearWindow,
} from './activity-plan.ts';
import { quizSource, type QuizSource } from './activity-quiz.ts';
import { rowsForEnrollment } from './activity-rows.ts';
import { rowSink } from './batch-insert.ts';
import { beijingYearOf, isoString, verificationCodeSource } from './bulk-values.ts';
import { positionedId, seededRandom, type SeededRandom } from './seeded-random.ts';

export type { ActivityCadre, ActivityCourse, ActivityLesson, ActivityPlan, ActivityQuiz, EnrollmentStage, PinnedEnrollment, SyntheticQuiz } from './activity-plan.ts';

export interface ActivitySummary {
  enrollments: number;
  completedCourses: number;
  lessonProgress: number;
  quizAttempts: number;
  ledgerEntries: number;
  adjustments: number;
  certificates: number;
}

const DEFAULT_TARGET_TENTHS = 500;
/** Offline training is recorded in whole hours and rarely exceeds two weeks of classes. */
const MAX_TOP_UP_TENTHS = 800;

/**
 * Writes a plausible year of study for each cadre: enrolments (some assigned as required), lesson
 * progress, quiz attempts scored as the app scores them, one ledger credit and certificate per
 * completed course, and a few staff adjustments. Deterministic for a seed (except certificate codes,
 * which come from the CSPRNG like real ones); nothing is dated after `plan.now`. Runs in one
 * transaction (the caller's, when given one) and inserts in multi-row batches.
 */
export async function generateActivity(db: Kysely<Database>, plan: ActivityPlan): Promise<ActivitySummary> {
  const window = yearWindow(plan.year, plan.now);
  const run = (trx: Kysely<Database>) => writeActivity(trx, plan, window);
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

async function writeActivity(db: Kysely<Database>, plan: ActivityPlan, window: YearWindow): Promise<ActivitySummary> {
  const quizzes = new Map<string, QuizSource | null>(plan.courses.map((c) => [c.id, c.quiz ? quizSource(c.quiz) : null]));
  const newCode = verificationCodeSource();
  const assignmentOf = unitAssignments(plan, window);
  const sink = rowSink(db);
  let completedCourses = 0;
  let adjustments = 0;

  for (const [index, cadre] of plan.cadres.entries()) {
    const random = seededRandom(`${plan.seed}:cadre:${index}`);
    const newId = () => positionedId(index, random);
    const pinned = (plan.pinned ?? []).filter((p) => p.cadreId === cadre.id);
    const targetTenths = cadre.targetTenths ?? plan.targetTenths ?? DEFAULT_TARGET_TENTHS;
    const pinnedOnly = plan.pinnedOnly?.includes(cadre.id) ?? false;
    const cadreYear = planCadreYear(random, { courses: plan.courses, assignment: assignmentOf(cadre.unitId), targetTenths, window, pinned, pinnedOnly });
    let earnedTenths = 0;
    for (const planned of cadreYear.enrollments) {
      const rows = rowsForEnrollment(random, planned, quizzes.get(planned.course.id)!, { userId: cadre.id, staffId: plan.staffId, year: plan.year, newId, newCode });
      sink.add('enrollments', rows.enrollment);
      for (const lesson of rows.lessons) sink.add('lesson_progress', lesson);
      for (const attempt of rows.attempts) sink.add('quiz_attempts', attempt);
      if (rows.credit) {
        sink.add('hours_ledger', rows.credit);
        sink.add('certificates', rows.certificate!);
        earnedTenths += rows.credit.hours_tenths;
        completedCourses++;
      }
    }
    if (plan.staffId && !cadreYear.idle) {
      for (const adjustment of adjustmentsFor(random, window, cadreYear.shortfallTenths, earnedTenths)) {
        const id = newId();
        sink.add('hours_ledger', {
          id,
          user_id: cadre.id,
          year: beijingYearOf(adjustment.at),
          hours_tenths: adjustment.hoursTenths,
          kind: 'adjustment',
          source: `adjustment:${id}`,
          source_title: adjustment.sourceTitle,
          reason: adjustment.reason,
          counts_as_required: 0,
          actor_id: plan.staffId,
          reverses_id: null,
          created_at: isoString(adjustment.at),
        });
        adjustments++;
      }
    }
    await sink.flush();
  }
  await sink.flush(true);
  const { counts } = sink;
  return {
    enrollments: counts.enrollments ?? 0,
    completedCourses,
    lessonProgress: counts.lesson_progress ?? 0,
    quizAttempts: counts.quiz_attempts ?? 0,
    ledgerEntries: counts.hours_ledger ?? 0,
    adjustments,
    certificates: counts.certificates ?? 0,
  };
}

/** Required courses are assigned per unit: everyone in a unit gets the same ones on the same day. */
function unitAssignments(plan: ActivityPlan, window: YearWindow): (unitId: string) => UnitAssignment {
  const byId = new Map(plan.courses.map((c) => [c.id, c]));
  const pool: ActivityCourse[] = (plan.requiredCourseIds ?? plan.courses.slice(0, 3).map((c) => c.id)).map((id) => {
    const course = byId.get(id);
    if (!course) throw new Error(`generateActivity: required course "${id}" is not in the plan's courses.`);
    return course;
  });
  const perCadre = Math.min(plan.requiredPerCadre ?? 2, pool.length);
  const assignments = new Map<string, UnitAssignment>();
  // Keyed by order of appearance, not by id, so a seed gives the same data in databases with other ids.
  return (unitId) => {
    let assignment = assignments.get(unitId);
    if (!assignment) {
      assignment = unitAssignment(seededRandom(`${plan.seed}:unit:${assignments.size}`), pool, perCadre, window);
      assignments.set(unitId, assignment);
    }
    return assignment;
  };
}

const OCCASIONAL_ADJUSTMENTS: Array<Omit<PlannedAdjustment, 'at'>> = [
  { hoursTenths: 30, sourceTitle: '市委党校专题培训班（线下）', reason: '补录：参加市委党校专题培训班，凭结业证书登记学时。' },
  { hoursTenths: 20, sourceTitle: '干部大讲堂现场参学', reason: '补录：现场参加干部大讲堂，签到表已核对，系统签到未成功。' },
  { hoursTenths: 15, sourceTitle: '党政干部访名校专题研修', reason: '补录：参加党政干部访名校专题研修，按研修安排折算学时。' },
  { hoursTenths: -10, sourceTitle: '学时核减', reason: '核减：线下培训缺勤半天，按考勤规定扣减相应学时。' },
];

/** Offline training that covers what the catalog could not, and now and then a correction by staff. */
function adjustmentsFor(random: SeededRandom, window: YearWindow, shortfallTenths: number, earnedTenths: number): PlannedAdjustment[] {
  const at = () => Math.floor(random.between(window.start, window.end));
  const list: PlannedAdjustment[] = [];
  if (shortfallTenths >= 40 && random.chance(0.75)) {
    const hoursTenths = Math.min(MAX_TOP_UP_TENTHS, Math.floor((shortfallTenths * random.between(0.6, 1)) / 10) * 10);
    list.push({ hoursTenths, sourceTitle: '县委党校集中轮训（线下）', reason: '补录：参加县委党校集中轮训，按培训通知和考勤表折算学时。', at: at() });
    earnedTenths += hoursTenths;
  }
  if (random.chance(0.05)) {
    const pick = random.pick(OCCASIONAL_ADJUSTMENTS);
    if (pick.hoursTenths > 0 || earnedTenths + pick.hoursTenths >= 0) list.push({ ...pick, at: at() });
  }
  return list;
}
