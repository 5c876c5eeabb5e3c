import { LOGIN_PATTERN } from '../auth/login.ts';
import { NAME_MAX_LENGTH, POSITION_MAX_LENGTH } from './format.ts';

export type LoginCell = { ok: true; login: string; phone: string | null } | { ok: false; message: string };

/** A mainland mobile number: 11 digits starting with 1 (spaces, hyphens and a +86 prefix are ignored). */
const MOBILE = /^1\d{10}$/;

/**
 * The 登录名或手机号 cell: a mobile number becomes both the login and the phone; anything else must be
 * a valid login. A cell of digits only is always read as a phone number, so a mistyped number is
 * caught instead of becoming a login.
 */
export function readLoginCell(text: string): LoginCell {
  if (text === '') return { ok: false, message: '请填写登录名或手机号。' };
  const digits = text.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (MOBILE.test(digits)) return { ok: true, login: digits, phone: digits };
  if (/^[+\d\s-]+$/.test(text)) return { ok: false, message: `手机号“${text}”格式不正确：应为 1 开头的 11 位数字。` };
  const login = text.toLowerCase();
  if (LOGIN_PATTERN.test(login)) return { ok: true, login, phone: null };
  return { ok: false, message: `登录名“${text}”格式不正确：须为 2–32 位字母、数字、点、下划线或连字符（不能有汉字或空格），或填 11 位手机号。` };
}

function length(text: string): number {
  return [...text].length;
}

/** Chinese reason why the name cell is not acceptable, or null. */
export function nameProblem(name: string): string | null {
  if (name === '') return '请填写姓名。';
  if (length(name) > NAME_MAX_LENGTH) return `姓名过长：最多 ${NAME_MAX_LENGTH} 字，现有 ${length(name)} 字。`;
  return null;
}

/** Chinese reason why the position cell is not acceptable, or null (it may be empty). */
export function positionProblem(position: string): string | null {
  if (length(position) > POSITION_MAX_LENGTH) return `职务过长：最多 ${POSITION_MAX_LENGTH} 字，现有 ${length(position)} 字。`;
  return null;
}
