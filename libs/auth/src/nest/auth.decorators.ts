import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Actor, Role } from '@platform/contracts';

export const PUBLIC_ROUTE = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/** OpenAPI extensions saying who may call an operation, so clients (and tests) can read it. */
export const PUBLIC_EXTENSION = 'x-public';
export const REQUIRED_ROLES_EXTENSION = 'x-required-roles';

/** No token needed (health, API docs, guest self-service). */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_EXTENSION, true));

/** The caller needs at least one of these roles (ROLE); the OpenAPI operation lists them too. */
export const RequireRoles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiExtension(REQUIRED_ROLES_EXTENSION, roles),
  );

export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The verified caller of this request. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
