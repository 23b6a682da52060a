// DOMAIN.md 5.9: specialist community services for victims and survivors (not IDVAs, who have
// their own return), per local authority per quarter. Oxfordshire counts referrals through its
// domestic abuse helpline ("493 referrals ... in the first 3 months of 2019", seeds/003);
// Buckinghamshire cites "531 new referrals to Women's Aid" in 2020/21 (seeds/000); Bexley's
// commissioned service runs a One Stop Shop, outreach for medium-risk cases and group programmes,
// and its Champions Network (seeds/004); Oxfordshire maps counselling and recovery programmes.
import { count, localAuthorityColumn, notesColumn, periodColumn, quarterlyKeys } from './columns';
import type { ReturnDefinition } from './definition';
import { notMoreThan } from './rules';

export const communityService: ReturnDefinition = {
  type: 'community-service',
  title: 'Community services return',
  sentBy: 'the specialist domestic abuse service',
  reference: false,
  columns: [
    periodColumn,
    localAuthorityColumn,
    count('helpline_contacts', 'Calls, messages and web chats answered by the local DA helpline or access point'),
    count('referrals_received', 'Referrals received by the service (from the helpline, professionals or people themselves)'),
    count('outreach_clients', 'New clients who accepted outreach support (medium or standard risk)'),
    count('outreach_cases_closed', 'Outreach cases closed in the quarter'),
    count('outreach_closed_feel_safer', 'Outreach cases closed where the client said they felt safer'),
    count('counselling_clients', 'People who started specialist counselling'),
    count('group_programme_starts', 'People who started a recovery group programme (such as the Freedom Programme)'),
    count('group_programme_completions', 'People who completed a recovery group programme'),
    count('one_stop_shop_visits', 'Visits to the One Stop Shop (each visit counted)'),
    count('champions_trained', 'New DA champions trained in partner organisations'),
    notesColumn,
  ],
  keys: quarterlyKeys(),
  rules: [
    notMoreThan('outreach_closed_feel_safer', 'outreach_cases_closed', 'error', 'Outcomes are recorded for cases closed, so there cannot be more of them than cases closed.'),
    notMoreThan('outreach_clients', 'referrals_received', 'warning', 'Usually fewer people take up outreach than are referred; this can happen when referrals from the quarter before start now.'),
    notMoreThan('group_programme_completions', 'group_programme_starts', 'warning', 'Usually fewer people complete a programme than start one; this can happen when a programme that started in an earlier quarter ends now.'),
  ],
};
