import { unzipSync } from 'fflate';
import { CatalogError, courseSlugFromPath } from '../../catalog/ids.ts';
import { checkZipExpansion, sniffFileKind } from '../../roster/zip-guard.ts';
import { COURSE_SLUG } from '../content.ts';
import { COURSE_FILE, MEDIA_DIR, MEDIA_FILE, QUIZ_FILE } from './layout.ts';

/** Bounds on what an uploaded course zip may expand to; a course with its videos stays well inside. */
export interface CourseZipLimits {
  maxUnzippedBytes: number;
  maxEntries: number;
  maxEntryRatio: number;
}

export const COURSE_ZIP_LIMITS: CourseZipLimits = { maxUnzippedBytes: 400_000_000, maxEntries: 2000, maxEntryRatio: 200 };

/** The files of the one course folder in a zip, by path relative to that folder. */
export interface CourseFolder {
  ok: true;
  slug: string;
  /** course.yaml, quiz.yaml and `*.mdx` at the top of the folder. */
  texts: Map<string, Uint8Array>;
  /** `media/<id>.<ext>` by file name. */
  media: Map<string, Uint8Array>;
  notices: string[];
}

export type Unpacked = CourseFolder | { ok: false; problems: string[] };

const SHOWN_IGNORED = 10;

/** Absolute, drive-letter, backslash, `.`/`..` and control-character paths could escape a folder when unpacked. */
function isUnsafePath(name: string): boolean {
  if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || /[\u0000-\u001f]/.test(name)) return true;
  return name.split('/').some((segment, i, all) => segment === '..' || segment === '.' || (segment === '' && i < all.length - 1));
}

/** macOS and Windows leave these behind when zipping a folder; nobody means them. */
const isJunk = (name: string) => name.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(name);

function listEntries(bytes: Uint8Array): Array<{ name: string; size: number }> {
  const entries: Array<{ name: string; size: number }> = [];
  unzipSync(bytes, { filter: (file) => (entries.push({ name: file.name, size: file.originalSize }), false) });
  return entries;
}

function guardProblem(bytes: Uint8Array, limits: CourseZipLimits): string | null {
  if (sniffFileKind(bytes) !== 'zip') return '上传的文件不是 zip 压缩包：请把课程文件夹压缩成 .zip 文件后再上传。';
  const check = checkZipExpansion(bytes, limits.maxUnzippedBytes, { maxEntries: limits.maxEntries, maxEntryRatio: limits.maxEntryRatio });
  if (check.ok) return null;
  const megabytes = Math.round(limits.maxUnzippedBytes / 1_000_000);
  return {
    unreadable: '压缩包已损坏或加了密码，无法读取：请重新压缩课程文件夹（不加密码）后再上传。',
    too_large: `压缩包解压后超过 ${megabytes} MB，无法导入：请删去不需要的大文件（如过大的视频）后再压缩。`,
    too_many_entries: `压缩包里的文件超过 ${limits.maxEntries} 个：一门课程用不了这么多文件，请只压缩这一门课程的文件夹。`,
    too_compressed: '压缩包里有文件解压后异常膨胀（可能是“压缩炸弹”），已拒绝导入：请检查压缩包的来源。',
  }[check.reason];
}

/**
 * Finds the one course folder in a zip (`<slug>/…`, or deeper such as `content/courses/<slug>/…`)
 * and takes out its files, after the expansion guard; everything else is listed as ignored.
 */
export function unpackCourseFolder(bytes: Uint8Array, limits: CourseZipLimits = COURSE_ZIP_LIMITS): Unpacked {
  const refused = guardProblem(bytes, limits);
  if (refused) return { ok: false, problems: [refused] };
  let entries: Array<{ name: string; size: number }>;
  try {
    entries = listEntries(bytes).filter((e) => !isJunk(e.name));
  } catch {
    return { ok: false, problems: ['压缩包已损坏，无法读取：请重新压缩课程文件夹后再上传。'] };
  }
  const unsafe = entries.filter((e) => isUnsafePath(e.name)).map((e) => e.name);
  if (unsafe.length > 0) {
    return { ok: false, problems: unsafe.map((name) => `压缩包里有不安全的路径“${name}”（绝对路径、反斜杠或 ..），已拒绝导入：请直接压缩课程文件夹。`) };
  }
  const files = entries.filter((e) => !e.name.endsWith('/'));
  const roots = files.filter((e) => e.name === COURSE_FILE || e.name.endsWith(`/${COURSE_FILE}`)).map((e) => e.name.slice(0, -COURSE_FILE.length));
  if (roots.length === 0) {
    return { ok: false, problems: ['压缩包里没有 course.yaml：请压缩整个课程文件夹（如 red-army-eastern-expedition/，里面有 course.yaml 和各课的 .mdx 文件）。'] };
  }
  if (roots.length > 1) {
    const names = roots.map((root) => root.replace(/\/$/, '') || '（最外层）').join('、');
    return { ok: false, problems: [`一个压缩包只能有一门课程，这个压缩包里有 ${roots.length} 个 course.yaml（${names}）：请每门课程单独压缩。`] };
  }
  const root = roots[0]!;
  if (root === '') {
    return {
      ok: false,
      problems: ['课程文件直接放在了压缩包最外层：请把它们放进以课程目录名命名的文件夹（如 red-army-eastern-expedition/，只用小写英文字母、数字和连字符），压缩这个文件夹后再上传。课程目录名就是课程网址的一部分。'],
    };
  }
  let slug: string;
  try {
    slug = courseSlugFromPath(`${root}${COURSE_FILE}`);
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    return { ok: false, problems: [error.message] };
  }
  if (!COURSE_SLUG.test(slug)) return { ok: false, problems: [`课程目录名“${slug}”应为 2 到 60 个字符（小写英文字母、数字和连字符）：请改短目录名。`] };

  const wanted = new Map<string, { kind: 'text' | 'media'; key: string }>();
  const ignored: string[] = [];
  const problems: string[] = [];
  for (const { name } of files) {
    const rel = name.startsWith(root) ? name.slice(root.length) : null;
    if (rel === null) ignored.push(name);
    else if (rel === COURSE_FILE || rel === QUIZ_FILE || (!rel.includes('/') && rel.endsWith('.mdx'))) wanted.set(name, { kind: 'text', key: rel });
    else if (rel.startsWith(`${MEDIA_DIR}/`) && !rel.slice(MEDIA_DIR.length + 1).includes('/')) {
      const file = rel.slice(MEDIA_DIR.length + 1);
      if (MEDIA_FILE.test(file)) wanted.set(name, { kind: 'media', key: file });
      else problems.push(`媒体文件名“${rel}”不合规：应为“编号.扩展名”，编号只用英文字母、数字、“-”和“_”，如 media/a1b2c3.jpg。`);
    } else if (!/^readme[^/]*$/i.test(rel)) ignored.push(name);
  }
  if (problems.length > 0) return { ok: false, problems };

  const texts = new Map<string, Uint8Array>();
  const media = new Map<string, Uint8Array>();
  try {
    const unzipped = unzipSync(bytes, { filter: (file) => wanted.has(file.name) && file.originalSize <= limits.maxUnzippedBytes });
    for (const [name, data] of Object.entries(unzipped)) {
      const entry = wanted.get(name)!;
      (entry.kind === 'text' ? texts : media).set(entry.key, data);
    }
    // An entry declaring more than the whole budget was skipped above: its header lies.
    if (texts.size + media.size < wanted.size) throw new Error('declared size beyond the budget');
  } catch {
    return { ok: false, problems: ['压缩包已损坏，无法读取：请重新压缩课程文件夹后再上传。'] };
  }
  const notices: string[] = [];
  if (ignored.length > 0) {
    const shown = ignored.slice(0, SHOWN_IGNORED).join('、') + (ignored.length > SHOWN_IGNORED ? ' 等' : '');
    notices.push(`压缩包里有 ${ignored.length} 个文件不属于课程“${slug}”的内容，导入时已忽略：${shown}。`);
  }
  return { ok: true, slug, texts, media, notices };
}
