/** The kinds of org unit, from the county down to villages. */
export const ORG_UNIT_KINDS = ['county', 'township', 'organ', 'village', 'community', 'office'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  county: '县',
  township: '乡镇',
  organ: '县直单位',
  village: '村',
  community: '社区',
  office: '内设机构',
};

export interface OrgUnitsTable {
  id: string;
  parent_id: string | null;
  name: string;
  kind: OrgUnitKind;
  /** Materialised path of ids, `/root/child/…/self/`: a subtree is a prefix match. */
  path: string;
  sort_order: number;
  created_at: string;
}
