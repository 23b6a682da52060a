// A small delivery plan for the feature's tests, shaped as GET /api/partnerships/:id/actions
// answers: two aims (listed out of order, as a filter or an edit can leave them), actions
// complete, on track, at risk and overdue, off track and overdue, one with no aim.
import type { DeliveryPlan, PlanAction } from '../../../../schemas/actions-api';

export const PREVENTION = { id: 10, number: 1, title: 'Prevention' };
export const PROVISION = { id: 11, number: 2, title: 'Provision' };

export function testAction(over: Partial<PlanAction> & Pick<PlanAction, 'id' | 'title'>): PlanAction {
  return {
    strategyId: 3,
    aim: PREVENTION,
    measure: null,
    leadAgency: 'Oxfordshire County Council',
    leadPerson: 'DA Co-ordinator',
    timescale: 'Year 1',
    due: '2027-03-31',
    status: 'on-track',
    overdue: false,
    updates: [],
    createdAt: '2026-01-01T12:00:00.000Z',
    updatedAt: '2026-01-01T12:00:00.000Z',
    ...over,
  };
}

export const ACTIONS: PlanAction[] = [
  testAction({ id: 1, title: 'Run the training programme', status: 'complete', due: '2020-03-31', updates: [
    { id: 2, on: '2020-04-21', text: 'Programme delivered for 2019-20.', author: { id: 2, name: 'Demo analyst' }, createdAt: '2020-04-21T12:00:00.000Z' },
    { id: 1, on: '2019-10-16', text: 'All five modules running.', author: { id: 2, name: 'Demo analyst' }, createdAt: '2019-10-16T12:00:00.000Z' },
  ] }),
  testAction({ id: 2, title: 'Map recovery programmes', aim: PROVISION, status: 'at-risk', due: '2026-09-30', overdue: true, timescale: 'Year 1; re-set to September 2026' }),
  testAction({ id: 3, title: 'Manage the co-commissioned services', aim: PROVISION, status: 'on-track', due: null, timescale: 'Quarterly', measure: { id: 21, indicator: 'idva-engagement-pct', indicatorTitle: 'IDVA referrals engaging with support', area: 'E10000025' } }),
  testAction({ id: 4, title: 'Review the tasking process', aim: PROVISION, status: 'off-track', due: '2026-06-30', overdue: true, leadPerson: null }),
  testAction({ id: 5, title: 'Write the communications plan', aim: null, status: 'not-assessable', due: null, timescale: null }),
];

export function testPlan(actions: PlanAction[] = ACTIONS): DeliveryPlan {
  const byStatus = { complete: 0, 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'not-assessable': 0 };
  for (const a of actions) byStatus[a.status]++;
  return {
    partnership: { id: 3, name: 'Oxfordshire Strategic Board for Domestic Abuse' },
    strategy: { id: 3, title: 'Oxfordshire Domestic Abuse Strategy 2019–2024', from: '2019-20', to: '2023-24' },
    today: '2026-11-22',
    summary: { total: actions.length, overdue: actions.filter((a) => a.overdue).length, byStatus },
    actions,
  };
}
