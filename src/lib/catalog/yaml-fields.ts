import { z } from 'zod';

/**
 * Field builders shared by the content schemas (`course.yaml`, lesson frontmatter, `quiz.yaml`).
 * Astro prints each issue as `**field**: message`, so every message says in a trainer's words what
 * is expected; `what` names the field in Chinese, with its YAML key in brackets.
 */

export const missing = (input: unknown) => input === undefined;

/** A non-empty line of text; `what` names it in Chinese, e.g. "课程标题". */
export const text = (what: string, max = 500) =>
  z
    .string({ error: (iss) => (missing(iss.input) ? `缺少${what}。` : `${what}必须是文字。`) })
    .trim()
    .min(1, { error: `${what}不能为空。` })
    .max(max, { error: `${what}太长：不超过 ${max} 个字。` });

/** A whole number between `min` and `max`. */
export const int = (what: string, min: number, max: number) =>
  z
    .number({ error: (iss) => (missing(iss.input) ? `缺少${what}。` : `${what}必须是数字（不加引号）。`) })
    // A refinement, not .int(): zod's int check aborts the object, which hides unknown-field messages.
    .refine(Number.isInteger, { error: `${what}必须是整数。` })
    .min(min, { error: `${what}不能小于 ${min}。` })
    .max(max, { error: `${what}不能大于 ${max}。` });

/**
 * Like `z.strictObject`, but each unknown key is its own issue with the key as its path, so Astro
 * prints `**titel**: …` for a misspelt field. `when` makes the check run even when other fields fail.
 */
export const strict = <T extends z.ZodRawShape>(shape: T, where: string) => {
  const reportUnknownKeys = z.superRefine(
    (value: unknown, ctx) => {
      if (typeof value !== 'object' || value === null) return;
      for (const key of Object.keys(value).filter((k) => !Object.hasOwn(shape, k))) {
        const message = `${where}里没有“${key}”这个字段。请检查拼写，或删去（可用字段见 content/README.md）。`;
        ctx.addIssue({ code: 'custom', path: [key], input: value, message });
      }
    },
    { when: () => true },
  );
  const schema = z.looseObject(shape, { error: `${where}的格式不对：应当是“字段: 值”的列表。` }).check(reportUnknownKeys);
  // Typed as strict: a parse that succeeds has no unknown keys.
  return schema as unknown as z.ZodObject<T, z.core.$strict>;
};
