import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { OrgUnitsTable } from '../../src/lib/org/org.table.ts';
import type { UsersTable } from '../../src/lib/users/users.table.ts';
import { generateActivity, type ActivityCadre, type ActivityCourse, type ActivitySummary } from './activity.ts';
import { beijingYearOf } from './bulk-values.ts';
import { insertInBatches } from './batch-insert.ts';
import { positionedId, seededRandom, type SeededRandom } from './seeded-random.ts';

/** Every bench account logs in with this password; its hash is computed once, below. */
export const BENCH_PASSWORD = 'bench-password-1';
// Argon2id of BENCH_PASSWORD with the app's parameters: hashing 10,000 times would take minutes.
const BENCH_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$pFGUEOQc0dfGHm22a/AKxw$MiyHHenWGGNlNNATrGS164jJDC07rHqIwDi7b2ON12Y';
/** County-wide staff; `bench-staff-1` … `bench-staff-6` see one township each. */
export const BENCH_STAFF_LOGIN = 'bench-staff';

export interface BenchCountyOptions {
  cadres?: number;
  courses?: number;
  seed?: number;
  now?: Date;
  /** Default yearly target in tenths (50 h), of which required (20 h). */
  targetTenths?: number;
  requiredTargetTenths?: number;
  /** Targets by position that override the default. */
  positionTargets?: Record<string, number>;
}

export interface BenchCountySummary {
  year: number;
  countyUnitId: string;
  orgUnits: number;
  cadres: number;
  staff: number;
  /** Ids `bench-course-001` … */
  courses: number;
  activity: ActivitySummary;
}

const TOWNSHIPS = [
  { name: '芝河镇', communities: 4 },
  { name: '桑壁镇', communities: 1 },
  { name: '坡头乡', communities: 0 },
  { name: '乾坤湾乡', communities: 0 },
  { name: '望海寺乡', communities: 0 },
  { name: '楼山乡', communities: 0 },
];
const UNITS_PER_TOWNSHIP = 15;
const ORGANS = [
  '中共永和县委办公室', '永和县人民政府办公室', '中共永和县委组织部', '中共永和县委宣传部', '中共永和县委统战部',
  '中共永和县纪律检查委员会', '中共永和县委党校', '永和县发展和改革局', '永和县财政局', '永和县教育局',
  '永和县卫生健康局', '永和县农业农村局', '永和县文化和旅游局', '永和县自然资源局', '永和县住房和城乡建设局',
  '永和县水利局', '永和县民政局', '永和县人力资源和社会保障局', '永和县市场监督管理局', '永和县应急管理局',
];
const VILLAGE_FIRST = ['前', '后', '上', '下', '东', '西', '南', '北', '大', '小', '高', '石', '柳', '枣', '马', '杨'];
const VILLAGE_SECOND = ['庄', '沟', '坪', '峁', '塬', '湾', '岭', '河', '岔', '洼', '家', '峪'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林贺冯白薛任霍曹康乔郝武段田刘梁韩'.split('');
const GIVEN = '建国军华明志强伟丽娟海涛文静永刚春梅栋雅琴亮婷振宇秀兰鹏飞慧敏宏浩然佳怡瑞晓燕红霞平安兴旺卫东玉芳俊峰'.split('');
const COURSE_TOPICS = [
  '习近平新时代中国特色社会主义思想专题', '党的二十届三中全会精神解读', '乡村振兴政策与实务', '基层治理现代化', '党史学习教育',
  '红色资源与党性教育', '依法行政与法治政府建设', '应急管理与安全生产', '文旅融合发展', '现代农业技术推广',
  '农村集体经济发展', '黄河流域生态保护', '政务公文写作', '群众工作方法', '廉洁从政教育',
  '数字政府建设', '教育政策与学校管理', '基层医疗卫生服务', '民生保障政策', '统计与数据分析基础',
  '信访工作实务', '党支部工作规范', '发展党员工作实务', '意识形态工作', '营商环境建设',
  '基层财务管理', '防灾减灾', '林业与生态建设', '小杂粮产业发展', '乾坤湾旅游服务',
];
const SERIES = '一二三四五六七八九十'.split('');
/** Units assign REQUIRED_PER_CADRE of the first REQUIRED_POOL courses (5–6 h each): 20–24 required hours. */
const REQUIRED_POOL = 10;
const REQUIRED_PER_CADRE = 4;

/**
 * A county sized for benchmarks: the six townships and county organs of 永和县 with ~15 fictional
 * villages and communities each, `cadres` fictional cadres (`c00001` …), `courses` synthetic courses
 * (`bench-course-001` …), the year's targets, and a year of activity up to `now`. One transaction;
 * the same seed gives the same data (certificate codes aside).
 */
export async function buildBenchCounty(db: Kysely<Database>, options: BenchCountyOptions = {}): Promise<BenchCountySummary> {
  const { cadres: cadreCount = 10_000, courses: courseCount = 300, seed = 1, now = new Date() } = options;
  const year = beijingYearOf(now.getTime());
  const random = seededRandom(`${seed}:bench-county`);
  const stamp = now.toISOString();
  const targetTenths = options.targetTenths ?? 500;
  const positionTargets = options.positionTargets ?? { 村党组织书记: 600 };

  return db.transaction().execute(async (trx) => {
    const units = orgTree(random, stamp);
    await insertInBatches(trx, 'org_units', units);
    const county = units[0]!;
    const people = benchPeople(random, units, cadreCount, stamp);
    await insertInBatches(trx, 'users', people);
    const staff = people.filter((p) => p.role === 'staff');
    const cadres = people.filter((p) => p.role === 'cadre');

    await insertInBatches(trx, 'hours_targets', [
      { id: random.id(), year, applies_to: 'default', match_value: '', total_tenths: targetTenths, required_tenths: options.requiredTargetTenths ?? 200, updated_by: null, updated_at: stamp },
      ...Object.entries(positionTargets).map(([position, total]) => ({
        id: random.id(), year, applies_to: 'position', match_value: position, total_tenths: total, required_tenths: options.requiredTargetTenths ?? 200, updated_by: null, updated_at: stamp,
      })),
    ]);
    const courses = benchCourses(random, courseCount);
    const activityCadres: ActivityCadre[] = cadres.map((c) => ({ id: c.id, unitId: c.org_unit_id, targetTenths: positionTargets[c.position] ?? targetTenths }));
    const activity = await generateActivity(trx, {
      cadres: activityCadres,
      courses,
      year,
      now,
      seed,
      requiredCourseIds: courses.slice(0, REQUIRED_POOL).map((c) => c.id),
      requiredPerCadre: REQUIRED_PER_CADRE,
      targetTenths,
      staffId: staff[0]!.id,
    });
    return { year, countyUnitId: county.id, orgUnits: units.length, cadres: cadres.length, staff: staff.length, courses: courses.length, activity };
  });
}

function orgTree(random: SeededRandom, stamp: string): Array<Insertable<OrgUnitsTable>> {
  const units: Array<Insertable<OrgUnitsTable>> = [];
  const add = (name: string, kind: OrgUnitsTable['kind'], parent?: Insertable<OrgUnitsTable>) => {
    const id = random.id();
    const unit = { id, parent_id: parent?.id ?? null, name, kind, path: `${parent?.path ?? '/'}${id}/`, sort_order: units.length, created_at: stamp };
    units.push(unit);
    return unit;
  };
  const county = add('永和县', 'county');
  for (const township of TOWNSHIPS) {
    const parent = add(township.name, 'township', county);
    const seat = township.name.slice(0, 2);
    for (let i = 1; i <= township.communities; i++) add(i === 1 ? `${seat}社区` : `${seat}第${i}社区`, 'community', parent);
    const names = new Set<string>();
    while (names.size < UNITS_PER_TOWNSHIP - township.communities) names.add(`${random.pick(VILLAGE_FIRST)}${random.pick(VILLAGE_SECOND)}村`);
    for (const name of names) add(name, 'village', parent);
  }
  for (const organ of ORGANS) add(organ, 'organ', county);
  return units;
}

function benchPeople(random: SeededRandom, units: Array<Insertable<OrgUnitsTable>>, cadreCount: number, stamp: string): Array<Insertable<UsersTable>> {
  const ofKind = (kind: OrgUnitsTable['kind']) => units.filter((u) => u.kind === kind);
  const [county, townships, villages, communities, organs] = [units[0]!, ofKind('township'), ofKind('village'), ofKind('community'), ofKind('organ')];
  const orgDept = organs.find((o) => o.name === '中共永和县委组织部')!;
  let created = 0;
  const person = (login: string, name: string, role: UsersTable['role'], unit: Insertable<OrgUnitsTable>, position: string, scope?: Insertable<OrgUnitsTable>) => ({
    id: positionedId(created++, random), login, name, password_hash: BENCH_PASSWORD_HASH, role, org_unit_id: unit.id, scope_unit_id: scope?.id ?? null, position, phone: null, active: 1, created_at: stamp, updated_at: stamp,
  });
  const people = [
    person(BENCH_STAFF_LOGIN, '基准测试组织部', 'staff', orgDept, '县委组织部干部教育科科员', county),
    ...townships.map((t, i) => person(`${BENCH_STAFF_LOGIN}-${i + 1}`, `${t.name}组织委员`, 'staff', t, `${t.name}党委组织委员`)),
  ];
  const seen = new Map<string, number>();
  for (let i = 1; i <= cadreCount; i++) {
    const r = random.next();
    const unit = r < 0.45 ? random.pick(organs) : r < 0.7 ? random.pick(townships) : r < 0.95 ? random.pick(villages) : random.pick(communities);
    const rank = seen.get(unit.id) ?? 0;
    seen.set(unit.id, rank + 1);
    const name = random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.7) ? random.pick(GIVEN) : '');
    people.push(person(`c${String(i).padStart(5, '0')}`, name, 'cadre', unit, positionFor(random, unit.kind, rank)));
  }
  return people;
}

function positionFor(random: SeededRandom, kind: OrgUnitsTable['kind'], rank: number): string {
  if (kind === 'organ') return '县直机关干部';
  if (kind === 'township') return random.chance(0.1) ? '选调生' : '乡镇干部';
  if (kind === 'community') return rank === 0 ? '社区党组织书记' : '社区工作者';
  if (rank === 0) return '村党组织书记';
  if (rank === 1) return '村委会主任';
  return random.pick(['村“两委”干部', '村“两委”干部', '村“两委”干部', '驻村第一书记', '到村工作大学生']);
}

function benchCourses(random: SeededRandom, count: number): ActivityCourse[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `bench-course-${String(i + 1).padStart(3, '0')}`;
    const topic = COURSE_TOPICS[i % COURSE_TOPICS.length]!;
    const series = Math.floor(i / COURSE_TOPICS.length);
    const lessons = Array.from({ length: random.intBetween(3, 8) }, (_, n) => ({ id: `${id}/lesson-${n + 1}`, requiredSeconds: random.intBetween(2, 6) * 5 * 60 }));
    return {
      id,
      title: `${topic}（${SERIES[series] ?? series + 1}）`,
      // Required courses are the long ones, so that the required ones of a cadre can meet the 20 h required target.
      hoursTenths: i < REQUIRED_POOL ? 50 + 10 * random.int(2) : 10 + 5 * random.int(11),
      lessons,
      quiz: random.chance(0.6) ? { questionCount: 10, passMark: 60, attemptLimit: 3, timeLimitMinutes: 20 } : undefined,
    };
  });
}
