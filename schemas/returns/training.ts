// DOMAIN.md 5.9: the partnership's multi-agency training, per local authority per quarter: who
// was trained (by sector) and on what (by module). Oxfordshire's delivery plan "will report on
// the number of professionals trained in each [module] and the range of agencies in receipt of
// training" and lists the modules (seeds/003, section 3); Bexley's training prospectus follows NICE
// guidance PH50 (seeds/004); Buckinghamshire commits to "regular training for frontline staff"
// (seeds/000).
//
// A professional is counted once in the quarter in `professionals_trained` and in their sector,
// and once on each module they attended: the sectors add up to the professionals trained, and
// each module has at most that many.
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ReturnDefinition } from './definition';
import { notMoreThan, sumEquals } from './rules';

export const TRAINING_SECTORS: Array<[string, string]> = [
  ['trained_police', 'Professionals trained from the police'],
  ['trained_health', 'Professionals trained from health services (GPs, hospitals, midwives, health visitors, mental health)'],
  ['trained_social_care', "Professionals trained from children's and adult social care"],
  ['trained_education', 'Professionals trained from schools, colleges and early years'],
  ['trained_housing', 'Professionals trained from housing services and housing providers'],
  ['trained_criminal_justice', 'Professionals trained from probation, courts and the Witness Service'],
  ['trained_voluntary', 'Professionals trained from voluntary, community and faith organisations'],
  ['trained_other', 'Professionals trained from any other sector, including employers'],
];

/** Oxfordshire's modules (seeds/003), which also cover Bexley's and Buckinghamshire's. */
export const TRAINING_MODULES: Array<[string, string]> = [
  ['module_basic_awareness', 'Places taken on DA basic awareness training'],
  ['module_risk_safety_planning', 'Places taken on DA risk (DASH) and safety planning training'],
  ['module_children_families', 'Places taken on children, families and DA training'],
  ['module_young_people', 'Places taken on young people and DA training'],
  ['module_champions', 'Places taken on DA champions training'],
  ['module_coercive_control', 'Places taken on coercive control training'],
  ['module_stalking_harassment', 'Places taken on stalking and harassment training'],
  ['module_honour_based_abuse', "Places taken on so-called 'honour'-based abuse and forced marriage training"],
];

export const training: ReturnDefinition = {
  type: 'training',
  title: 'Training return',
  sentBy: "the partnership's training lead",
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    count('professionals_trained', 'Professionals who completed any DA training in the quarter, each counted once'),
    ...TRAINING_SECTORS.map(([name, description]) => count(name, description)),
    ...TRAINING_MODULES.map(([name, description]) => count(name, description)),
    count('evaluations_returned', 'Evaluations returned by the professionals trained'),
    count('evaluations_more_confident', 'Evaluations saying the professional feels more confident to identify and respond to DA'),
    notesColumn,
  ],
  keys: quarterlyKeys(),
  rules: [
    sumEquals(
      TRAINING_SECTORS.map(([name]) => name),
      'professionals_trained',
      'error',
      'Every professional trained works in exactly one of these sectors, so the sector columns must add up to the professionals trained.',
    ),
    ...TRAINING_MODULES.map(([name]) =>
      notMoreThan(name, 'professionals_trained', 'error', 'Places on one module are taken by professionals trained in the quarter, each once, so there cannot be more of them.'),
    ),
    notMoreThan('evaluations_returned', 'professionals_trained', 'error', 'Each professional trained returns at most one evaluation.'),
    notMoreThan('evaluations_more_confident', 'evaluations_returned', 'error', 'These are counted among the evaluations returned, so there cannot be more of them.'),
  ],
};
