import { z } from 'zod';
import { defineRoute } from '../contract.ts';
import { IdParams } from './common.ts';

/** The largest chunk body a PUT accepts: under the server's 1 MB request limit with room for headers. */
export const MEDIA_CHUNK_MAX_BYTES = 1024 * 1024 - 64 * 1024;

const MediaKindSchema = z.enum(['image', 'audio', 'video', 'pdf', 'package']).meta({ id: 'MediaKind', description: 'image 图片, audio 音频, video 视频, pdf PDF 阅读材料, package 待导入的课程包 .zip（按文件内容判断）' });

export const MediaStartBody = z
  .strictObject({
    filename: z.string().trim().min(1).max(500).meta({ description: '原文件名（只用于显示和下载时的文件名，不决定类型）' }),
    size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).meta({ description: '文件总字节数' }),
    courseSlug: z.string().trim().min(1).max(100).optional().meta({ description: '文件所属课程（须为本人编写的课程）；上传课程包时不填' }),
    purpose: z.enum(['media', 'course-package']).default('media').meta({ description: 'media 课程的媒体文件（默认）；course-package 待导入的课程包 .zip（之后 POST /authoring/imports {uploadId}）' }),
  })
  .refine((b) => (b.purpose === 'media') === (b.courseSlug !== undefined), { message: '上传课程的媒体文件要写 courseSlug；上传课程包时不写。', path: ['courseSlug'] })
  .meta({ id: 'MediaStart' });

export const MediaListQuery = z.strictObject({ course: z.string().trim().min(1).max(100) });
export const MediaChunkQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).meta({ description: '本块在文件中的起始字节，须等于服务器已收到的字节数' }),
});

const UploadProgressSchema = z.object({ uploaded: z.number().int().meta({ description: '服务器已收到的字节数' }) }).meta({ id: 'MediaUploadProgress' });

export const MediaItemSchema = z
  .object({
    id: z.string(),
    url: z.string().meta({ description: '文件地址 /media/{id}（登录后可访问，支持 Range 请求）' }),
    kind: MediaKindSchema,
    contentType: z.string(),
    size: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    originalName: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'MediaItem' });

const Chunk = z.string().meta({ format: 'binary', description: `文件的一段（不超过 ${MEDIA_CHUNK_MAX_BYTES} 字节；客户端用 768 KiB）` });

export const mediaRoutes = {
  list: defineRoute({
    method: 'get', path: '/media', tag: 'media', access: '课程编写者及其审核人', summary: '课程的媒体库：已上传完成的文件',
    query: MediaListQuery, response: z.object({ items: z.array(MediaItemSchema) }), errors: [400, 401, 404],
  }),
  start: defineRoute({
    method: 'post', path: '/media', tag: 'media', access: 'trainer, staff, admin（限本人编写的课程）',
    summary: '开始分块上传（图片、音频、视频、PDF）。声明的大小超过最大限额时答 413',
    body: MediaStartBody, status: 201, response: z.object({ id: z.string(), uploaded: z.literal(0) }), errors: [400, 401, 403, 404, 413, 415],
  }),
  chunk: defineRoute({
    method: 'put', path: '/media/{id}/content', tag: 'media', access: '上传者本人',
    summary: '上传一块（application/octet-stream）。offset 须等于已收到的字节数；已收到的块重发时直接确认；位置不对答 409，error.details.uploaded 为续传位置。收到开头的字节后按内容判断类型，不接受的类型答 415 并删除上传',
    params: IdParams, query: MediaChunkQuery, body: Chunk, bodyMediaType: 'application/octet-stream', response: UploadProgressSchema, errors: [400, 401, 403, 404, 409, 413, 415],
  }),
  complete: defineRoute({
    method: 'post', path: '/media/{id}/complete', tag: 'media', access: '上传者本人',
    summary: '完成上传：再次按内容核对类型；图片按 EXIF 转正、去掉元数据、缩小到配置的最大宽度。已完成的再次调用返回同样结果',
    params: IdParams, response: MediaItemSchema, errors: [401, 403, 404, 409, 413, 415],
  }),
};
