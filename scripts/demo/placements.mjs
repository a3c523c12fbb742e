// PLC-1…PLC-8: facilities with something in each state, as the guide describes them — Lake County
// Juvenile Detention Centre laid out as chapter 6.3's example (two buildings of five floors with
// two bedrooms of two beds; building 2 for 14 and over, same-gender floors), a fire-damaged room
// out of service "under repair", residents placed, a reservation awaiting its arrival; and the
// two foster homes, one of them holding a child in an emergency place beyond its designated
// capacity. Loaded before the waitlists, so Hilltop's allocation finds its free bed (PRV-10).
import { days, waitFor } from './http.mjs';

/** Placements knows providers only from their events (ADR 0020): create once it has heard. */
function facilityWhenKnown(manager, body) {
  return waitFor(`placements to learn of provider ${body.providerId}`, () =>
    manager.placements.post('/facilities', body).catch((error) => {
      if (String(error.message).includes(' 422 ')) return null; // not projected yet
      throw error;
    }),
  );
}

async function compartment(manager, facilityId, parentId, name, characteristics = {}) {
  const created = await manager.placements.post(`/facilities/${facilityId}/compartments`, {
    parentId,
    name,
    characteristics,
  });
  return created.compartmentId;
}

async function places(manager, compartmentId, names) {
  const created = await manager.placements.post(`/compartments/${compartmentId}/places`, { names });
  return created.places.map((place) => place.placeId);
}

const age = (years, month = '04') => `${Number(days(0).slice(0, 4)) - years}-${month}-15`;

/** Chapter 6.3's detention centre: 40 beds. Answers the ids of the rooms' beds by room name. */
async function lakeCountyLayout(manager, providerId) {
  const facility = await facilityWhenKnown(manager, {
    providerId,
    name: 'Lake County Detention Centre',
    designatedCapacity: 40,
    physicalCapacity: 40,
  });
  const beds = {};
  for (const building of [1, 2]) {
    const buildingId = await compartment(
      manager,
      facility.facilityId,
      facility.rootCompartmentId,
      `Building ${building}`,
      building === 2 ? { minimumAge: 14, maximumAge: 17 } : { maximumAge: 17 },
    );
    for (const floor of [1, 2, 3, 4, 5]) {
      const floorId = await compartment(
        manager,
        facility.facilityId,
        buildingId,
        `Floor ${floor}`,
        {
          sameGenderOnly: true,
        },
      );
      for (const room of [1, 2]) {
        const name = `Room ${building}-${floor}0${room}`;
        const roomId = await compartment(manager, facility.facilityId, floorId, name);
        beds[name] = { roomId, beds: await places(manager, roomId, [`${name}A`, `${name}B`]) };
      }
    }
  }
  return { facility, beds };
}

const RESIDENTS = [
  ['Room 1-101', 'LC-2001', 'male', 13],
  ['Room 1-101', 'LC-2002', 'male', 12],
  ['Room 1-201', 'LC-2003', 'female', 13],
  ['Room 1-301', 'LC-2004', 'male', 11],
  ['Room 2-101', 'LC-2005', 'male', 16],
  ['Room 2-101', 'LC-2006', 'male', 15],
  ['Room 2-102', 'LC-2007', 'male', 17],
  ['Room 2-201', 'LC-2008', 'female', 16],
  ['Room 2-201', 'LC-2009', 'female', 14],
  ['Room 2-301', 'LC-2010', 'male', 15],
];

export async function loadPlacements(users, providers, progress) {
  const { manager, caseWorker } = users;
  const lakeCounty = await lakeCountyLayout(manager, providers.lakeCounty);
  const facilityId = lakeCounty.facility.facilityId;
  for (const [room, clientId, gender, years] of RESIDENTS) {
    // The room's next free bed: A, then B.
    await caseWorker.placements.post('/placements', {
      facilityId,
      placeId: lakeCounty.beds[room].beds.shift(),
      client: { clientId, gender, birthDate: age(years) },
      from: days(-20 - years),
    });
  }
  // The guide's fire: room 1-202 badly damaged, its beds out of service until repaired (PLC-3).
  await manager.placements.post(`/facilities/${facilityId}/out-of-service`, {
    compartmentId: lakeCounty.beds['Room 1-202'].roomId,
    from: days(-2),
    to: null,
    reason: 'Under repair (fire damage)',
  });
  // A 15-year-old expected next week (PLC-4): the timer expires it if he does not arrive.
  await caseWorker.placements.post('/reservations', {
    providerId: providers.lakeCounty,
    facilityId,
    client: { clientId: 'LC-2011', gender: 'male', birthDate: age(15) },
    from: days(7),
    to: days(97),
  });

  // The foster homes: Hilltop keeps a bed free for its waitlist; Maple is full and holds a
  // child in an emergency place beyond its designated capacity (PLC-6).
  const hilltop = await facilityWhenKnown(manager, {
    providerId: providers.hilltop,
    name: 'Hilltop family home',
    designatedCapacity: 2,
    physicalCapacity: 3,
  });
  const [hilltopBed] = await places(manager, hilltop.rootCompartmentId, [
    'Blue room',
    'Attic room',
  ]);
  await caseWorker.placements.post('/placements', {
    facilityId: hilltop.facilityId,
    placeId: hilltopBed,
    client: { clientId: 'FC-3101', gender: 'female', birthDate: age(9) },
    from: days(-200),
  });
  const maple = await facilityWhenKnown(manager, {
    providerId: providers.maple,
    name: 'Maple Street home',
    designatedCapacity: 2,
    physicalCapacity: 3,
  });
  await places(manager, maple.rootCompartmentId, ['Front bedroom', 'Back bedroom']);
  for (const [clientId, years] of [
    ['FC-3201', 7],
    ['FC-3202', 10],
  ]) {
    await caseWorker.placements.post('/placements', {
      facilityId: maple.facilityId,
      client: { clientId, birthDate: age(years) },
      from: days(-90),
    });
  }
  await caseWorker.placements.post('/placements', {
    facilityId: maple.facilityId,
    client: { clientId: 'FC-3203', gender: 'female', birthDate: age(5) },
    from: days(-3),
    emergency: true,
  });
  progress(
    'demo data: 3 facilities in placements (Lake County laid out as the guide, a room out of ' +
      'service, 10 residents, a reservation; a foster child in an emergency place at Maple Street)',
  );
}
