import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ProblemException, problemTypeFor, type ProblemDetails } from './problems.js';

interface HttpResponse {
  status(code: number): HttpResponse;
  type(contentType: string): HttpResponse;
  send(body: string): void;
  headersSent?: boolean;
}

/**
 * Every HTTP error leaves as application/problem+json (ARCHITECTURE rule 9). Anything not already
 * an HttpException is a bug: it is logged with its stack and answered with a bare 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<{ url: string; method: string }>();
    const response = http.getResponse<HttpResponse>();
    const problem = { ...this.toProblem(exception), instance: request.url };
    if (problem.status >= 500) {
      this.logger.error(`${request.method} ${request.url} failed`, (exception as Error)?.stack);
    }
    if (response.headersSent) return;
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'string'
          ? body
          : ((body as { message?: string | string[] }).message ?? exception.message);
      return {
        type: problemTypeFor(status),
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: Array.isArray(message) ? message.join('; ') : message,
      };
    }
    return {
      type: problemTypeFor(500),
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred; it has been logged.',
    };
  }
}
