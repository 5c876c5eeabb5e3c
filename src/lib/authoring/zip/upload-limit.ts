/**
 * A course zip sent as one request stays under the server's 1 MB body limit (the import form without
 * JavaScript). Larger packages are uploaded in resumable chunks first (`purpose: course-package`).
 */
export const COURSE_ZIP_MAX_BYTES = 1000 * 1024;
export const COURSE_ZIP_TOO_LARGE = '一次请求的课程包不能超过 1 MB：更大的课程包请在导入页用分块上传（需要启用浏览器脚本），或先用 POST /api/v1/media 分块上传。';
