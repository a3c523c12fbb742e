import { describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import { ContractProcessRejection } from '@platform/contracts';
import { contractProblemFor } from './temporal-contract-process.js';

const CONTRACT_ID = '0199a3c2-9a10-7cc0-8d5e-000000000901';

const problemOf = (failure: ApplicationFailure) => contractProblemFor(failure, CONTRACT_ID).problem;

describe('refusals of the contract process over HTTP (WF-3)', () => {
  it('CTR-4: a signature on a document no longer current is 409 naming documentSha256', () => {
    const problem = problemOf(
      ApplicationFailure.create({
        type: ContractProcessRejection.documentMismatch,
        message: 'CTR-4: the document was re-issued',
        nonRetryable: true,
      }),
    );
    expect(problem).toMatchObject({ status: 409, rule: 'CTR-4' });
    expect(problem.errors?.map((error) => error.field)).toEqual(['documentSha256']);
  });

  it('ROLE-2: another provider signing, and an unknown contract, are both 404', () => {
    for (const type of [ContractProcessRejection.notTheProvider, 'ContractNotFound']) {
      const failure = ApplicationFailure.create({ type, message: 'no', nonRetryable: true });
      expect(problemOf(failure).status).toBe(404);
    }
  });

  it('CTR-2: a rule refused inside a step keeps the status and fields it has over HTTP directly', () => {
    const problem = problemOf(
      ApplicationFailure.create({
        type: 'CTR-2',
        message: 'CTR-2: the covered service is pending, not approved',
        nonRetryable: true,
        details: [
          {
            status: 422,
            errors: [{ field: 'coveredProviderServiceIds', message: 'pending, not approved' }],
          },
        ],
      }),
    );
    expect(problem).toMatchObject({ status: 422, rule: 'CTR-2' });
    expect(problem.errors).toEqual([
      { field: 'coveredProviderServiceIds', message: 'pending, not approved' },
    ]);
  });

  it('WF-3: a step out of turn is 409, and a refusal without details stays 409 naming its rule', () => {
    expect(
      problemOf(
        ApplicationFailure.create({
          type: ContractProcessRejection.notNow,
          message: 'another step is in progress',
          nonRetryable: true,
        }),
      ),
    ).toMatchObject({ status: 409, rule: 'WF-3' });
    expect(
      problemOf(
        ApplicationFailure.create({
          type: 'CTR-3',
          message: 'CTR-3: cancelled',
          nonRetryable: true,
        }),
      ),
    ).toMatchObject({ status: 409, rule: 'CTR-3' });
  });

  it('a bad field found inside a step is 400 naming that field', () => {
    const problem = problemOf(
      ApplicationFailure.create({
        type: 'ValidationFailed',
        message: 'receivedOn: cannot be in the future',
        nonRetryable: true,
      }),
    );
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((error) => error.field)).toEqual(['receivedOn']);
  });
});
