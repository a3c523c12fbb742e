import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defineEntity, p } from '@mikro-orm/core';
import { createTestDatabase, type TestDatabase } from '@platform/testing';
import { Migration, openDatabase } from '../src/index.js';

class CreateWidgets extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table widget (id int primary key)');
  }
}

class BrokenMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table gadget (id int primary key)');
    this.addSql('this is not sql');
  }
}

const Widget = defineEntity({ name: 'Widget', properties: { id: p.integer().primary() } });
const entities = [Widget];
const widgets = { name: 'Migration20260101000000_widgets', class: CreateWidgets };
const broken = { name: 'Migration20260101000001_broken', class: BrokenMigration };
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('persistence');
});
afterAll(() => database?.drop());

async function tables(): Promise<string[]> {
  const orm = await openDatabase({
    url: database.url,
    entities,
    migrations: [],
    migrate: false,
  });
  try {
    const rows = await orm.em
      .fork()
      .execute<{ name: string }[]>(
        "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
      );
    return rows.map((row) => row.name);
  } finally {
    await orm.close();
  }
}

describe('openDatabase (migrations on start)', () => {
  it('applies pending migrations once; opening again changes nothing', async () => {
    const first = await openDatabase({ url: database.url, entities, migrations: [widgets] });
    await first.close();
    const again = await openDatabase({ url: database.url, entities, migrations: [widgets] });
    const applied = await again.migrator.getExecuted();
    await again.close();
    expect(applied.map((m) => m.name)).toEqual([widgets.name]);
    expect(await tables()).toEqual(['schema_migrations', 'widget']);
  });

  it('a failing migration leaves no partial schema (all or nothing)', async () => {
    await expect(
      openDatabase({ url: database.url, entities, migrations: [widgets, broken] }),
    ).rejects.toThrow(/syntax error/);
    expect(await tables()).not.toContain('gadget');
  });
});
