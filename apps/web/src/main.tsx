import './styles.css';
import { startHotRoute } from './boot/early-route';

// A small entry: it starts the opened page's code and data (boot/early-route.ts), then the
// app, whose chunks index.html already preloads. On a phone this runs the three downloads
// side by side instead of one after the other.
startHotRoute(window.location);
void import('./app/start');
