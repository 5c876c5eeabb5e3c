/**
 * The roster file as the organization department fills it in: four columns, found by their header text.
 * Template, parser, validator and the pages all read the column list from here.
 */
export const ROSTER_COLUMNS = [
  {
    key: 'name',
    header: '姓名',
    width: 12,
    required: true,
    help: '干部本人姓名，最多 40 字。两字姓名中间为对齐加的空格会自动去掉。',
    example: '王建军',
  },
  {
    key: 'login',
    header: '登录名或手机号',
    width: 20,
    required: true,
    help: '填 11 位手机号（推荐，同时记为联系电话），或 2–32 位小写字母、数字、点、下划线、连字符组成的登录名。已有账号按此栏对应，名单中不能重复。',
    example: '13912345678',
  },
  {
    key: 'unit',
    header: '单位',
    width: 28,
    required: true,
    help: '从“单位名单”表中复制。单位重名时写上级单位，用斜杠分隔，如“芝河镇/桑峨村”。只能填您管理范围内的单位。',
    example: '芝河镇/桑峨村',
  },
  {
    key: 'position',
    header: '职务',
    width: 24,
    required: false,
    help: '最多 60 字。可以不填；已有账号此栏留空时保留原来的职务。',
    example: '村党组织书记',
  },
] as const;

export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

/** The header text of a column, as problems name it. */
export function columnHeader(key: RosterColumnKey): string {
  return ROSTER_COLUMNS.find((c) => c.key === key)!.header;
}

/** Largest accepted file. The server refuses any request body over 1 MiB; a 5,000-row roster is about 130 KB. */
export const ROSTER_MAX_BYTES = 1_000_000;
/** What a person reads when the file is over the limit, wherever it is caught. */
export const FILE_TOO_LARGE_MESSAGE = `文件过大：不能超过 ${ROSTER_MAX_BYTES / 1_000_000} MB。请删去图片和多余的工作表，或把名单分成几个文件。`;
/** Most data rows in one file; a larger roster is imported in parts. */
export const ROSTER_MAX_ROWS = 5_000;
/** The header row must be among the first rows of a sheet. */
export const HEADER_SEARCH_ROWS = 20;
export const NAME_MAX_LENGTH = 40;
export const POSITION_MAX_LENGTH = 60;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
