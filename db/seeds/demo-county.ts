/**
 * The demo county: the real township list of 永和县 (domain.md, after the 2021 reform) with
 * invented villages, communities and people. Every person here is fictional.
 */
export interface DemoUnit {
  key: string;
  name: string;
  kind: 'county' | 'township' | 'organ' | 'village' | 'community';
  parent?: string;
  children?: Array<{ key: string; name: string; kind: 'village' | 'community' }>;
}

export const DEMO_COUNTY: DemoUnit = { key: 'county', name: '永和县', kind: 'county' };

/** Townships in the official order, each with a few fictional villages and a community at the seat. */
export const DEMO_TOWNSHIPS: DemoUnit[] = [
  { key: 'zhihe', name: '芝河镇', kind: 'township', children: [
    { key: 'zhihe-c1', name: '城关社区', kind: 'community' }, { key: 'zhihe-c2', name: '河畔社区', kind: 'community' },
    { key: 'zhihe-v1', name: '前庄村', kind: 'village' }, { key: 'zhihe-v2', name: '柳湾村', kind: 'village' } ] },
  { key: 'sangbi', name: '桑壁镇', kind: 'township', children: [
    { key: 'sangbi-c1', name: '桑壁社区', kind: 'community' },
    { key: 'sangbi-v1', name: '石坪村', kind: 'village' }, { key: 'sangbi-v2', name: '南沟村', kind: 'village' } ] },
  { key: 'potou', name: '坡头乡', kind: 'township', children: [
    { key: 'potou-v1', name: '上岭村', kind: 'village' }, { key: 'potou-v2', name: '后坪村', kind: 'village' } ] },
  { key: 'qiankunwan', name: '乾坤湾乡', kind: 'township', children: [
    { key: 'qkw-v1', name: '河湾村', kind: 'village' }, { key: 'qkw-v2', name: '枣林村', kind: 'village' } ] },
  { key: 'wanghaisi', name: '望海寺乡', kind: 'township', children: [
    { key: 'whs-v1', name: '高塬村', kind: 'village' }, { key: 'whs-v2', name: '西峁村', kind: 'village' } ] },
  { key: 'loushan', name: '楼山乡', kind: 'township', children: [
    { key: 'loushan-v1', name: '松树村', kind: 'village' }, { key: 'loushan-v2', name: '东岔村', kind: 'village' } ] },
];

/** County organs (县直单位) used by the demo. */
export const DEMO_ORGANS: DemoUnit[] = [
  { key: 'org-dept', name: '中共永和县委组织部', kind: 'organ' },
  { key: 'party-school', name: '中共永和县委党校', kind: 'organ' },
  { key: 'agri', name: '永和县农业农村局', kind: 'organ' },
  { key: 'edu', name: '永和县教育局', kind: 'organ' },
  { key: 'health', name: '永和县卫生健康局', kind: 'organ' },
  { key: 'culture', name: '永和县文化和旅游局', kind: 'organ' },
];

export const DEMO_PASSWORD = 'yonghe-demo-2026';

export interface DemoAccount {
  login: string;
  name: string;
  role: 'admin' | 'trainer' | 'staff' | 'cadre';
  unit: string;
  scopeUnit?: string;
  position: string;
}

/** The fixed logins the README lists. */
export const DEMO_STAFF: DemoAccount[] = [
  { login: 'admin', name: '系统管理员', role: 'admin', unit: 'org-dept', position: '县委组织部信息管理员' },
  { login: 'trainer', name: '杜文清', role: 'trainer', unit: 'party-school', scopeUnit: 'county', position: '县委党校教师' },
  { login: 'staff', name: '贺明远', role: 'staff', unit: 'org-dept', scopeUnit: 'county', position: '县委组织部干部教育科科员' },
  { login: 'zhihe-staff', name: '冯晓梅', role: 'staff', unit: 'zhihe', position: '芝河镇党委组织委员' },
  { login: 'sangbi-staff', name: '白振华', role: 'staff', unit: 'sangbi', position: '桑壁镇党委组织委员' },
];

const SURNAMES = ['王', '李', '张', '刘', '贺', '冯', '白', '高', '郭', '薛', '任', '马', '杨', '霍', '曹', '康', '乔', '郝', '武', '赵'];
const GIVEN = ['建军', '晓燕', '志强', '丽娟', '海涛', '文静', '永刚', '春梅', '国栋', '雅琴', '亮', '婷', '振宇', '秀兰', '鹏飞', '慧敏', '宏伟', '艳', '浩然', '佳怡', '小军', '瑞'];

/** Where cadres sit and what they do; cycled over to spread 60 cadres across the county. */
const PLACEMENTS: Array<{ units: string[]; position: string }> = [
  { units: ['zhihe', 'sangbi', 'potou', 'qiankunwan', 'wanghaisi', 'loushan'], position: '乡镇干部' },
  { units: ['zhihe-v1', 'zhihe-v2', 'sangbi-v1', 'sangbi-v2', 'potou-v1', 'potou-v2', 'qkw-v1', 'qkw-v2', 'whs-v1', 'whs-v2', 'loushan-v1', 'loushan-v2'], position: '村“两委”干部' },
  { units: ['potou-v2', 'qkw-v1', 'whs-v2', 'loushan-v1', 'sangbi-v2'], position: '驻村第一书记' },
  { units: ['zhihe', 'qiankunwan', 'loushan'], position: '选调生' },
  { units: ['zhihe-v2', 'potou-v1', 'whs-v1', 'qkw-v2'], position: '到村工作大学生' },
  { units: ['zhihe-c1', 'zhihe-c2', 'sangbi-c1'], position: '社区工作者' },
  { units: ['agri', 'edu', 'health', 'culture'], position: '县直单位干部' },
];

/** `cadre001` … `cadre060`, fictional names, deterministic so the README and tests can rely on them. */
export function demoCadres(count = 60): DemoAccount[] {
  const cadres: DemoAccount[] = [];
  const cursor = PLACEMENTS.map(() => 0);
  for (let i = 0; i < count; i++) {
    const kind = i % PLACEMENTS.length;
    const placement = PLACEMENTS[kind]!;
    const unit = placement.units[cursor[kind]! % placement.units.length]!;
    cursor[kind]!++;
    cadres.push({
      login: `cadre${String(i + 1).padStart(3, '0')}`,
      name: SURNAMES[(i * 7) % SURNAMES.length]! + GIVEN[(i * 5 + Math.floor(i / SURNAMES.length)) % GIVEN.length]!,
      role: 'cadre',
      unit,
      position: placement.position,
    });
  }
  return cadres;
}
