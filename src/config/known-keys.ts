import * as z from 'zod';
import type { PathSegment } from './format-path.ts';

/**
 * The keys the schema allows in the object at `path`, found by walking the schema (through arrays,
 * defaults, optionals and transforms). Empty when the path leads to no object.
 */
export function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): readonly string[] {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (node instanceof z.ZodObject && typeof segment === 'string') {
      const shape: Record<string, z.ZodType> = node.shape;
      node = Object.hasOwn(shape, segment) ? unwrap(shape[segment]) : undefined;
    } else if (node instanceof z.ZodArray && typeof segment === 'number') {
      node = unwrap(node.element);
    } else {
      return [];
    }
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(schema: unknown): z.ZodType | undefined {
  let node: unknown = schema;
  for (let i = 0; i < 10 && node !== undefined; i++) {
    if (node instanceof z.ZodDefault || node instanceof z.ZodPrefault || node instanceof z.ZodOptional) {
      node = node.unwrap();
    } else if (node instanceof z.ZodPipe) {
      node = node.in;
    } else {
      return node instanceof z.ZodType ? node : undefined;
    }
  }
  return undefined;
}
