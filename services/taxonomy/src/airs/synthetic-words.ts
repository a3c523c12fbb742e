/**
 * Parallel word lists of the synthetic taxonomy (same index, same meaning), so a file generated
 * with the same seed in English and in French has the same codes and structure: a second
 * language's import of the "same taxonomy" (TAX-6).
 */
export interface SyntheticWords {
  categories: readonly string[];
  qualifiers: readonly string[];
  subjects: readonly string[];
  populations: readonly string[];
  /** e.g. "Programs that provide %s for %s." */
  definition: string;
  /** e.g. "%s Services" */
  synonym: string;
}

/** The ten AIRS top categories' letters, in file order (TAX-1). */
export const TOP_LETTERS = ['B', 'D', 'F', 'J', 'L', 'N', 'P', 'R', 'T', 'Y'] as const;

const EN: SyntheticWords = {
  categories: [
    'Basic Needs',
    'Consumer Services',
    'Criminal Justice and Legal Services',
    'Education',
    'Health Care',
    'Income Support and Employment',
    'Individual and Family Life',
    'Mental Health and Substance Use Disorder Services',
    'Organizational/Community/International Services',
    'Target Populations',
  ],
  qualifiers: [
    'Emergency',
    'Community',
    'Youth',
    'Senior',
    'Family',
    'Mobile',
    'Residential',
    'Legal',
    'Medical',
    'Peer',
    'Crisis',
    'Transitional',
    'Volunteer',
    'Home Based',
    'School Based',
    'Outpatient',
    'Early Childhood',
    'Veteran',
    'Rural',
    'Multilingual',
  ],
  subjects: [
    'Housing',
    'Food',
    'Mentoring',
    'Counseling',
    'Transportation',
    'Child Care',
    'Tutoring',
    'Shelter',
    'Clothing',
    'Job Training',
    'Case Management',
    'Advocacy',
    'Dental Care',
    'Nutrition',
    'Literacy',
    'Recreation',
    'Respite Care',
    'Parenting Education',
    'Mediation',
    'Financial Assistance',
    'Health Screening',
    'Support Groups',
    'Outreach',
    'Interpretation',
  ],
  populations: [
    'children',
    'adolescents',
    'older adults',
    'families',
    'women',
    'men',
    'veterans',
    'people with disabilities',
    'newcomers',
    'people experiencing homelessness',
    'caregivers',
    'students',
  ],
  definition: 'Programs that provide %s for %s in the community.',
  synonym: '%s Services',
};

const FR: SyntheticWords = {
  categories: [
    'Besoins essentiels',
    'Services aux consommateurs',
    'Justice pénale et services juridiques',
    'Éducation',
    'Soins de santé',
    'Soutien du revenu et emploi',
    'Vie personnelle et familiale',
    'Santé mentale et dépendances',
    'Services organisationnels, communautaires et internationaux',
    'Populations cibles',
  ],
  qualifiers: [
    "d'urgence",
    'communautaire',
    'pour les jeunes',
    'pour les aînés',
    'familial',
    'mobile',
    'résidentiel',
    'juridique',
    'médical',
    'par les pairs',
    'de crise',
    'de transition',
    'bénévole',
    'à domicile',
    'en milieu scolaire',
    'externe',
    'à la petite enfance',
    'pour les anciens combattants',
    'rural',
    'multilingue',
  ],
  subjects: [
    'Logement',
    'Alimentation',
    'Mentorat',
    'Counseling',
    'Transport',
    'Garde d’enfants',
    'Tutorat',
    'Hébergement',
    'Vêtements',
    'Formation professionnelle',
    'Gestion de cas',
    'Défense des droits',
    'Soins dentaires',
    'Nutrition',
    'Alphabétisation',
    'Loisirs',
    'Répit',
    'Éducation parentale',
    'Médiation',
    'Aide financière',
    'Dépistage',
    'Groupes de soutien',
    'Intervention de proximité',
    'Interprétation',
  ],
  populations: [
    'les enfants',
    'les adolescents',
    'les aînés',
    'les familles',
    'les femmes',
    'les hommes',
    'les anciens combattants',
    'les personnes handicapées',
    'les nouveaux arrivants',
    'les personnes en situation d’itinérance',
    'les proches aidants',
    'les étudiants',
  ],
  definition: 'Programmes qui offrent %s pour %s dans la communauté.',
  synonym: 'Services de %s',
};

/** The word list of a language (its primary subtag); English for languages without one. */
export function syntheticWords(language: string): SyntheticWords {
  return language.split('-')[0]?.toLowerCase() === 'fr' ? FR : EN;
}

/** "Emergency Housing" in English, "Logement d'urgence" in French. */
export function composeName(language: string, qualifier: string, subject: string): string {
  return syntheticWords(language) === FR ? `${subject} ${qualifier}` : `${qualifier} ${subject}`;
}
