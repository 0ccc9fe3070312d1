// First of all: evaluating the list's store asks the desk for the list's first page, so that it is the page's
// first request (before the event stream and every other feature's start-up requests) and its rows show soonest.
import './state/list-store';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
