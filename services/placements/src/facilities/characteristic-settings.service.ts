import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@platform/contracts';
import type { EntityManager } from '@platform/persistence';
import type { CharacteristicSettingsBody } from './characteristic-settings.schemas.js';
import type { CharacteristicSettingsView } from './facility.views.js';
import { isoTime } from './facility-records.js';

async function settingsView(em: EntityManager): Promise<CharacteristicSettingsView> {
  const [row] = await em.execute<CharacteristicSettingsView[]>(
    `select race_enabled as "raceEnabled", religion_enabled as "religionEnabled",
            updated_by as "updatedBy", ${isoTime('updated_at')} as "updatedAt"
       from characteristic_settings`,
  );
  return row ?? { raceEnabled: false, religionEnabled: false, updatedBy: null, updatedAt: null };
}

/** PLC-2: race and religion are disabled until an administrator enables them (one row). */
@Injectable()
export class CharacteristicSettingsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  get(): Promise<CharacteristicSettingsView> {
    return settingsView(this.orm.em.fork());
  }

  set(body: CharacteristicSettingsBody, actor: Actor): Promise<CharacteristicSettingsView> {
    return this.orm.em.fork().transactional(async (em) => {
      await em.execute(
        `insert into characteristic_settings (id, race_enabled, religion_enabled, updated_by, updated_at)
         values (true, ?, ?, ?, now())
         on conflict (id) do update set race_enabled = excluded.race_enabled,
           religion_enabled = excluded.religion_enabled, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [body.raceEnabled, body.religionEnabled, actor.userId],
      );
      return settingsView(em);
    });
  }
}
