/**
 * A course zip arrives in one request, under the server's 1 MB body limit: enough for the text of a
 * course, its quiz and its images resized for phones. Courses with audio or video move without them
 * and the files are uploaded again in the editor (uploads are chunked and resumable).
 */
export const COURSE_ZIP_MAX_BYTES = 1000 * 1024;
export const COURSE_ZIP_TOO_LARGE = '课程包超过 1 MB：请不带音视频打包，导入后在编写页重新上传音视频。';
