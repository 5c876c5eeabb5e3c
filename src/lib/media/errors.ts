import { DomainError } from '../errors.ts';

/** A chunk sent at the wrong offset; `details.uploaded` tells the client where to resume. */
export class UploadOffsetError extends DomainError {
  constructor(uploaded: number) {
    super('conflict', `上传位置不一致：服务器已收到 ${uploaded} 字节，请从这里继续上传。`, { uploaded });
  }
}

/** The content is not one of the accepted types (whatever the file name says). */
export class MediaTypeRefusedError extends DomainError {
  constructor(message = '不支持这种文件：只能上传 JPEG、PNG、WebP、GIF 图片，MP3、M4A、OGG、WAV 音频，MP4、WebM 视频和 PDF 文件（按文件内容判断，与文件名无关）。') {
    super('unsupported_media_type', message);
  }
}

/** A file over its size limit. */
export class MediaTooLargeError extends DomainError {
  constructor(message: string) {
    super('payload_too_large', message);
  }
}
