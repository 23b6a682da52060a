// DOMAIN.md 5.9: the community safety partnership's domestic homicide review log, per local
// authority per quarter. Oxfordshire shares "quarterly information ... on Oxfordshire DHRs running
// and those published in that quarter" (seeds/003, delivery plan) and counts reviews, victims
// and the children bereaved ("11 DHRs, involving 14 victims and 24 children (18 under the age of
// 18)"); Buckinghamshire reports "1 DHR completed during 2020/21" (seeds/000). Reviews follow the
// Home Office's statutory guidance (Domestic Violence, Crime and Victims Act 2004, section 9):
// the partnership is notified of a death, decides whether to commission a review, and the review
// goes to the Home Office's quality assurance panel before it is published.
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ReturnDefinition } from './definition';
import { notMoreThan } from './rules';

export const dhr: ReturnDefinition = {
  type: 'dhr',
  title: 'Domestic homicide review return',
  sentBy: 'the community safety partnership',
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    count('notifications_received', 'Deaths notified to the partnership in the quarter for it to consider a review'),
    count('reviews_commissioned', 'Reviews the partnership decided in the quarter to hold'),
    count('reviews_commissioned_suicide', 'Of the reviews commissioned, those into a death by suicide where abuse was a factor'),
    count('deaths_reviewed', 'People whose deaths the reviews commissioned in the quarter are into (a review can be into more than one death)'),
    count('children_bereaved', 'Children under 18 who lost a parent or carer in those deaths'),
    count('reviews_in_progress', 'Reviews under way at the end of the quarter (a count at one date: it does not add up over quarters)'),
    count('reviews_submitted_home_office', "Reviews sent in the quarter to the Home Office's quality assurance panel"),
    count('reviews_published', 'Reviews published in the quarter'),
    notesColumn,
  ],
  keys: quarterlyKeys(),
  rules: [
    notMoreThan('reviews_commissioned', 'notifications_received', 'warning', 'A review usually follows a notification in the same quarter; this can happen when a death notified in the quarter before is decided on now.'),
    notMoreThan('reviews_commissioned_suicide', 'reviews_commissioned', 'error', 'Reviews into a suicide are counted among the reviews commissioned, so there cannot be more of them.'),
    notMoreThan('reviews_commissioned', 'deaths_reviewed', 'error', 'Every review is into at least one death, so there cannot be more reviews than deaths.'),
  ],
};
