/** Every setting read from the environment, in one place (the README lists them). */
export const config = {
  siteTitle: process.env.SITE_TITLE?.trim() || '永和县干部网络学堂',
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy (nginx) in front of the app. */
  trustProxy: process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true',
  /** `auto` marks the cookie Secure when the request came over https. */
  cookieSecure: (process.env.COOKIE_SECURE ?? 'auto') as 'auto' | 'true' | 'false',
  /** The issuing body printed on certificates and yearly statements. */
  issuer: process.env.CERTIFICATE_ISSUER?.trim() || '中共永和县委组织部',
  /** Public address printed in certificate QR codes (e.g. https://xuexi.example.cn); defaults to the address of the request. */
  publicOrigin: process.env.PUBLIC_ORIGIN?.trim().replace(/\/+$/, '') || null,
};
