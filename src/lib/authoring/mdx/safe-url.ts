/**
 * Which addresses an authored lesson may point at. A whitelist of prefixes, checked on the address
 * as a browser would read it: browsers drop tabs and newlines anywhere in a URL and spaces or control
 * characters at its ends, so `java\tscript:` is `javascript:`. Character references are decoded
 * first as well, in case a renderer ever decodes them again (`&#106;avascript:`).
 */

/** Where the address is used: a link may also be an anchor, an e-mail or a phone number. */
export type UrlUse = 'link' | 'embed';

const LINK_SCHEMES = /^(?:https?|mailto|tel):/i;
const EMBED_SCHEMES = /^https:/i;

const NAMED_REFERENCES: Record<string, string> = {
  amp: '&', colon: ':', sol: '/', bsol: '\\', tab: '\t', newline: '\n', period: '.', num: '#', quot: '"', apos: "'",
};

function decodeReferences(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex?: string, decimal?: string, name?: string) => {
    if (hex ?? decimal) {
      const code = hex ? parseInt(hex, 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_REFERENCES[name!.toLowerCase()] ?? whole;
  });
}

/** The address as the browser's URL parser sees it (before resolving it). */
function asBrowserReadsIt(value: string): string {
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

function isAllowedAddress(address: string, use: UrlUse): boolean {
  // A leading `//` or `/\` is another host ("protocol-relative"), not a path on this site.
  if (/^\/(?![/\\])/.test(address)) return true;
  if (use === 'link') return address.startsWith('#') || LINK_SCHEMES.test(address);
  return EMBED_SCHEMES.test(address);
}

/** True when the address is safe to put in an authored lesson's `href` (link) or `src` (embed). */
export function isSafeUrl(url: string, use: UrlUse): boolean {
  let decoded = url;
  for (let i = 0; i < 4; i++) {
    const next = decodeReferences(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  return isAllowedAddress(asBrowserReadsIt(url), use) && isAllowedAddress(asBrowserReadsIt(decoded), use);
}

/** What a trainer may write there, for the message that refuses an address. */
export function allowedUrlHint(use: UrlUse): string {
  return use === 'link'
    ? '链接只能以 https://、http://、mailto:、tel:、# 或站内路径 / 开头'
    : '图片和音视频地址只能是站内路径（以 / 开头）或 https:// 地址';
}
