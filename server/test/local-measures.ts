// Two measures a partnership defines of its own (issue 13), as the tests send them to the API: a
// count of people trained, without an aim (the API files it under its default), and a share of
// residents surveyed. Add `organisations` (who sends it) where the test needs them.
export const CHAMPIONS = {
  id: 'champions-trained',
  title: 'Domestic abuse champions trained',
  unit: 'champions',
  numerator: 'People who completed domestic abuse champion training',
  denominator: null,
  multiplier: 1,
  polarity: 'higher-better',
  interval: 'byar',
} as const;

export const REACH = {
  id: 'campaign-reach',
  title: 'Campaign reach',
  unit: '%',
  aim: 'prevention-and-workforce',
  numerator: 'Residents who recall the campaign',
  denominator: 'Residents surveyed',
  multiplier: 100,
  polarity: 'higher-better',
  interval: 'wilson',
} as const;
