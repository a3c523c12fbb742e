import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { AuthModule } from '@platform/auth';
import { HealthModule } from '@platform/http';
import type { ServiceDeps } from './start-service.js';

export interface ServiceAuthConfig {
  AUTH_JWKS_URL: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
}

/**
 * The dynamic module every service registers: token verification and the role guard, health
 * checks, and its database and Temporal client injectable as `MikroORM` and `Client`.
 */
export function serviceModule(
  module: Type,
  deps: ServiceDeps & { config: ServiceAuthConfig },
  parts: { controllers: Type[]; providers: Provider[] },
): DynamicModule {
  return {
    module,
    imports: [
      AuthModule.forRoot({
        jwksUrl: deps.config.AUTH_JWKS_URL,
        issuer: deps.config.AUTH_ISSUER,
        audience: deps.config.AUTH_AUDIENCE,
      }),
      HealthModule.forChecks(() => deps.healthChecks),
    ],
    controllers: parts.controllers,
    providers: [
      ...parts.providers,
      { provide: MikroORM, useValue: deps.orm },
      { provide: Client, useValue: deps.temporal },
    ],
  };
}
