// DOMAIN.md 5.9: a domestic abuse perpetrator programme's return, per local authority (where the
// participant lives), quarter and kind of programme. Oxfordshire's delivery plan monitors "the
// number of referrals / starters and completion rates" of its voluntary programme and the waiting
// times for the probation programme (seeds/003, section 3); Buckinghamshire wants "accessible
// perpetrator programmes that bring meaningful change" (seeds/000).
//
// Each column counts what happened in the quarter. Referrals, starts and completions are flows,
// not a cohort: people referred in one quarter start in the next, and a 24-week programme
// finishes two quarters after it starts. So a quarter may have more completions than starts, and
// the order referrals ≥ assessed ≥ starts ≥ completions is a warning, not an error.
import { choice, count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ReturnDefinition } from './definition';
import { noneWithout, notMoreThan } from './rules';

/**
 * Kinds of programme, not product names (Building Better Relationships became Building Choices
 * in 2023): a return names what the programme is for and who runs it.
 */
export const PROGRAMME_KINDS = ['probation_accredited', 'community_voluntary', 'high_harm', 'parenting', 'young_people', 'other'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const perpetratorProgramme: ReturnDefinition = {
  type: 'perpetrator-programme',
  title: 'Perpetrator programme return',
  sentBy: 'the perpetrator programme provider (probation, or a commissioned service)',
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    choice(
      'programme',
      'The kind of programme, in this order (court-mandated and run by probation, such as Building Better Relationships; voluntary in the community, such as a Respect-accredited one; intensive work with high-harm perpetrators, such as Drive; parenting, such as Caring Dads; for young people; anything else)',
      PROGRAMME_KINDS,
    ),
    count('referrals', 'People referred to the programme in the quarter'),
    count('assessed_suitable', 'People assessed in the quarter as suitable for the programme'),
    count('starts', 'People who started the programme in the quarter'),
    count('completions', 'People who completed the programme in the quarter'),
    count('waiting_days_total', 'Days from referral to starting, added up over the people who started in the quarter'),
    notesColumn,
  ],
  keys: quarterlyKeys('programme'),
  rules: [
    notMoreThan('assessed_suitable', 'referrals', 'warning', 'Usually fewer people are assessed as suitable than are referred; this can happen when people referred in the quarter before are assessed now.'),
    notMoreThan('starts', 'assessed_suitable', 'warning', 'Usually fewer people start than are assessed as suitable; this can happen when people assessed in the quarter before start now.'),
    notMoreThan('completions', 'starts', 'warning', 'Usually fewer people complete than start; this can happen when a programme that started in an earlier quarter ends now.'),
    noneWithout('waiting_days_total', 'starts', 'error', 'Waiting days are counted for the people who started, so there cannot be any when nobody started.'),
  ],
};
