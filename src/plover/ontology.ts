/**
 * The PLOVER ontology as Dyad uses it: the 16 event types with their quad
 * class and allowed modes, and the 37 general contexts (PLOVER manual v0.8,
 * summarised in ../shared/reference/plover.md). The CAMEO → PLOVER table in
 * data/codes/cameo-plover.tsv is checked against these lists when it loads.
 */

export interface PloverType {
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: 1 | 2 | 3 | 4;
  modes: readonly string[];
}

export const PLOVER_TYPES: Readonly<Record<string, PloverType>> = {
  AGREE: { quad: 1, modes: [] },
  CONSULT: { quad: 1, modes: ['visit', 'third-party', 'multilateral', 'phone'] },
  SUPPORT: { quad: 1, modes: [] },
  CONCEDE: { quad: 1, modes: [] },
  COOPERATE: { quad: 2, modes: [] },
  AID: { quad: 2, modes: [] },
  RETREAT: { quad: 2, modes: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'] },
  REQUEST: { quad: 3, modes: ['assist', 'change', 'yield', 'meet'] },
  ACCUSE: { quad: 3, modes: ['disapprove', 'investigate', 'allege'] },
  REJECT: { quad: 3, modes: ['assist', 'change', 'yield', 'meet'] },
  THREATEN: { quad: 3, modes: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'] },
  PROTEST: { quad: 4, modes: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'] },
  // The manual's quad table puts SANCTION in verbal conflict, its own section in material
  // conflict; Dyad follows the section (and CAMEO root 16, which is material conflict).
  SANCTION: { quad: 4, modes: ['convict', 'expel', 'withdraw', 'discontinue'] },
  MOBILIZE: { quad: 4, modes: ['troops', 'weapons', 'police', 'militia'] },
  COERCE: {
    quad: 4,
    modes: ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
  },
  ASSAULT: {
    quad: 4,
    modes: [
      'abduct', 'beat', 'torture', 'sexual', 'targeted', 'destroy', 'primitive', 'firearms', 'explosives',
      'suicide-attack', 'aerial', 'drone', 'heavy-weapons', 'crowd-control', 'unconventional',
    ],
  },
};

export const PLOVER_CONTEXTS: ReadonlySet<string> = new Set([
  'military', 'intelligence', 'executive', 'legislative', 'election', 'political_institutions',
  'pro_democracy', 'pro_autocracy', 'economic', 'legal', 'reparations', 'human_rights',
  'rights_freedoms', 'repression', 'human_security', 'gender', 'lgbt', 'religion_ethnicity',
  'inequality', 'diplomatic', 'territory', 'peacekeeping', 'health', 'asylum', 'migration',
  'disasters', 'natural_resource', 'environment', 'technology', 'terrorism', 'cbrn', 'cyber',
  'misinformation', 'crime', 'corruption', 'illegal_drugs', 'trafficking',
]);
