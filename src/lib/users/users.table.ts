export const ROLES = ['cadre', 'trainer', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  cadre: '学员',
  trainer: '教师',
  staff: '组织部门',
  admin: '管理员',
};

export interface UsersTable {
  id: string;
  login: string;
  name: string;
  password_hash: string;
  role: Role;
  org_unit_id: string;
  /** The subtree a trainer or staff member manages, when it differs from the unit they belong to. */
  scope_unit_id: string | null;
  position: string;
  phone: string | null;
  /** 1 active, 0 deactivated. */
  active: number;
  created_at: string;
  updated_at: string;
}
