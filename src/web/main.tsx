import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { currentAsOf, PLAN_ID, prefetch } from './api';
import { App } from './App';
import { loadEcharts } from './components/EChart';
import { forecastsUrl } from './forecast';
import './app.css';

// The cockpit is the first page most people see: ask for its data and its chart library now, in parallel with
// React's first render, instead of one after the other.
if (location.pathname === '/') {
  const asOf = currentAsOf();
  prefetch(`/api/plans/${PLAN_ID}/evaluation?asOf=${asOf}`);
  prefetch(`/api/plans/${PLAN_ID}`);
  prefetch(forecastsUrl(asOf));
  void loadEcharts('basic');
}
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
