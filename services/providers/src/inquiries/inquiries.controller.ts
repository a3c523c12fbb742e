import { Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '@platform/contracts';
import { CurrentActor, Public, RequireRoles } from '@platform/auth';
import { ValidBody, ValidQuery, ZodValidationPipe, type Page } from '@platform/http';
import { RESOURCE_MANAGERS } from '../shared/roles.js';
import { todayDate } from '../shared/today.js';
import { INQUIRY_DECISION_DAYS } from '../tokens.js';
import { InquiriesService } from './inquiries.service.js';
import type { InquiryQueueEntry } from './inquiry-work-queue.js';
import type { InquiryRecord } from './inquiry.entity.js';
import {
  inquiryExample,
  inquiryIdParam,
  inquiryWorkQueueQuery,
  listInquiriesQuery,
  submitInquiryBody,
  type InquiryWorkQueueQuery,
  type ListInquiriesQuery,
  type SubmitInquiryBody,
} from './inquiry.schemas.js';

const GUEST: Actor = { userId: 'guest', displayName: 'Self-service guest', roles: [] };
/** PRV-2: resource managers work the inquiry queue; operators watch it (no business changes). */
const INQUIRY_READERS: Role[] = [...RESOURCE_MANAGERS, 'operator'];

@ApiTags('inquiries')
@Controller()
export class InquiriesController {
  constructor(
    @Inject(InquiriesService) private readonly inquiries: InquiriesService,
    @Inject(INQUIRY_DECISION_DAYS) private readonly decisionDays: number,
  ) {}

  @Post('inquiries')
  @HttpCode(201)
  @RequireRoles(...RESOURCE_MANAGERS)
  @ApiOperation({ summary: 'Record a provider inquiry taken by staff (PRV-2)' })
  submit(
    @ValidBody(submitInquiryBody, inquiryExample) body: SubmitInquiryBody,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<InquiryRecord> {
    return this.inquiries.submit(body, 'staff', actor, correlationId);
  }

  @Post('self-service/inquiries')
  @HttpCode(201)
  @Public()
  @ApiOperation({
    summary: 'Submit an inquiry as a prospective provider, no account needed (SS-1)',
  })
  submitAsGuest(
    @ValidBody(submitInquiryBody, inquiryExample) body: SubmitInquiryBody,
  ): Promise<InquiryRecord> {
    return this.inquiries.submit(body, 'guest', GUEST);
  }

  @Get('inquiries')
  @RequireRoles(...INQUIRY_READERS)
  @ApiOperation({ summary: 'List inquiries, newest first, filtered by status and source' })
  list(@ValidQuery(listInquiriesQuery) query: ListInquiriesQuery): Promise<Page<InquiryRecord>> {
    return this.inquiries.list(query);
  }

  // Declared before inquiries/:id so "work-queue" is not read as an id.
  @Get('inquiries/work-queue')
  @RequireRoles(...INQUIRY_READERS)
  @ApiOperation({
    summary:
      'The inquiry work queue: undecided inquiries, oldest first, with due date and overdue flag (PRV-2)',
  })
  workQueue(
    @ValidQuery(inquiryWorkQueueQuery) query: InquiryWorkQueueQuery,
  ): Promise<Page<InquiryQueueEntry>> {
    return this.inquiries.workQueue(query, this.decisionDays, query.asOf ?? todayDate());
  }

  @Get('inquiries/:id')
  @RequireRoles(...INQUIRY_READERS)
  @ApiOperation({ summary: 'One inquiry with its decision, if any' })
  get(
    @Param('id', new ZodValidationPipe(inquiryIdParam, 'path')) id: string,
  ): Promise<InquiryRecord> {
    return this.inquiries.get(id);
  }
}
