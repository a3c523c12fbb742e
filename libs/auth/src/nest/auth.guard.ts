import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasAnyRole, type Role } from '@platform/contracts';
import { InvalidTokenError, TokenVerifier } from '../token-verifier.js';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators.js';

interface RequestWithHeaders extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Global guard (ARCHITECTURE rule 10): every route needs a valid bearer token unless marked
 * @Public(), and the roles named by @RequireRoles(). Missing/invalid token → 401, wrong role → 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithHeaders>();
    const header = request.headers['authorization'];
    const token = typeof header === 'string' ? /^Bearer (.+)$/i.exec(header)?.[1] : undefined;
    if (!token)
      throw new UnauthorizedException('A bearer token is required (Authorization header)');
    try {
      request.actor = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }

    const required = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets);
    if (required?.length && !hasAnyRole(request.actor, required)) {
      throw new ForbiddenException(
        `This needs one of the roles ${required.join(', ')}; you have ${request.actor.roles.join(', ') || 'none'} (ROLE)`,
      );
    }
    return true;
  }
}
