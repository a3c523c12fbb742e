import { Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { idPipe, ValidBody, ValidQuery, type Page } from '@platform/http';
import { FACILITY_MANAGERS, PLACEMENT_READERS } from '../shared/roles.js';
import {
  createCompartmentBody,
  createCompartmentExample,
  updateCompartmentBody,
  updateCompartmentExample,
  type CreateCompartmentBody,
  type UpdateCompartmentBody,
} from './compartment.schemas.js';
import { CompartmentsService } from './compartments.service.js';
import type { CompartmentView, CreatedPlacesView, PlaceView } from './facility.views.js';
import {
  createPlacesBody,
  createPlacesExample,
  listPlacesQuery,
  type CreatePlacesBody,
  type ListPlacesQuery,
} from './place.schemas.js';
import { PlacesService } from './places.service.js';

const CHARACTERISTICS_NOTE =
  'Characteristics (PLC-2) not set are inherited from the nearest ancestor that sets them. Race ' +
  'and religion (and their "same … only") are refused with 422 naming PLC-2 while an ' +
  'administrator has not enabled them.';

/** PLC-1/PLC-2: the compartments (building → floor → room …) and places of a facility. */
@ApiTags('facilities')
@Controller()
export class CompartmentsController {
  constructor(
    @Inject(CompartmentsService) private readonly compartments: CompartmentsService,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  @Post('facilities/:id/compartments')
  @HttpCode(201)
  @RequireRoles(...FACILITY_MANAGERS)
  @ApiOperation({
    summary: 'Add a compartment under a compartment of the facility (PLC-1, PLC-2)',
    description: `A building's parent is the facility's top-level compartment. ${CHARACTERISTICS_NOTE}`,
  })
  create(
    @Param('id', idPipe) facilityId: string,
    @ValidBody(createCompartmentBody, createCompartmentExample) body: CreateCompartmentBody,
    @CurrentActor() actor: Actor,
  ): Promise<CompartmentView> {
    return this.compartments.create(facilityId, body, actor);
  }

  @Patch('compartments/:id')
  @RequireRoles(...FACILITY_MANAGERS)
  @ApiOperation({
    summary: 'Rename, move or change the characteristics of a compartment (PLC-1, PLC-2)',
    description:
      '`characteristics` replaces the own characteristics as a whole. A move that would make a ' +
      `cycle or a second top-level compartment is refused (422 naming PLC-1, \`parentId\`). ${CHARACTERISTICS_NOTE}`,
  })
  update(
    @Param('id', idPipe) id: string,
    @ValidBody(updateCompartmentBody, updateCompartmentExample) body: UpdateCompartmentBody,
    @CurrentActor() actor: Actor,
  ): Promise<CompartmentView> {
    return this.compartments.update(id, body, actor);
  }

  @Post('compartments/:id/places')
  @HttpCode(201)
  @RequireRoles(...FACILITY_MANAGERS)
  @ApiOperation({
    summary: 'Add 1 to 1,000 places (beds) to a compartment (PLC-1)',
    description:
      'Refused (422 naming PLC-1, `names`) when the facility would hold more designated places ' +
      'than its designated capacity or more places than physically exist; 409 naming ' +
      '`names.<i>` for a name the facility already has.',
  })
  createPlaces(
    @Param('id', idPipe) compartmentId: string,
    @ValidBody(createPlacesBody, createPlacesExample) body: CreatePlacesBody,
    @CurrentActor() actor: Actor,
  ): Promise<CreatedPlacesView> {
    return this.places.create(compartmentId, body, actor);
  }

  @Get('facilities/:id/places')
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({
    summary: "A facility's places by compartment (and below) and name, paged (PLC-1)",
  })
  listPlaces(
    @Param('id', idPipe) facilityId: string,
    @ValidQuery(listPlacesQuery) query: ListPlacesQuery,
  ): Promise<Page<PlaceView>> {
    return this.places.list(facilityId, query);
  }
}
