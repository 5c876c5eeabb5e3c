/**
 * Names inside a course zip: the `content/courses/<slug>/` layout of the repository, plus a `media/`
 * folder for files uploaded in the browser (referenced as `/media/<id>`), shared by export and import.
 */

export const COURSE_FILE = 'course.yaml';
export const QUIZ_FILE = 'quiz.yaml';
export const MEDIA_DIR = 'media';
export const README_FILE = 'README.txt';

/** Where a browser-uploaded file is served; `<id>` is the file name without its extension. */
export const MEDIA_URL_PREFIX = '/media/';

/** A file in `media/`: `<id>.<ext>`. */
export const MEDIA_FILE = /^([A-Za-z0-9][A-Za-z0-9_-]{0,99})\.([A-Za-z0-9]{1,10})$/;

/** `NN-<lesson slug>.mdx`, NN being the 1-based place in the outline. */
export function lessonFileName(position: number, lessonSlug: string): string {
  return `${String(position).padStart(2, '0')}-${lessonSlug}.mdx`;
}

/** Chinese note for whoever opens the zip. */
export function readmeText(slug: string): string {
  return [
    `课程“${slug}”的导出包（讲堂）`,
    '',
    '目录结构与代码仓库 content/courses/<课程目录名>/ 相同（详见 content/README.md）：',
    `  ${slug}/course.yaml        课程信息`,
    `  ${slug}/01-<课节名>.mdx    每一课一个文件：开头 --- 之间是课节信息，后面是正文`,
    `  ${slug}/quiz.yaml          结业测验题库（没有测验的课程没有这个文件）`,
    `  ${slug}/media/             在网页上传的图片、音视频，文件名为 <编号>.<扩展名>`,
    '',
    '课程里写成 /media/<编号> 的媒体地址，在另一个讲堂导入本压缩包时会改写为新上传文件的地址，',
    '不必手工修改。写成 /courses/... 的地址指向网站自带的文件，导入时保持不变。',
    '导入时整个压缩包作为一门新的课程草稿，请保持文件夹结构，修改后重新压缩即可。',
    '',
  ].join('\r\n');
}
