import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { RouteContract } from './contract.ts';
import { ErrorSchema } from './schemas/common.ts';
import { allRoutes } from './routes.ts';

const ERROR_TEXT: Record<number, string> = {
  400: '请求参数有误',
  401: '未登录或账号密码错误',
  403: '无权限或跨站请求',
  404: '不存在或不在管理范围内',
  409: '冲突',
  413: '请求内容过大',
  415: '请求内容的类型不受支持（JSON 接口须为 application/json）',
  422: '内容可以读取，但有不符合规则的行（见 details）',
  429: '尝试过于频繁（见 Retry-After）',
};

function register(registry: OpenAPIRegistry, route: RouteContract) {
  const responses: Record<string, { description: string; content?: Record<string, { schema: never }> }> = {
    [String(route.status ?? 200)]: {
      description: 'OK',
      ...(route.response ? { content: { [route.responseMediaType ?? 'application/json']: { schema: route.response as never } } } : {}),
    },
  };
  for (const status of route.errors) {
    responses[String(status)] = { description: ERROR_TEXT[status] ?? 'Error', content: { 'application/json': { schema: ErrorSchema as never } } };
  }
  registry.registerPath({
    method: route.method,
    path: route.path,
    summary: route.summary,
    description: `权限：${route.access}`,
    tags: [route.tag],
    request: {
      ...(route.params ? { params: route.params as never } : {}),
      ...(route.query ? { query: route.query as never } : {}),
      ...(route.body ? { body: { required: true, content: { [route.bodyMediaType ?? 'application/json']: { schema: route.body as never } } } } : {}),
    },
    responses: responses as never,
  });
}

let cached: object | undefined;
/** The OpenAPI 3.1 document, generated from the very schemas that validate requests. */
export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  for (const route of allRoutes) register(registry, route);
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Jiangtang API', version: '1.0.0', description: '讲堂 — 干部网络学堂 JSON API。错误格式：{"error":{"code","message"}}。' },
    servers: [{ url: '/api/v1' }],
  });
  return cached;
}
