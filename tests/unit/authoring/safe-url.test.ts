import { describe, expect, test } from 'vitest';
import { isSafeUrl } from '../../../src/lib/authoring/mdx/safe-url.ts';

describe('isSafeUrl', () => {
  test.each(['/courses/a', '/', '#top', 'https://www.gov.cn/a?b=c', 'http://a.cn', 'HTTPS://A.CN', 'mailto:a@b.cn', 'tel:+86-10-1234'])(
    'lets a link go to %s',
    (url) => expect(isSafeUrl(url, 'link')).toBe(true),
  );

  test.each(['/a.png', 'https://a.cn/v.mp4', ' /a.png '])('lets an image or recording come from %s', (url) => expect(isSafeUrl(url, 'embed')).toBe(true));

  test.each([
    'javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', '\u0000javascript:x',
    '&#106;avascript:alert(1)', '&#x6A;avascript:x', '&#0000106avascript:x', 'javascript&colon;alert(1)', '&amp;#106;avascript:x',
    'vbscript:msgbox(1)', 'data:text/html,hi', '//evil.example', '/\\evil.example', '/\t/evil.example', '/&#47;evil.example',
    'relative/path', 'ftp://a.cn', 'file:///etc/passwd', '',
  ])('refuses the link %j', (url) => expect(isSafeUrl(url, 'link')).toBe(false));

  test.each(['http://a.cn/a.png', 'mailto:a@b.cn', '#top', 'data:image/png;base64,AAAA', '//cdn.example/a.png'])(
    'refuses the image or recording %j',
    (url) => expect(isSafeUrl(url, 'embed')).toBe(false),
  );
});
