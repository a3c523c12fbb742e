import { HttpException } from '@nestjs/common';

/** A field of the request a person has to change, and why. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every error response of the platform is shaped. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** DOMAIN.md rule id when a business rule refused the request (e.g. PRV-1). */
  rule?: string;
  /** One entry per invalid field of the request. */
  errors?: FieldError[];
}

const TYPE_BASE = 'https://provider-platform.dev/problems/';

export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[], where = 'body') {
    super({
      type: `${TYPE_BASE}validation`,
      title: 'The request is not valid',
      status: 400,
      detail: `Invalid ${where}: ${errors.map((e) => `${e.field} — ${e.message}`).join('; ')}`,
      errors,
    });
  }
}

export class NotFoundProblem extends ProblemException {
  constructor(what: string, id: string) {
    super({
      type: `${TYPE_BASE}not-found`,
      title: `${what} not found`,
      status: 404,
      detail: `No ${what.toLowerCase()} with id ${id}`,
    });
  }
}

/**
 * A DOMAIN.md rule refused the command; names the rule so people can look it up. When the rule is
 * about what the request says, `errors` also names the field(s) to change, as a ValidationProblem
 * does, so a client can show the refusal next to the right input.
 */
export class RuleViolation extends ProblemException {
  constructor(rule: string, detail: string, status = 409, errors?: FieldError[]) {
    super({
      type: `${TYPE_BASE}rule-violation`,
      title: `Refused by rule ${rule}`,
      status,
      detail,
      rule,
      ...(errors ? { errors } : {}),
    });
  }
}

export function problemTypeFor(status: number): string {
  return status >= 500 ? `${TYPE_BASE}internal` : 'about:blank';
}
