import {
  Controller,
  Get,
  HttpStatus,
  Inject,
  Module,
  Res,
  type DynamicModule,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@platform/auth';

/** A named dependency check; resolves when healthy, rejects with the reason when not. */
export type HealthCheck = () => Promise<void>;
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: Record<string, HealthCheck>) {}

  /** 200 when every dependency answers, 503 naming the ones that do not. */
  @Public()
  @Get()
  async health(@Res() res: JsonResponse): Promise<void> {
    const results = await Promise.all(
      Object.entries(this.checks).map(async ([name, check]) => {
        try {
          await check();
          return [name, 'up'] as const;
        } catch (error) {
          return [name, `down: ${(error as Error).message}`] as const;
        }
      }),
    );
    const healthy = results.every(([, state]) => state === 'up');
    res
      .status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: healthy ? 'ok' : 'down', checks: Object.fromEntries(results) });
  }
}

@Module({})
export class HealthModule {
  static forChecks(
    provide: () => Record<string, HealthCheck>,
    inject: symbol[] = [],
  ): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: HEALTH_CHECKS, useFactory: provide, inject }],
    };
  }
}
