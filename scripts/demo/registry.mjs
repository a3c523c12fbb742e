// The registries an administrator configures before providers are managed: the service registry
// (service groups, service products with rates and payment options, absence reasons), training
// courses, certification and licence types, provider categories with their types, specialties.
import { thisYear } from './http.mjs';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

const SERVICE_GROUPS = {
  residential: {
    name: 'Residential care',
    description: 'Foster care and secure residential placements',
  },
  community: {
    name: 'Community services',
    description: 'Day care and therapy delivered in the community',
  },
  training: {
    name: 'Carer training',
    description: 'Courses the agency arranges for provider members',
  },
};

const ABSENCE_REASONS = [
  { name: 'Illness', payable: true, deductible: false },
  { name: 'Family visit', payable: true, deductible: true },
  { name: 'Unexcused absence', payable: false, deductible: true },
];

/** SVC-1 … SVC-10: each product with its groups, pay-by flags, rules, rates and payment options. */
const SERVICE_PRODUCTS = {
  fosterCare: {
    groups: ['residential'],
    body: {
      name: 'Foster Care – Standard',
      unitOfMeasure: 'place',
      payBasedOnAttendance: false,
      payBasedOnPlacement: true,
      approvalCriteria: ['licence', 'background-check', 'home-study'],
      delivery: { type: 'service-delivery' },
      mandatoryCourseCodes: ['FIRST-AID', 'CHILD-SAFEGUARDING'],
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-minimum', maximum: 'pay-maximum' },
    },
    rates: [
      {
        kind: 'fixed',
        amount: '42.50',
        effectiveFrom: `${thisYear - 1}-01-01`,
        effectiveTo: `${thisYear - 1}-12-31`,
      },
      { kind: 'fixed', amount: '45.00', effectiveFrom: `${thisYear}-01-01` },
    ],
  },
  dayCare: {
    groups: ['community'],
    body: {
      name: 'Day Care',
      unitOfMeasure: 'day',
      payBasedOnAttendance: true,
      payBasedOnPlacement: false,
      attendanceTracking: {
        rostersEnabled: true,
        rosterGenerationFrequency: { every: 'week', on: 'monday' },
        dailyAttendance: true,
        reportingMethod: 'utilization',
        attendancePaymentFrequency: { every: 'month', day: 1 },
      },
      approvalCriteria: ['licence', 'background-check'],
      approvalCheckPercentage: 10,
      delivery: { type: 'service-delivery', frequency: { every: 'week', on: WEEKDAYS } },
      mandatoryCourseCodes: ['FIRST-AID', 'CHILD-SAFEGUARDING'],
      paymentOptions: { fixed: 'pay-billed', minimum: 'pay-billed', maximum: 'pay-maximum' },
    },
    rates: [{ kind: 'fixed', amount: '38.00', effectiveFrom: `${thisYear - 1}-01-01` }],
  },
  detention: {
    groups: ['residential'],
    body: {
      name: 'Secure Detention',
      unitOfMeasure: 'place',
      payBasedOnAttendance: false,
      payBasedOnPlacement: true,
      approvalCriteria: ['licence', 'accreditation', 'background-check'],
      delivery: { type: 'service-delivery' },
      mandatoryCourseCodes: ['FIRST-AID'],
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-minimum', maximum: 'pay-nothing' },
    },
    rates: [{ kind: 'fixed', amount: '310.00', effectiveFrom: `${thisYear - 1}-01-01` }],
  },
  therapy: {
    groups: ['community'],
    body: {
      name: 'Family Therapy Session',
      unitOfMeasure: 'session',
      payBasedOnAttendance: false,
      payBasedOnPlacement: false,
      approvalCriteria: ['accreditation'],
      delivery: {
        type: 'service-delivery-with-eligibility',
        clients: 'multiple',
        outcomeTracking: true,
      },
      paymentOptions: { fixed: 'pay-billed', minimum: 'pay-billed', maximum: 'pay-nothing' },
    },
    rates: [
      {
        kind: 'range',
        minimum: '80.00',
        maximum: '150.00',
        effectiveFrom: `${thisYear - 1}-01-01`,
      },
    ],
    /** SVC-3: changed after creation, through the product's payment options endpoint. */
    paymentOptions: { fixed: 'pay-billed', minimum: 'pay-minimum', maximum: 'pay-maximum' },
  },
  safeguardingTraining: {
    groups: ['training'],
    body: {
      name: 'Child Safeguarding Training',
      unitOfMeasure: 'session',
      payBasedOnAttendance: false,
      payBasedOnPlacement: false,
      delivery: { type: 'service-delivery', clients: 'multiple', multipleDeliveries: true },
      paymentOptions: { fixed: 'pay-fixed', minimum: 'pay-billed', maximum: 'pay-maximum' },
    },
    rates: [{ kind: 'fixed', amount: '120.00', effectiveFrom: `${thisYear - 1}-01-01` }],
  },
};

/** CRD-4: the training registry; CHILD-SAFEGUARDING is delivered as a managed training. */
const TRAINING_COURSES = [
  {
    code: 'FIRST-AID',
    name: 'First aid for carers',
    description: 'Paediatric first aid and CPR, 6 hours',
    defaultCredits: 2,
    creditVariations: [{ categoryCode: 'residential', credits: 3 }],
  },
  {
    code: 'CHILD-SAFEGUARDING',
    name: 'Child safeguarding',
    description: 'Recognising, recording and reporting abuse and neglect',
    defaultCredits: 3,
    product: 'safeguardingTraining',
  },
  {
    code: 'TRAUMA-INFORMED-CARE',
    name: 'Trauma-informed care',
    description: 'Caring for children who have experienced trauma, 2 days',
    defaultCredits: 4,
    creditVariations: [{ categoryCode: 'residential', typeCode: 'foster-home', credits: 6 }],
  },
  {
    code: 'DE-ESCALATION',
    name: 'De-escalation and safe restraint',
    description: 'Verbal de-escalation; restraint only as a last resort',
    defaultCredits: 2,
    creditVariations: [{ categoryCode: 'residential', typeCode: 'detention', credits: 3 }],
  },
];

/** CRD-5 */
const CERTIFICATION_TYPES = {
  therapeuticFosterCarer: {
    name: 'Therapeutic foster carer',
    description: 'Required to care for children with complex needs',
    validityMonths: 24,
    requiredCredits: 8,
    issuer: 'agency',
  },
  earlyChildhoodEducator: {
    name: 'Early childhood educator',
    description: 'State qualification for lead teachers in day care',
    validityMonths: 36,
    issuer: 'third-party',
  },
  familyTherapist: {
    name: 'Licensed family therapist',
    description: 'Licence to practise marriage and family therapy',
    validityMonths: 24,
    issuer: 'third-party',
  },
  detentionOfficer: {
    name: 'Youth detention officer',
    description: 'Agency certification for officers in secure facilities',
    validityMonths: 12,
    requiredCredits: 4,
    issuer: 'agency',
  },
};

/** CRD-2, CRD-3 */
const LICENCE_TYPES = {
  fosterCare: {
    code: 'FOSTER-CARE',
    name: 'Foster care licence',
    description: 'Licence to provide foster care in the state',
    mandatoryCourseCodes: ['FIRST-AID', 'CHILD-SAFEGUARDING'],
    defaultValidityMonths: 12,
  },
  childCare: {
    code: 'CHILD-CARE',
    name: 'Child care centre licence',
    description: 'Licence to run a day care centre for children under 12',
    mandatoryCourseCodes: ['FIRST-AID', 'CHILD-SAFEGUARDING'],
    defaultValidityMonths: 24,
  },
  secureCare: {
    code: 'SECURE-CARE',
    name: 'Secure care facility licence',
    description: 'Licence to hold young people in a secure facility',
    mandatoryCourseCodes: ['FIRST-AID', 'DE-ESCALATION'],
    defaultValidityMonths: 12,
  },
};

/** PRV-3: categories and their types (a type is a sub-classification of its category). */
const CATEGORIES = [
  {
    code: 'residential',
    name: 'Residential care',
    types: [
      { code: 'foster-home', name: 'Foster home' },
      { code: 'group-home', name: 'Group home' },
      { code: 'detention', name: 'Detention centre' },
    ],
  },
  {
    code: 'community',
    name: 'Community services',
    types: [
      { code: 'day-care', name: 'Day care centre' },
      { code: 'therapy-practice', name: 'Therapy practice' },
    ],
  },
];

const SPECIALTIES = [
  { code: 'infants-toddlers', name: 'Infants and toddlers' },
  { code: 'sibling-groups', name: 'Sibling groups' },
  { code: 'adolescents', name: 'Adolescents' },
  { code: 'developmental-delay', name: 'Developmental delay' },
  { code: 'trauma-informed', name: 'Trauma-informed care' },
  { code: 'spanish-speaking', name: 'Spanish-speaking' },
];

/** Loads every registry as the administrator; answers the ids the provider records refer to. */
export async function loadRegistries(admin, progress) {
  const groups = {};
  for (const [key, body] of Object.entries(SERVICE_GROUPS)) {
    groups[key] = (await admin.post('/service-groups', body)).id;
  }
  for (const body of ABSENCE_REASONS) await admin.post('/absence-reasons', body);

  const products = {};
  let rates = 0;
  for (const [key, product] of Object.entries(SERVICE_PRODUCTS)) {
    const serviceGroupIds = product.groups.map((group) => groups[group]);
    const { id } = await admin.post('/service-products', { ...product.body, serviceGroupIds });
    products[key] = id;
    for (const rate of product.rates) {
      await admin.post(`/service-products/${id}/rates`, rate);
      rates += 1;
    }
    if (product.paymentOptions) {
      await admin.put(`/service-products/${id}/payment-options`, product.paymentOptions);
    }
  }
  progress(
    `demo data: service registry — ${Object.keys(products).length} service products with ${rates} rates, ` +
      `${Object.keys(groups).length} service groups, ${ABSENCE_REASONS.length} absence reasons`,
  );

  for (const { product, ...course } of TRAINING_COURSES) {
    await admin.post('/training-courses', {
      ...course,
      ...(product ? { serviceProductId: products[product] } : {}),
    });
  }
  const certificationTypes = {};
  for (const [key, body] of Object.entries(CERTIFICATION_TYPES)) {
    certificationTypes[key] = (await admin.post('/certification-types', body)).id;
  }
  const licenceTypes = {};
  for (const [key, body] of Object.entries(LICENCE_TYPES)) {
    licenceTypes[key] = (await admin.post('/licence-types', body)).id;
  }
  progress(
    `demo data: credential registries — ${TRAINING_COURSES.length} training courses, ` +
      `${Object.keys(certificationTypes).length} certification types, ` +
      `${Object.keys(licenceTypes).length} licence types`,
  );

  let types = 0;
  for (const { types: categoryTypes, ...category } of CATEGORIES) {
    await admin.post('/provider-categories', category);
    for (const type of categoryTypes) {
      await admin.post(`/provider-categories/${category.code}/types`, type);
      types += 1;
    }
  }
  for (const specialty of SPECIALTIES) await admin.post('/specialties', specialty);
  progress(
    `demo data: classification — ${CATEGORIES.length} provider categories with ${types} types, ` +
      `${SPECIALTIES.length} specialties`,
  );

  return { products, certificationTypes, licenceTypes };
}
