// `/strategy`, "Our strategy" in the navigation and where board members, analysts and
// administrators land after signing in: straight to their partnership's page (see landing.ts for
// which), replacing this address so Back does not return here; to the list for someone who
// belongs to none.
import { useEffect } from 'react';
import { navigate } from '../../app/router';
import { Loading, QueryState } from '../../components/QueryState';
import { useMe } from '../auth/api';
import { usePartnerships } from './api';
import { landingPartnership, partnershipPath, rememberedPartnership } from './landing';

function Go({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading what="your partnership" />;
}

export default function StrategyLanding() {
  const me = useMe();
  const partnerships = usePartnerships();
  if (!me.data) return <Loading what="your account" />;
  const user = me.data.user;
  return (
    <QueryState query={partnerships} what="your partnerships">
      {(list) => {
        const id = landingPartnership(list, user, rememberedPartnership());
        return <Go to={id === null ? '/partnerships' : partnershipPath(id)} />;
      }}
    </QueryState>
  );
}
