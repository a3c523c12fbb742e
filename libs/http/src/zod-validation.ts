import {
  applyDecorators,
  Body,
  Query,
  type ArgumentMetadata,
  type PipeTransform,
} from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { ValidationProblem } from './problems.js';

export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(
    private readonly schema: T,
    private readonly where: 'body' | 'query' | 'path',
  ) {}

  transform(value: unknown, metadata?: ArgumentMetadata): z.infer<T> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new ValidationProblem(
      result.error.issues.map((issue) => ({
        // A path parameter is a bare value: name it by the parameter (`id`), not `(root)`.
        field: issue.path.join('.') || metadata?.data || '(root)',
        message: issue.message,
      })),
      this.where,
    );
  }
}

/** JSON Schema for OpenAPI, derived from the same zod schema that validates the input. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
}

/** Validates the body with `schema` (400 problem+json naming each field) and documents it. */
export function ValidBody<T extends z.ZodType>(
  schema: T,
  example?: z.input<T>,
): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) {
        ApiBody({ schema: { ...openApiSchema(schema), ...(example ? { example } : {}) } })(
          target,
          key,
          descriptor,
        );
      }
    }
  };
}

/** Validates and documents query parameters of an object schema. */
export function ValidQuery<T extends z.ZodObject>(schema: T): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) return;
    const properties = (openApiSchema(schema)['properties'] ?? {}) as Record<string, object>;
    applyDecorators(
      ...Object.entries(properties).map(([name, property]) =>
        ApiQuery({ name, required: false, schema: property }),
      ),
    )(target, key, descriptor);
  };
}
