// DOMAIN.md 5.9: domestic abuse cases in the criminal and family courts, per local authority per
// quarter, from the CPS's domestic abuse-flagged prosecution outcomes, the family court's civil
// orders and the Witness Service. Central Bedfordshire's "success will mean" asks for successful
// prosecutions, "increasing applications to Courts for non-molestation orders, restraining
// orders etc", "increase in positive outcomes at Court" and "appropriate and consistent use of
// Special Measures" (seeds/002, as Bexley's, seeds/004); Oxfordshire wants every victim giving
// evidence to have specialist support at the hearing (seeds/003, delivery plan).
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ReturnDefinition } from './definition';
import { notMoreThan } from './rules';

export const courtOutcomes: ReturnDefinition = {
  type: 'court-outcomes',
  title: 'Court outcomes return',
  sentBy: 'the local criminal justice board, from CPS, court and Witness Service figures',
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    count('prosecutions_completed', 'DA-flagged prosecutions completed in the quarter (CPS)'),
    count('convictions', 'Of the prosecutions completed, those that ended in a conviction'),
    count('guilty_pleas', 'Of the convictions, those after a guilty plea'),
    count('restraining_orders', 'Restraining orders made on conviction or acquittal'),
    count('protection_order_applications', 'Applications to the family court for non-molestation or occupation orders, and to any court for DAPOs'),
    count('protection_orders_made', 'Non-molestation orders, occupation orders and DAPOs made'),
    count('special_measures_applications', 'Applications for special measures for a victim giving evidence (screens, live link, video-recorded evidence)'),
    count('special_measures_granted', 'Applications for special measures granted'),
    count('witnesses_attending', 'Victims of DA who attended court to give evidence'),
    count('witnesses_supported', 'Of those, victims who had specialist DA support (an IDVA or ISVA) at the hearing'),
    notesColumn,
  ],
  keys: quarterlyKeys(),
  rules: [
    notMoreThan('convictions', 'prosecutions_completed', 'error', 'Convictions are outcomes of the prosecutions completed, so there cannot be more of them.'),
    notMoreThan('guilty_pleas', 'convictions', 'error', 'Guilty pleas are counted among the convictions, so there cannot be more of them.'),
    notMoreThan('witnesses_supported', 'witnesses_attending', 'error', 'Victims supported are counted among the victims who attended, so there cannot be more of them.'),
    notMoreThan('protection_orders_made', 'protection_order_applications', 'warning', 'An order usually follows an application in the same quarter; this can happen when an application from the quarter before is decided now.'),
    notMoreThan('special_measures_granted', 'special_measures_applications', 'warning', 'Usually no more applications are granted than are made; this can happen when an application from the quarter before is decided now.'),
  ],
};
