import { Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@platform/contracts';
import { CurrentActor, RequireRoles } from '@platform/auth';
import { ValidBody } from '@platform/http';
import { CHARACTERISTIC_ADMINS, PLACEMENT_READERS } from '../shared/roles.js';
import {
  characteristicSettingsBody,
  characteristicSettingsExample,
  type CharacteristicSettingsBody,
} from './characteristic-settings.schemas.js';
import { CharacteristicSettingsService } from './characteristic-settings.service.js';
import type { CharacteristicSettingsView } from './facility.views.js';

/** PLC-2: race and religion matching, disabled until an administrator enables them. */
@ApiTags('facilities')
@Controller('characteristic-settings')
export class CharacteristicSettingsController {
  constructor(
    @Inject(CharacteristicSettingsService) private readonly settings: CharacteristicSettingsService,
  ) {}

  @Get()
  @RequireRoles(...PLACEMENT_READERS)
  @ApiOperation({ summary: 'Whether race and religion matching are enabled (PLC-2)' })
  get(): Promise<CharacteristicSettingsView> {
    return this.settings.get();
  }

  @Put()
  @RequireRoles(...CHARACTERISTIC_ADMINS)
  @ApiOperation({
    summary: 'Enable or disable race and religion matching (PLC-2, administrators only)',
    description:
      'Records who and when. Switching off keeps compartments’ race/religion values; matching ' +
      'ignores them until switched on again.',
  })
  set(
    @ValidBody(characteristicSettingsBody, characteristicSettingsExample)
    body: CharacteristicSettingsBody,
    @CurrentActor() actor: Actor,
  ): Promise<CharacteristicSettingsView> {
    return this.settings.set(body, actor);
  }
}
