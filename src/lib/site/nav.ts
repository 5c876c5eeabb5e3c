import type { Role } from '../users/users.table.ts';

export interface NavItem {
  href: string;
  label: string;
}

const ITEMS: Array<NavItem & { roles: Role[] | 'all' }> = [
  { href: '/', label: '首页', roles: 'all' },
  { href: '/courses', label: '课程', roles: 'all' },
  { href: '/hours', label: '我的学时', roles: 'all' },
  { href: '/archive', label: '学习档案', roles: 'all' },
  { href: '/certificates', label: '证书', roles: 'all' },
  { href: '/reading', label: '读书班', roles: 'all' },
  { href: '/my-classes', label: '我的班次', roles: ['cadre'] },
  { href: '/classes', label: '班次', roles: ['staff', 'trainer', 'admin'] },
  { href: '/authoring', label: '课程编写', roles: ['staff', 'trainer', 'admin'] },
  { href: '/reports', label: '完成情况', roles: ['staff', 'trainer', 'admin'] },
  { href: '/people', label: '人员', roles: ['staff', 'trainer', 'admin'] },
  { href: '/targets', label: '学时目标', roles: ['staff', 'admin'] },
  { href: '/admin/org', label: '组织机构', roles: ['admin'] },
  { href: '/admin/users', label: '用户管理', roles: ['admin'] },
];

/** Navigation links a role sees, in order. */
export function navFor(role: Role): NavItem[] {
  return ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role)).map(({ href, label }) => ({ href, label }));
}

/** True when the link is the current section (home only matches itself). */
export function isCurrent(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(href + '/');
}
