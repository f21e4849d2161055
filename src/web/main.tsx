import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { currentAsOf, prefetch } from './api';
import { App } from './App';
import { loadEcharts } from './components/EChart';
import { forecastsUrl } from './forecast';
import { planIdInPath } from './plan';
import './app.css';

// The cockpit is the first page most people see: ask for its data and its chart library now, in parallel with
// React's first render, instead of one after the other. Which plan: the address says (/plans/{id}); at / the list of
// plans decides (index.html asked for it already).
const cockpitPlan = /^\/plans\/[^/]+\/?$/.test(location.pathname) ? planIdInPath(location.pathname) : null;
if (cockpitPlan) {
  const asOf = currentAsOf();
  prefetch(`/api/plans/${encodeURIComponent(cockpitPlan)}/evaluation?asOf=${asOf}`);
  prefetch(forecastsUrl(cockpitPlan, asOf));
}
if (cockpitPlan || location.pathname === '/') void loadEcharts('basic');
prefetch('/api/plans');
prefetch('/api/auth/me');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
