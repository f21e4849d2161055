/** /: the cockpit when the platform holds one plan; the list of plans to choose from when it holds several. */
import { Cockpit } from './Cockpit';
import { PlanList } from './PlanList';
import { Loading } from '../components/Loading';
import { usePlan } from '../plan';

export function Home() {
  const scope = usePlan();
  if (!scope.plans) return <Loading />;
  return scope.plans.length === 1 ? <Cockpit /> : <PlanList plans={scope.plans} />;
}
